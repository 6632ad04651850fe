import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { Classification } from '../../classification';

/**
 * Accept the findings of a Bulwark rule on `scope` and everything below it, with the reason: the
 * engine reports them as suppressed by a CDK acknowledgement, reason included, in every report.
 */
export function acknowledge(scope: IConstruct, rule: `BW-${string}`, reason: string): void {
  Validations.of(scope).acknowledge({ id: `Bulwark::${rule}`, reason });
}

/** Audit scope of the levels below the CIS 3.8/3.9 data events (the classification table's `audit` row). */
const AUDIT_SCOPE: Partial<Record<Classification, string>> = {
  [Classification.PUBLIC]: 'management events',
  [Classification.INTERNAL]: 'management events',
  [Classification.CONFIDENTIAL]:
    'management events and data-plane writes (which the trail records), not reads',
};

/**
 * Accept BW-LT-009 (CIS 3.8/3.9: read and write data events of every bucket) on a bucket whose
 * level the classification table audits with less; no-op from RESTRICTED up, where the trail
 * records every data event. The bucket must log its requests into the audit sink.
 */
export function acknowledgeAuditScope(bucket: IConstruct, level: Classification): void {
  const scope = AUDIT_SCOPE[level];
  if (!scope) return;
  acknowledge(
    bucket,
    'BW-LT-009',
    `the classification table sets the audit scope of ${level} data to ${scope}; CIS 3.8/3.9 data ` +
      'events on every bucket cost more than the level warrants. Every request to the bucket is ' +
      "still recorded in its server access logs (the audit sink's access-log bucket)",
  );
}
