import type { Resource } from '../graph/resource';

/** Where a suppression was declared. */
export type SuppressionOrigin = 'file' | 'cdk-acknowledgement' | 'construct-opt-out';

/**
 * A decision to accept a finding: rule id (or `RULE[finding]`), a target, a required reason, an
 * optional owner and expiry. An expired suppression no longer applies: the finding is back and
 * says so.
 */
export interface Suppression {
  readonly rule: string;
  /** Narrows to one finding of the rule on the resource (`BW-NS-001[ingress-22]`). */
  readonly finding?: string;
  /**
   * Construct path (`Prod/Data/**`), logical id, or address, in the syntax of
   * {@link TARGET_SYNTAX}. Absent for inline acknowledgements, which sit on the resource itself.
   */
  readonly target?: string;
  readonly reason: string;
  readonly owner?: string;
  /** ISO date (YYYY-MM-DD) after which the suppression no longer applies. */
  readonly expires?: string;
  readonly origin: SuppressionOrigin;
  /** File (and line) where it was declared. */
  readonly declaredIn?: string;
}

/** Split `RULE[finding]` into its parts. */
export function parseRuleRef(ref: string): { rule: string; finding?: string } {
  const m = /^([^[\]]+)(?:\[([^\]]+)\])?$/.exec(ref.trim());
  if (!m) return { rule: ref.trim() };
  return { rule: m[1]!, finding: m[2] };
}

/** Compiled matcher for a list of suppressions. */
export class SuppressionIndex {
  private readonly entries: { s: Suppression; match: (r: Resource) => boolean }[];
  private readonly used = new Set<Suppression>();

  constructor(readonly suppressions: readonly Suppression[]) {
    this.entries = suppressions.map((s) => ({ s, match: targetMatcher(s.target) }));
  }

  /** The first suppression that covers this result, if any (expired ones included: the caller decides). */
  find(ruleId: string, finding: string | undefined, resource: Resource): Suppression | undefined {
    const acks = resource.acknowledgements;
    if (acks !== undefined) {
      for (const ack of acks) {
        const ref = parseRuleRef(ack.rule);
        if (ref.rule === ruleId && (ref.finding === undefined || ref.finding === finding)) {
          return {
            rule: ruleId,
            finding: ref.finding,
            reason: ack.prop ? `${ack.reason} (opt-out: \`${ack.prop}\`)` : ack.reason,
            origin: ack.kind === 'opt-out' ? 'construct-opt-out' : 'cdk-acknowledgement',
            target: resource.path,
          };
        }
      }
    }
    // Indexed: this runs for every finding, most often with no suppression at all.
    for (let i = 0; i < this.entries.length; i++) {
      const { s, match } = this.entries[i]!;
      if (s.rule !== ruleId) continue;
      if (s.finding !== undefined && s.finding !== finding) continue;
      if (!match(resource)) continue;
      this.used.add(s);
      return s;
    }
    return undefined;
  }

  /** File suppressions that matched nothing: stale entries worth removing. */
  unused(): Suppression[] {
    return this.suppressions.filter((s) => !this.used.has(s));
  }
}

/**
 * The syntax of a suppression target, compared with a resource's construct path (with and without
 * its trailing `/Resource`), its address (`Stack/LogicalId`) and its logical id:
 *
 * - `/` separates segments;
 * - `*` matches any run of characters inside one segment (never a `/`), so a lone `*` matches
 *   every logical id, hence every resource;
 * - a segment that is exactly `**` matches any number of segments, none included;
 * - every other character matches itself: `( ) + [ ] { } ? ! . \ ^ $ |` have no special meaning;
 * - there is no negation: a target that starts with `!` is rejected when the file is read.
 */
export const TARGET_SYNTAX =
  'A construct path, address (Stack/LogicalId) or logical id, compared segment by segment (`/` separates segments). ' +
  'Only `*` (any characters inside one segment) and a whole `**` segment (any number of segments) are wildcards; ' +
  'every other character, including ( ) + [ ] { } ? ! . and \\, is literal. There is no negation: a target may not start with `!`.';

/**
 * A matcher for a target (see {@link TARGET_SYNTAX}). Matching takes time proportional to the
 * product of the target's and the value's lengths at worst, whatever wildcards the target holds.
 */
export function targetPattern(target: string): (value: string) => boolean {
  const pattern = target.split('/').filter((seg, i, all) => !(seg === '**' && all[i - 1] === '**'));
  if (!target.includes('*')) return (value) => value === target;
  return (value) => matchSegments(pattern, value.split('/'));
}

/** Whether `segments` match `pattern`, where a `**` pattern segment matches zero or more segments. */
function matchSegments(pattern: readonly string[], segments: readonly string[]): boolean {
  // can[j]: the pattern read so far matches the first j segments.
  let can: boolean[] = new Array<boolean>(segments.length + 1).fill(false);
  can[0] = true;
  for (const p of pattern) {
    const next: boolean[] = new Array<boolean>(segments.length + 1).fill(false);
    if (p === '**') {
      let any = false;
      for (let j = 0; j <= segments.length; j++) next[j] = any ||= can[j]!;
    } else {
      for (let j = 1; j <= segments.length; j++) next[j] = can[j - 1]! && matchSegment(p, segments[j - 1]!);
    }
    can = next;
  }
  return can[segments.length]!;
}

/** Whether one segment matches a pattern in which `*` matches any run of characters. */
function matchSegment(p: string, s: string): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    if (i < p.length && p[i] !== '*' && p[i] === s[j]) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

function targetMatcher(target: string | undefined): (r: Resource) => boolean {
  if (target === undefined) return () => true;
  const test = targetPattern(target);
  return (r) =>
    (r.logicalId !== undefined && test(r.logicalId)) ||
    test(r.address) ||
    (r.path !== undefined && (test(r.path) || test(r.path.replace(/\/Resource$/, ''))));
}

/** True when `expires` (YYYY-MM-DD) is before `today`. */
export function isExpired(s: Suppression, today: Date): boolean {
  if (!s.expires) return false;
  const end = new Date(`${s.expires}T23:59:59.999Z`);
  return end.getTime() < today.getTime();
}
