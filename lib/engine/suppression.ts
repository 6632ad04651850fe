import picomatch from 'picomatch';
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
   * Construct path glob (`Prod/Data/**`), logical id, or address. Absent for inline
   * acknowledgements, which sit on the resource itself.
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
    for (const ack of resource.acknowledgements ?? []) {
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
    for (const { s, match } of this.entries) {
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

function targetMatcher(target: string | undefined): (r: Resource) => boolean {
  if (target === undefined || target === '*' || target === '**') return () => true;
  const glob = picomatch(target, { dot: true });
  return (r) =>
    r.logicalId === target ||
    r.address === target ||
    (r.path !== undefined && (glob(r.path) || glob(r.path.replace(/\/Resource$/, '')))) ||
    glob(r.address);
}

/** True when `expires` (YYYY-MM-DD) is before `today`. */
export function isExpired(s: Suppression, today: Date): boolean {
  if (!s.expires) return false;
  const end = new Date(`${s.expires}T23:59:59.999Z`);
  return end.getTime() < today.getTime();
}
