import * as fs from 'node:fs';
import { once } from '../once';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import { InputError } from '../errors';
import { parseRuleRef, TARGET_SYNTAX, type Suppression } from '../engine/suppression';

/** Default file name, looked up in the working directory when no `--suppressions` is given. */
export const SUPPRESSIONS_FILE = 'bulwark.suppressions.yaml';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['suppressions'],
  properties: {
    suppressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'target', 'reason'],
        properties: {
          rule: { type: 'string', pattern: '^BW-[A-Z]{2,3}-\\d{3}(\\[[^\\]]+\\])?$' },
          target: { type: 'string', minLength: 1, pattern: '^[^!]', description: TARGET_SYNTAX },
          reason: { type: 'string', minLength: 10 },
          owner: { type: 'string', minLength: 1 },
          expires: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: 'A calendar date (YYYY-MM-DD); after it the suppression no longer applies.',
          },
        },
      },
    },
  },
} as const;

/** The file's validator, compiled on first use: a run without a suppressions file never builds it. */
const validator = once(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the validator library is loaded with the validator
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ allErrors: false }).compile(schema);
});

/** Whether `YYYY-MM-DD` names a day of the calendar (not 2027-02-30 or 2020-13-45). */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Read a suppressions file:
 *
 * ```yaml
 * suppressions:
 *   - rule: BW-DP-002            # or BW-NS-001[tcp-22-0.0.0.0/0] for one finding
 *     target: "Prod/Site/**"     # construct path, logical id or address; `*` and `**` are the only wildcards
 *     reason: Public website assets, reviewed by the security team
 *     owner: web-platform        # optional
 *     expires: 2027-06-30        # optional; after it the finding is back
 * ```
 */
export function readSuppressionsFile(file: string): Suppression[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError('BULWARK_PATH_NOT_FOUND', file, 'suppressions file not found');
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new InputError(
      'BULWARK_SUPPRESSIONS_INVALID',
      `${file}:${pos.line}`,
      `invalid YAML: ${e.message.split('\n')[0]}`,
    );
  }
  // Dates stay strings: `expires: 2027-06-30` must not become a Date.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new InputError(
      'BULWARK_SUPPRESSIONS_INVALID',
      file,
      /alias/i.test(message)
        ? 'YAML aliases expand to too much content (more than 100 alias uses: an alias bomb?)'
        : `invalid YAML: ${message.split('\n')[0]}`,
    );
  }
  if (data === null || data === undefined) return [];
  const validate = validator();
  if (!validate(data)) {
    const err = validate.errors?.[0];
    const where = err?.instancePath ? err.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'top level';
    const index = /^\/suppressions\/(\d+)/.exec(err?.instancePath ?? '')?.[1];
    const line = index !== undefined ? lineOfItem(doc, Number(index), lineCounter) : undefined;
    const hint =
      err?.keyword === 'required'
        ? `missing \`${(err.params as { missingProperty: string }).missingProperty}\``
        : err?.keyword === 'additionalProperties'
          ? `unknown field \`${(err.params as { additionalProperty: string }).additionalProperty}\``
          : err?.keyword === 'pattern' && where.endsWith('.rule')
            ? 'rule must be a rule id like BW-DP-002 or BW-NS-001[finding]'
            : err?.keyword === 'pattern' && where.endsWith('.expires')
              ? 'expires must be a date YYYY-MM-DD'
              : err?.keyword === 'pattern' && where.endsWith('.target')
                ? 'a target may not start with `!`: there is no negation; list the targets to suppress'
                : err?.keyword === 'minLength' && where.endsWith('.reason')
                  ? 'reason must say why (at least 10 characters)'
                  : (err?.message ?? 'invalid');
    throw new InputError(
      'BULWARK_SUPPRESSIONS_INVALID',
      line ? `${file}:${line}` : file,
      `${where}: ${hint}`,
    );
  }
  const entries = (
    data as {
      suppressions: { rule: string; target: string; reason: string; owner?: string; expires?: string }[];
    }
  ).suppressions;
  entries.forEach((s, i) => {
    if (s.expires !== undefined && !isCalendarDate(s.expires)) {
      const line = lineOfItem(doc, i, lineCounter);
      throw new InputError(
        'BULWARK_SUPPRESSIONS_INVALID',
        line ? `${file}:${line}` : file,
        `suppressions.${i}.expires: \`${s.expires}\` is not a date of the calendar (YYYY-MM-DD)`,
      );
    }
  });
  return entries.map((s, i) => {
    const ref = parseRuleRef(s.rule);
    return {
      rule: ref.rule,
      finding: ref.finding,
      target: s.target,
      reason: s.reason,
      owner: s.owner,
      expires: s.expires,
      origin: 'file' as const,
      declaredIn: `${file}:${lineOfItem(doc, i, lineCounter) ?? 1}`,
    };
  });
}

function lineOfItem(
  doc: ReturnType<typeof parseDocument>,
  index: number,
  lc: LineCounter,
): number | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const seq = root.get('suppressions', true);
  if (!isSeq(seq)) return undefined;
  const item = seq.items[index] as { range?: [number, number, number] } | undefined;
  return item?.range ? lc.linePos(item.range[0]).line : undefined;
}
