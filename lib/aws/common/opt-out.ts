import { Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { OPT_OUT_KEY } from '../../cdk/metadata';
import { ConstructPropsError } from './validation';

/**
 * An explicit, reasoned opt-out of a secure default. Every construct prop that weakens a default
 * takes one of these instead of a boolean, so the reason travels with the decision.
 */
export interface OptOut {
  /** Why the secure default does not fit here (at least 10 characters); shown in every report. */
  readonly reason: string;
}

/**
 * Record an opt-out on a construct: the engine reports the findings of `rule` on the construct and
 * its children as suppressed by this opt-out, with the reason and the prop.
 */
export function recordOptOut(scope: IConstruct, rule: string, prop: string, optOut: OptOut): void {
  if (!Token.isUnresolved(optOut.reason) && optOut.reason.trim().length < 10) {
    throw new ConstructPropsError(
      'BULWARK_OPT_OUT_REASON',
      scope,
      `\`${prop}\` opts out of a secure default and needs a reason of at least 10 characters`,
    );
  }
  scope.node.addMetadata(OPT_OUT_KEY, { rule, prop, reason: optOut.reason });
}
