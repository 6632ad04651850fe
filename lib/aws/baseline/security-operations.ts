import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Classification } from '../../classification';
import { AuditLogSink } from '../audit';
import { IncidentRouting } from '../incident';
import { SecurityPosture } from '../posture';
import { acknowledge, acknowledgeAuditScope } from './acknowledge';

/**
 * The account-wide security services of the baseline, wired together: incident routing (topics per
 * severity, GuardDuty and Security Hub findings routed to them), the audit log sink (its CIS alarms
 * notify those topics) and the posture services (AWS Config, Security Hub, GuardDuty, Access
 * Analyzer, Inspector), whose configuration bucket logs its requests into the audit sink and has
 * its data events recorded by the trail.
 */
export class SecurityOperations extends Construct {
  /** Notification topics per incident severity. */
  readonly incidents: IncidentRouting;
  /** The trail, its immutable bucket, log group and CIS alarms. */
  readonly audit: AuditLogSink;
  /** AWS Config, Security Hub, GuardDuty, Access Analyzer, Inspector, ECR scanning. */
  readonly posture: SecurityPosture;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.incidents = new IncidentRouting(this, 'Incidents');
    this.audit = new AuditLogSink(this, 'Audit', { alarmTopics: this.incidents.topics });
    this.posture = new SecurityPosture(this, 'Posture');
    this.audit.logAccessOf(this.posture.configBucket);
    this.audit.auditStore(this.posture.configBucket, Classification.CONFIDENTIAL);

    // The audit sink's own buckets close the chain of audit records; their data events cannot
    // feed the same trail without feeding themselves.
    const loop =
      'trail deliveries into the audit bucket are logged by S3 into the access-log bucket; recording ' +
      "either bucket's data events with the trail would write them back into the audit bucket, whose " +
      'access logs record those writes again, without end. Their integrity rests on Object Lock in ' +
      'compliance mode and the trail digest chain, and every request to the audit bucket is in the access logs';
    for (const bucket of [this.audit.bucket, this.audit.accessLogBucket]) {
      acknowledge(bucket, 'BW-DP-018', loop);
      acknowledge(bucket, 'BW-LT-009', loop);
    }
    acknowledge(
      this.audit.accessLogBucket,
      'BW-LT-008',
      'the access-log bucket is the end of the access-log chain: logging it into itself loops, and ' +
        'into another bucket only moves the unlogged bucket one step. It is written by the S3 logging ' +
        'service only (bucket policy), versioned, encrypted, TLS-only and private; changes to its ' +
        'policy raise the CIS 4.8 alarm',
    );
    acknowledgeAuditScope(this.posture.configBucket, Classification.CONFIDENTIAL);
  }

  /** Record the data events of a store as its level requires (CONFIDENTIAL and up; a no-op below). */
  audited(store: s3.IBucket | dynamodb.ITable, level: Classification): void {
    this.audit.auditStore(store, level);
  }
}
