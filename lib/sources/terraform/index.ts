import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, isInputError } from '../../errors';
import type { Resource } from '../../graph/resource';
import type { TemplateInfo } from '../artifact';
import { append } from '../source';
import { decodeText } from '../cloudformation/parse';
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

/**
 * The kind of a file by its content. A file that is not valid JSON (truncated) is recognised by the
 * keys near its start, so that reading it reports the real problem.
 */
function fileKind(file: string): Kind | undefined {
  let text: string;
  try {
    text = decodeText(file, readBytes(file));
  } catch {
    return undefined;
  }
  // Only text that names a key of a Terraform artifact is parsed (a CloudFormation template is not).
  if (!/"(format_version|terraform|\/\/|resource|data)"\s*:/.test(text)) return undefined;
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
