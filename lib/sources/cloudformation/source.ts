import * as fs from 'node:fs';
import * as path from 'node:path';
import { cloudFormationAdapters } from '../../views/cloudformation';
import type { Source, SourceRead, SourceReadOptions } from '../source';
import { withFileBytes } from '../bytes';
import { decodeText, isUtf8Text, namesTopLevelKey } from './parse';
import { readCloudAssembly, readTemplateFile } from './read';

/** A template's top-level sections, one of which it names. */
const TEMPLATE_KEYS = ['Resources', 'AWSTemplateFormatVersion'];
/** A YAML template names them as top-level keys (block style, at the start of a line, or flow style). */
const YAML_KEY = /^(?:\{\s*)?['"]?(?:Resources|AWSTemplateFormatVersion)['"]?\s*:/m;

/** How many bytes of a file are looked at first for a YAML key: templates name their sections near the top. */
const HEAD_BYTES = 16 * 1024;

/**
 * Whether a file is a template: it names `Resources` or `AWSTemplateFormatVersion` as a top-level
 * key, in JSON (a key of the outermost object, found without decoding the file) or in YAML (a key at
 * the start of a line). A JSON file naming them only deeper (a Terraform plan with a tag so named)
 * is not one. For YAML, most templates name them in their first bytes, which are then all that is
 * decoded.
 */
function isTemplateFile(file: string): boolean {
  try {
    return withFileBytes(file, (bytes) => {
      if (isUtf8Text(bytes)) {
        return (
          namesTopLevelKey(bytes, TEMPLATE_KEYS) ||
          YAML_KEY.test(bytes.toString('utf8', 0, HEAD_BYTES)) ||
          YAML_KEY.test(bytes.toString('utf8'))
        );
      }
      const text = decodeText(file, bytes);
      return namesTopLevelKey(Buffer.from(text, 'utf8'), TEMPLATE_KEYS) || YAML_KEY.test(text);
    });
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
