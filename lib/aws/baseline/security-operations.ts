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

    // The access-log bucket receives the audit bucket's server access logs: its data events cannot feed
    // the trail without feeding themselves.
    const loop =
      "the access-log bucket receives the audit bucket's server access logs: recording its data events " +
      'with the trail writes them into the audit bucket, whose access logs land in this bucket again, ' +
      'without end. It is written only by the S3 logging service (bucket policy), versioned, encrypted ' +
      'and private, and changes to its policy raise the CIS 4.8 alarm';
    acknowledge(this.audit.accessLogBucket, 'BW-DP-018', loop);
    acknowledge(this.audit.accessLogBucket, 'BW-LT-009', loop);
    acknowledgeAuditScope(this.posture.configBucket, Classification.CONFIDENTIAL);
  }

  /** Record the data events of a store as its level requires (CONFIDENTIAL and up; a no-op below). */
  audited(store: s3.IBucket | dynamodb.ITable, level: Classification): void {
    this.audit.auditStore(store, level);
  }
}
