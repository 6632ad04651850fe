import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, isInputError } from '../../errors';
import type { Resource } from '../../graph/resource';
import type { TemplateInfo } from '../artifact';
import { append } from '../source';
import { withFileBytes } from '../bytes';
import { decodeText, isUtf8Text } from '../cloudformation/parse';
import { readTerraformConfig } from './config';
import { readBytes, readTerraformJson, type TerraformFile } from './file';
import { readTerraformPlan } from './plan';

export { AFTER_APPLY, REDACTED } from './plan';
export { TerraformResource } from './file';

/** What was read from Terraform artifacts. */
export interface TerraformRead {
  readonly resources: Resource[];
  readonly templates: TemplateInfo[];
  /** What the artifacts declare but could not be read: unknown multiplicity, modules not read. */
  readonly incomplete: string[];
}

type Kind = 'plan' | 'config';

/** What a parsed JSON object is: a plan (or state) from `terraform show -json`, Terraform JSON configuration, or neither. */
function kindOf(body: unknown): Kind | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  if ('format_version' in b && ('planned_values' in b || 'resource_changes' in b || 'terraform_version' in b))
    return 'plan';
  if (('resource' in b || 'data' in b) && ('terraform' in b || '//' in b)) return 'config';
  return undefined;
}

/** A key of a Terraform artifact: only text that names one is parsed (a CloudFormation template is not). */
const TERRAFORM_KEY = /"(format_version|terraform|\/\/|resource|data)"\s*:/;

/** The names of {@link TERRAFORM_KEY}, each with its closing quote, as UTF-8. */
const KEY_NAMES = ['format_version', 'terraform', '//', 'resource', 'data'].map((n) => Buffer.from(`${n}"`));
/** Marks the first byte of each name of {@link KEY_NAMES}. */
const FIRST_BYTES = new Uint8Array(256);
for (const name of KEY_NAMES) FIRST_BYTES[name[0]!] = 1;

/**
 * Whether the text of UTF-8 bytes (as {@link decodeText} reads them) may match {@link TERRAFORM_KEY},
 * told from the bytes without decoding them: a quote, a name and its quote, ASCII spaces and a colon.
 * Decoding keeps ASCII bytes as they are, so a match of ASCII characters is one in the bytes; where a
 * non-ASCII byte follows the name (a Unicode space?), the text decides.
 */
function mayNameTerraformKey(bytes: Buffer): boolean {
  // Native search from quote to quote, not a loop over every byte.
  for (let q = bytes.indexOf(0x22 /* " */); q !== -1; q = bytes.indexOf(0x22, q + 1)) {
    if (FIRST_BYTES[bytes[q + 1]!] !== 1) continue;
    for (const name of KEY_NAMES) {
      if (!holdsAt(bytes, q + 1, name)) continue;
      let i = q + 1 + name.length;
      while (isAsciiSpace(bytes[i])) i++;
      if (bytes[i] === 0x3a /* : */ || bytes[i]! >= 0x80) return true;
    }
  }
  return false;
}

/** Whether `bytes` hold `part` at `at`. */
function holdsAt(bytes: Buffer, at: number, part: Buffer): boolean {
  for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) return false;
  return true;
}

/** The ASCII characters `\s` matches: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number | undefined): boolean {
  return c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d);
}

/**
 * The kind of a file by its content. A file that is not valid JSON (truncated) is recognised by the
 * keys near its start, so that reading it reports the real problem.
 */
function fileKind(file: string): Kind | undefined {
  let text: string | undefined;
  try {
    // Most files name no such key (templates): told from their bytes, without decoding them.
    text = withFileBytes(file, (bytes) =>
      isUtf8Text(bytes) && !mayNameTerraformKey(bytes) ? undefined : decodeText(file, bytes),
    );
  } catch {
    return undefined;
  }
  if (text === undefined || !TERRAFORM_KEY.test(text)) return undefined;
  try {
    return kindOf(JSON.parse(text));
  } catch {
    const head = text.slice(0, 4096);
    if (
      /"format_version"\s*:/.test(head) &&
      /"(planned_values|resource_changes|terraform_version)"\s*:/.test(head)
    )
      return 'plan';
    if (/^\s*\{\s*"(\/\/|terraform)"\s*:/.test(head) && /"(resource|data)"\s*:/.test(text)) return 'config';
    return undefined;
  }
}

/** The stacks of a `cdktf.out` manifest (name -> synthesized stack path), or undefined when it is not one. */
function cdktfStacks(dir: string): Map<string, string> | undefined {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(decodeText(manifest, readBytes(manifest)));
  } catch {
    return undefined;
  }
  const stacks = (body as { stacks?: unknown } | null)?.stacks;
  if (typeof stacks !== 'object' || stacks === null || Array.isArray(stacks)) return undefined;
  const out = new Map<string, string>();
  for (const [name, s] of Object.entries(stacks as Record<string, unknown>)) {
    const p = (s as { synthesizedStackPath?: unknown } | null)?.synthesizedStackPath;
    if (typeof p !== 'string') return undefined;
    out.set(name, p);
  }
  return out.size > 0 ? out : undefined;
}

