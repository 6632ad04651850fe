import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import type { Construct } from 'constructs';
import {
  AuditTrailSink,
  Classification,
  ClassifiedBackup,
  ClassifiedKey,
  ClassifiedObjectStore,
  SegmentedNetwork,
  Tier,
  classificationTags,
  denyInsecureTransport,
  policyJson,
} from '../../lib/terraform';
import { INCIDENT_SEVERITIES, type IncidentSeverity } from '../../lib/aws/incident/severity';

/** Region of the example; the copy vault of RESTRICTED backups lives in another one. */
const REGION = 'eu-west-1';
const COPY_VAULT_ARN = 'arn:aws:backup:eu-central-1:111122223333:backup-vault:bulwark-copies';

/**
 * The Terraform example: a segmented network, the audit trail sink, object stores of three
 * classification levels and their backups, built from `bulwark/terraform`.
 */
export class ExampleStack extends TerraformStack {
  readonly network: SegmentedNetwork;
  readonly audit: AuditTrailSink;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION });

    const incidentKey = new ClassifiedKey(this, 'IncidentKey', {
      classification: Classification.CONFIDENTIAL,
      description: 'Encrypts the incident notification topics',
    });
    // Alarms and EventBridge rules publish to the encrypted topics.
    const publishers = ['cloudwatch.amazonaws.com', 'events.amazonaws.com'];
    incidentKey.addToPolicy({
      Sid: 'AllowAlarmsAndEvents',
      Effect: 'Allow',
      Principal: { Service: publishers },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
    });
    // Incident topics, as the CDK IncidentRouting: CONFIDENTIAL, TLS only, published to by alarms and rules.
    const topics = {} as Record<IncidentSeverity, string>;
    for (const severity of INCIDENT_SEVERITIES) {
      const topic = new SnsTopic(this, `Incidents-${severity}`, {
        name: `incidents-${severity}`,
        kmsMasterKeyId: incidentKey.arn,
        tags: classificationTags(Classification.CONFIDENTIAL),
      });
      new SnsTopicPolicy(this, `Incidents-${severity}-Policy`, {
        arn: topic.arn,
        policy: policyJson([
          denyInsecureTransport('sns:*', [topic.arn]),
          {
            Sid: 'AlarmsAndRulesPublish',
            Effect: 'Allow',
            Principal: { Service: publishers },
            Action: 'sns:Publish',
            Resource: topic.arn,
          },
        ]),
      });
      topics[severity] = topic.arn;
    }

    this.network = new SegmentedNetwork(this, 'Network', {
      availabilityZones: [`${REGION}a`, `${REGION}b`],
    });
    this.network.allowFlow(Tier.APPLICATION, Tier.DATA, { protocol: 'tcp', fromPort: 5432 }, 'PostgreSQL');
    this.network.allowEndpointAccess(Tier.APPLICATION);

    const orders = new ClassifiedObjectStore(this, 'Orders', { classification: Classification.CONFIDENTIAL });
    const reports = new ClassifiedObjectStore(this, 'Reports', { classification: Classification.INTERNAL });

    this.audit = new AuditTrailSink(this, 'Audit', {
      alarmTopicArns: topics,
      auditedBuckets: [{ bucketArn: orders.bucket.arn, classification: Classification.CONFIDENTIAL }],
    });
    const patients = new ClassifiedObjectStore(this, 'Patients', {
      classification: Classification.RESTRICTED,
      allowedVpcEndpoints: [this.network.gatewayEndpoints.s3.id],
      accessLogsBucket: this.audit.accessLogBucket.id,
    });
    void reports;
    void patients;

    new ClassifiedBackup(this, 'InternalBackup', {
      classification: Classification.INTERNAL,
      failureTopicArn: topics.high,
    });
    new ClassifiedBackup(this, 'ConfidentialBackup', {
      classification: Classification.CONFIDENTIAL,
      failureTopicArn: topics.high,
    });
    new ClassifiedBackup(this, 'RestrictedBackup', {
      classification: Classification.RESTRICTED,
      copyDestinationVaultArn: COPY_VAULT_ARN,
      failureTopicArn: topics.high,
    });
  }
}

/** The example app, synthesized into `outdir` (`<outdir>/stacks/bulwark-example/cdk.tf.json`). */
export function buildExampleApp(outdir: string): App {
  const app = new App({ outdir });
  new ExampleStack(app, 'bulwark-example');
  return app;
}
