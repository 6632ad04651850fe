import type { Resource } from '../graph/resource';
import type { View } from '../views/kinds';
import type { Enforcement } from './pack';
import type { Outcome, Rule } from './rule';
import type { Suppression } from './suppression';

/** A suppression as applied to one result. */
export interface AppliedSuppression {
  readonly suppression: Suppression;
  /** The suppression has expired: the result counts again, and says so. */
  readonly expired: boolean;
}

/** One rule's outcome on one view (one finding when the rule reports several). */
export interface RuleResult {
  readonly rule: Rule;
  readonly outcome: Outcome;
  readonly message: string;
  readonly finding?: string;
  readonly view: View;
  readonly resource: Resource;
  readonly enforcement: Enforcement;
  readonly suppression?: AppliedSuppression;
}

/** True when a suppression is in force for the result (present and not expired). */
export function isSuppressed(r: RuleResult): boolean {
  return r.suppression !== undefined && !r.suppression.expired;
}

/** Fail and unknown results: what a report calls findings. */
export function isFinding(r: RuleResult): boolean {
  return r.outcome === 'fail' || r.outcome === 'unknown';
}
