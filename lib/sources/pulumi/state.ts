/**
 * Pulumi state files: `pulumi stack export` (an untyped deployment, version 3) and `pulumi preview
 * --json` (a preview digest whose steps carry each resource's new state).
 */
import { InputError, isInputError } from '../../errors';
import type { SourceRead } from '../source';
import { decodeText } from '../cloudformation/parse';
import { Locator, readBytes, readTerraformJson, type TerraformFile } from '../terraform/file';
import { pulumiAdapters } from './adapters';
import { notJudged, parseUrn, toResources, type PulumiRecord } from './resource';

/** The kinds of Pulumi state file. */
export type StateKind = 'export' | 'preview';

/** The deployment versions read. */
const EXPORT_VERSION = 3;

/** Steps after which the resource no longer exists (or never will): not judged. */
const GONE = new Set([
  'delete',
  'delete-replaced',
  'discard',
  'discard-replaced',
  'remove-pending-replace',
  'read-discard',
]);

/** The string `pulumi preview --json` writes for a secret. */
const PREVIEW_SECRET = '[secret]';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What a parsed JSON value is: a stack export, a preview, or neither. */
function kindOf(body: unknown): StateKind | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.version === 'number' && isRecord(body.deployment)) return 'export';
  if (
    Array.isArray(body.steps) &&
    body.steps.some((s) => isRecord(s) && typeof s.op === 'string' && typeof s.urn === 'string')
  )
    return 'preview';
  if ('changeSummary' in body && ('steps' in body || 'diagnostics' in body)) return 'preview';
  return undefined;
}

/**
 * The kind of a file by its content. A file that is not valid JSON (truncated) is recognised by the
 * keys near its start, so that reading it reports the real problem.
 */
export function stateKind(file: string): StateKind | undefined {
  let text: string;
  try {
    text = decodeText(file, readBytes(file));
  } catch {
    return undefined;
  }
  if (!/"(deployment|steps|changeSummary)"\s*:/.test(text)) return undefined;
  try {
    return kindOf(JSON.parse(text));
  } catch {
    const head = text.slice(0, 4096);
    if (/"version"\s*:\s*\d+/.test(head) && /"deployment"\s*:\s*\{/.test(head)) return 'export';
    if (/"steps"\s*:\s*\[/.test(head) && /"op"\s*:/.test(head) && /"urn"\s*:\s*"urn:pulumi:/.test(head))
      return 'preview';
    return undefined;
  }
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function dependencies(v: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) out[k] = strings(x);
  return out;
}

/** A resource state (`ResourceV3`) as a record; undefined when it has no URN or type. */
function recordOf(state: unknown, locator: Locator, locateAs: string): PulumiRecord | undefined {
  if (!isRecord(state) || typeof state.urn !== 'string' || typeof state.type !== 'string') return undefined;
  return {
    urn: state.urn,
    type: state.type,
    custom: state.custom === true,
    ...(typeof state.parent === 'string' && state.parent ? { parent: state.parent } : {}),
    ...(state.external === true ? { external: true } : {}),
    inputs: isRecord(state.inputs) ? state.inputs : {},
    propertyDependencies: dependencies(state.propertyDependencies),
    ...(isRecord(state.outputs) ? { outputs: state.outputs } : {}),
    ...(typeof state.id === 'string' && state.id ? { id: state.id } : {}),
    ...(state.protect === true ? { protect: true } : {}),
    ...(state.retainOnDelete === true ? { retainOnDelete: true } : {}),
    locate: () => locator.locate(locateAs),
  };
}

/** The stack a file's resources belong to, from their URNs: `<project>/<stack>`. */
function stackOf(records: readonly PulumiRecord[], fallback: string): string {
  const urn = records.map((r) => parseUrn(r.urn)).find((u) => u !== undefined);
  return urn ? `${urn.project}/${urn.stack}` : fallback;
}

function readExport(tf: TerraformFile): PulumiRecord[] {
  const { file, body } = tf;
  const version = body.version;
  if (version !== EXPORT_VERSION)
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      `stack export version ${JSON.stringify(version)} is not read (version ${EXPORT_VERSION} is): export it again with a current Pulumi CLI`,
    );
  const deployment = body.deployment as Record<string, unknown>;
  const resources = deployment.resources ?? [];
  if (!Array.isArray(resources))
    throw new InputError('BULWARK_TEMPLATE_INVALID', file, '`deployment.resources` is not a list');
  const locator = new Locator(
    file,
    tf.text,
    (p) =>
      p.length === 3 && p[0] === 'deployment' && p[1] === 'resources' ? `r/${String(p[2])}` : undefined,
    true,
  );
  return resources.map((r, i) => {
    const record = recordOf(r, locator, `r/${i}`);
    if (!record)
      throw new InputError(
        'BULWARK_TEMPLATE_INVALID',
        file,
        `resource ${i} of \`deployment.resources\` has no \`urn\` or \`type\``,
      );
    if (isRecord(r) && r.delete === true) return { ...record, external: true };
    return record;
  });
}

function readPreview(tf: TerraformFile): PulumiRecord[] {
  const { file, body } = tf;
  const steps = body.steps ?? [];
  if (!Array.isArray(steps)) throw new InputError('BULWARK_TEMPLATE_INVALID', file, '`steps` is not a list');
  const locator = new Locator(
    file,
    tf.text,
    (p) => (p.length === 3 && p[0] === 'steps' && p[2] === 'newState' ? `s/${String(p[1])}` : undefined),
    true,
  );
  // A replacement is several steps of one URN: the last state it will have is read.
  const byUrn = new Map<string, PulumiRecord | undefined>();
  steps.forEach((s, i) => {
    if (!isRecord(s) || typeof s.urn !== 'string' || typeof s.op !== 'string')
      throw new InputError('BULWARK_TEMPLATE_INVALID', file, `step ${i} has no \`op\` or \`urn\``);
    if (GONE.has(s.op)) {
      if (!byUrn.has(s.urn)) byUrn.set(s.urn, undefined);
      return;
    }
    if (s.newState === undefined || s.newState === null) return;
    const record = recordOf(s.newState, locator, `s/${i}`);
    if (!record)
      throw new InputError(
        'BULWARK_TEMPLATE_INVALID',
        file,
        `step ${i} has a \`newState\` without \`urn\` or \`type\``,
      );
    byUrn.set(s.urn, s.op === 'read' ? { ...record, external: true } : record);
  });
  return [...byUrn.values()].filter((r): r is PulumiRecord => r !== undefined);
}

/** Read a `pulumi stack export` or `pulumi preview --json` file. */
export function readState(file: string): SourceRead {
  let tf: TerraformFile;
  try {
    tf = readTerraformJson(file, 'a Pulumi stack export or preview (--json)');
  } catch (e) {
    if (isInputError(e)) throw e;
    throw new InputError('BULWARK_TEMPLATE_PARSE', file, `cannot be read (${(e as Error).message})`);
  }
  const kind = kindOf(tf.body);
  if (!kind)
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      'not a Pulumi artifact: expected a stack export (`version` and `deployment`) or a preview (`steps`)',
    );
  const records = kind === 'export' ? readExport(tf) : readPreview(tf);
  const resources = toResources(records, (s) => kind === 'preview' && s === PREVIEW_SECRET);
  return {
    resources,
    templates: [{ stack: stackOf(records, file), file, resources: resources.length }],
    incomplete: notJudged(resources, pulumiAdapters(), file),
  };
}
