import * as fs from 'node:fs';
import * as path from 'node:path';
import { cloudFormationAdapters } from '../../views/cloudformation';
import type { Source, SourceRead, SourceReadOptions } from '../source';
import { withFileBytes } from '../bytes';
import { decodeText, isUtf8Text } from './parse';
import { readCloudAssembly, readTemplateFile } from './read';

/** A JSON template names `Resources` or `AWSTemplateFormatVersion` as a key. */
const JSON_KEY = /"(?:Resources|AWSTemplateFormatVersion)"\s*:/;
/** A YAML template names them as top-level keys (block style, at the start of a line, or flow style). */
const YAML_KEY = /^(?:\{\s*)?['"]?(?:Resources|AWSTemplateFormatVersion)['"]?\s*:/m;

/** Whether text names a template's key. */
function namesTemplateKey(text: string): boolean {
  return JSON_KEY.test(text) || YAML_KEY.test(text);
}

/** How many bytes of a file are looked at first: templates name their sections near the top. */
const HEAD_BYTES = 16 * 1024;

/**
 * Whether a file is a template: its text names `Resources` or `AWSTemplateFormatVersion` as a key.
 * Most templates do so in their first bytes, which are then all that is decoded: a key named there
 * is named by the whole text.
 */
function isTemplateFile(file: string): boolean {
  try {
    return withFileBytes(
      file,
      (bytes) =>
        (isUtf8Text(bytes) && namesTemplateKey(bytes.toString('utf8', 0, HEAD_BYTES))) ||
        namesTemplateKey(decodeText(file, bytes)),
    );
  } catch {
    // Content that cannot be read, or not as text, is not recognised.
    return false;
  }
}

/** The text of a file, or undefined when it cannot be read as text. */
function textOf(file: string): string | undefined {
  try {
    return decodeText(file, fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Whether `dir` is a CDK cloud assembly: it has a `manifest.json` that is not another tool's (CDK for
 * Terraform writes one too, with `stacks` and no `artifacts`). A manifest that cannot be parsed is
 * taken as the assembly's, so that its error is reported rather than the directory read file by file.
 */
function isAssemblyDir(dir: string): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(textOf(manifest) ?? '');
  } catch {
    return true;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return true;
  return 'artifacts' in parsed || !('stacks' in parsed);
}

/** CloudFormation templates (JSON or YAML) and CDK cloud assemblies. */
export const cloudFormationSource: Source = {
  kind: 'cloudformation',
  title: 'CloudFormation templates and CDK cloud assemblies',
  recognises(p: string): boolean {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return false;
    }
    return stat.isDirectory() ? isAssemblyDir(p) : isTemplateFile(p);
  },
  read(p: string, opts: SourceReadOptions = {}): SourceRead {
    return fs.statSync(p).isDirectory() ? readCloudAssembly(p) : readTemplateFile(p, opts.name);
  },
  notRecognised(): string {
    return 'not a CloudFormation template: it has no `Resources` section or `AWSTemplateFormatVersion`';
  },
  adapters: cloudFormationAdapters,
};
