import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Accept the findings of a Bulwark rule on `scope` and everything below it, with the reason: the
 * engine reports them as suppressed by a CDK acknowledgement, reason included, in every report.
 */
export function acknowledge(scope: IConstruct, rule: `BW-${string}`, reason: string): void {
  Validations.of(scope).acknowledge({ id: `Bulwark::${rule}`, reason });
}