/** The Terraform artifacts (plans, configurations) directly inside a directory, sorted by name. */
function artifactsIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => /\.json$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n))
    .filter((f) => fs.statSync(f).isFile() && fileKind(f) !== undefined);
}

/**
 * Whether a path is a Terraform artifact, by content: a `terraform show -json` plan (`format_version`
 * with `planned_values`, `resource_changes` or `terraform_version`), a `cdk.tf.json` (`resource` or
 * `data` with `terraform` or `//`), a `cdktf.out` directory (its `manifest.json` names
 * `stacks.<name>.synthesizedStackPath`), or a directory holding plans or `cdk.tf.json` files.
 */
export function isTerraformArtifact(p: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return false;
  }
  if (stat.isDirectory()) {
    if (cdktfStacks(p)) return true;
    try {
      return artifactsIn(p).length > 0;
    } catch {
      return false;
    }
  }
  return fileKind(p) !== undefined;
}

/**
 * Read Terraform artifacts into resources: a plan or `cdk.tf.json` file (addresses are Terraform
 * addresses), a `cdktf.out` directory (every stack of its manifest; addresses `<stack>/<address>`)
 * or a directory of plans and configurations (addresses `<file name>/<address>`). Problems are
 * {@link InputError}s naming the file.
 */
export function readTerraform(p: string): TerraformRead {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    throw new InputError('BULWARK_PATH_NOT_FOUND', p, 'no such file or directory');
  }
  const out: TerraformRead = { resources: [], templates: [], incomplete: [] };
  if (!stat.isDirectory()) {
    readFile(p, undefined, '', out);
    return out;
  }
  const stacks = cdktfStacks(p);
  if (stacks) {
    for (const [name, rel] of stacks) {
      const file = path.join(p, rel);
      if (!fs.existsSync(file)) {
        throw new InputError(
          'BULWARK_ASSEMBLY_INVALID',
          path.join(p, 'manifest.json'),
          `stack \`${name}\` names \`${rel}\`, which does not exist (run \`cdktf synth\` again?)`,
        );
      }
      readFile(file, name, `${name}/`, out, 'config');
    }
    return out;
  }
  const files = artifactsIn(p);
  if (files.length === 0) {
    throw new InputError(
      'BULWARK_NO_TEMPLATES',
      p,
      'the directory has no Terraform plan (terraform show -json), no cdk.tf.json and no cdktf.out manifest.json',
    );
  }
  for (const f of files) {
    const stack = stackName(f);
    readFile(f, stack, `${stack}/`, out);
  }
  return out;
}

function stackName(file: string): string {
  return path.basename(file).replace(/(\.cdk)?(\.tf)?\.json$/i, '');
}

function readFile(
  file: string,
  stack: string | undefined,
  prefix: string,
  out: TerraformRead,
  expect?: Kind,
): void {
  let tf: TerraformFile;
  try {
    tf = readTerraformJson(file, 'a Terraform plan (terraform show -json) or cdk.tf.json');
  } catch (e) {
    if (isInputError(e)) throw e;
    throw new InputError('BULWARK_TEMPLATE_PARSE', file, `cannot be read (${(e as Error).message})`);
  }
  const kind = kindOf(tf.body) ?? expect;
  if (!kind) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      'not a Terraform artifact: expected a plan (`format_version` with `planned_values` or `resource_changes`) or a cdk.tf.json (`resource`/`data` with `terraform`)',
    );
  }
  const meta = tf.body['//'];
  const metaStack =
    typeof meta === 'object' && meta !== null
      ? (meta as { metadata?: { stackName?: unknown } }).metadata?.stackName
      : undefined;
  const name = stack ?? (typeof metaStack === 'string' ? metaStack : stackName(file));
  const read =
    kind === 'plan'
      ? readTerraformPlan(tf, { stack: name, prefix })
      : readTerraformConfig(tf, { stack: name, prefix });
  append(out.resources, read.resources);
  out.templates.push({ stack: name, file, resources: read.resources.length });
  append(out.incomplete, read.incomplete);
}
