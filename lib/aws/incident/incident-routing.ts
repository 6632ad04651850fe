import { Stack, Tags } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { Classification } from '../../classification';
import { customerKeyFor, tagClassification } from '../common/classified';
import { INCIDENT_SEVERITIES, RESPONSE_TARGETS, type AlarmTopics, type IncidentSeverity } from './severity';

/** Tag key carrying a topic's severity class. */
export const SEVERITY_TAG = 'incident-severity';
/** Tag key carrying a topic's response-time target (`15 min`, `1 h`, `4 h`, `24 h`). */
export const RESPONSE_TIME_TAG = 'response-time';

/**
 * GuardDuty severity bands (GuardDuty User Guide, "Severity levels for GuardDuty findings"):
 * Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0. Each range is an EventBridge
 * numeric matcher; together they cover every value without overlap.
 */
export const GUARDDUTY_SEVERITY_RANGES: Readonly<Record<IncidentSeverity, readonly (string | number)[]>> = {
  critical: ['>=', 9],
  high: ['>=', 7, '<', 9],
  medium: ['>=', 4, '<', 7],
  low: ['<', 4],
};

/** Security Hub `Findings.Severity.Label` per severity class (ASFF). */
export const SECURITY_HUB_LABELS: Readonly<Record<IncidentSeverity, string>> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
};

/** Props of {@link IncidentRouting}. */
export interface IncidentRoutingProps {
  /**
   * Who is notified of each severity class (e-mail, SMS, chat webhooks, paging services). CIS asks
   * for at least one active subscriber on every alarm topic.
   * @default - no subscriptions; subscribe responders to `topicFor(severity)` later
   * @see mcsb-v1:IR-2, nist-csf-2.0:RS.CO-02
   */
  readonly responders?: Partial<Record<IncidentSeverity, readonly sns.ITopicSubscription[]>>;
}

/**
 * Incident routing by severity: four encrypted notification topics (critical, high, medium, low)
 * carrying the response-time targets of the security model (15 min, 1 h, 4 h, 24 h) in their display
 * name and tags, a customer-managed key that EventBridge and CloudWatch alarms may use to publish,
 * and EventBridge rules sending GuardDuty and Security Hub findings to the topic of their severity.
 * Audit alarms take {@link topics} (or {@link topicFor}) as their actions.
 *
 * @see mcsb-v1:IR-2, mcsb-v1:IR-3, mcsb-v1:IR-5, nist-csf-2.0:RS.MA-02, nist-csf-2.0:RS.CO-02
 */
export class IncidentRouting extends Construct {
  /** The key encrypting the topics (customer-managed, rotated yearly). */
  readonly key: kms.Key;
  /** The topic of each severity class. */
  readonly topics: AlarmTopics & Readonly<Record<IncidentSeverity, sns.Topic>>;
  /** The EventBridge rules routing GuardDuty findings, by severity. */
  readonly guardDutyRules: Readonly<Record<IncidentSeverity, events.Rule>>;
  /** The EventBridge rules routing Security Hub findings (GuardDuty's excepted), by severity. */
  readonly securityHubRules: Readonly<Record<IncidentSeverity, events.Rule>>;

  constructor(scope: Construct, id: string, props: IncidentRoutingProps = {}) {
    super(scope, id);
    // CONFIDENTIAL always yields a customer key (rotated yearly).
    const key = customerKeyFor(
      this,
      'Key',
      Classification.CONFIDENTIAL,
      'Encrypts the security incident notification topics',
    ) as kms.Key;
    this.key = key;
    // CloudWatch alarms publish to encrypted topics only when the key lets the service use it.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    const topics = {} as Record<IncidentSeverity, sns.Topic>;
    for (const severity of INCIDENT_SEVERITIES) {
      topics[severity] = this.topic(severity, key, props.responders?.[severity] ?? []);
    }
    this.topics = topics;

    const guardDuty = {} as Record<IncidentSeverity, events.Rule>;
    const securityHub = {} as Record<IncidentSeverity, events.Rule>;
    for (const severity of INCIDENT_SEVERITIES) {
      guardDuty[severity] = new events.Rule(this, `GuardDuty${title(severity)}`, {
        description: `GuardDuty findings of ${severity} severity to the ${severity} incident topic`,
        eventPattern: {
          source: ['aws.guardduty'],
          detailType: ['GuardDuty Finding'],
          detail: { severity: [{ numeric: GUARDDUTY_SEVERITY_RANGES[severity] }] },
        },
        targets: [new targets.SnsTopic(topics[severity])],
      });
      // GuardDuty findings also reach Security Hub; they are routed above, once.
      securityHub[severity] = new events.Rule(this, `SecurityHub${title(severity)}`, {
        description: `New Security Hub findings labelled ${SECURITY_HUB_LABELS[severity]} to the ${severity} incident topic`,
        eventPattern: {
          source: ['aws.securityhub'],
          detailType: ['Security Hub Findings - Imported'],
          detail: {
            findings: {
              Severity: { Label: [SECURITY_HUB_LABELS[severity]] },
              Workflow: { Status: ['NEW'] },
              RecordState: ['ACTIVE'],
              ProductName: [{ 'anything-but': ['GuardDuty'] }],
            },
          },
        },
        targets: [new targets.SnsTopic(topics[severity])],
      });
    }
    this.guardDutyRules = guardDuty;
    this.securityHubRules = securityHub;
  }

  /** The topic of a severity class. */
  topicFor(severity: IncidentSeverity): sns.Topic {
    return this.topics[severity];
  }

  /** Let `grantee` publish to the topic of `severity` (every topic when omitted), and use the key. */
  grantPublish(grantee: iam.IGrantable, severity?: IncidentSeverity): iam.Grant {
    const topics = severity ? [this.topics[severity]] : INCIDENT_SEVERITIES.map((s) => this.topics[s]);
    return this.grant(grantee, ['sns:Publish'], topics);
  }

  /** Every grant goes through here: the actions on the topics, and encrypt on the key. */
  private grant(grantee: iam.IGrantable, actions: string[], topics: readonly sns.Topic[]): iam.Grant {
    const grant = topics
      .map((topic) =>
        iam.Grant.addToPrincipalOrResource({
          grantee,
          actions,
          resourceArns: [topic.topicArn],
          resource: topic,
        }),
      )
      .reduce((a, b) => a.combine(b));
    this.key.grant(grantee, 'kms:Decrypt', 'kms:GenerateDataKey*');
    return grant;
  }

  private topic(severity: IncidentSeverity, key: kms.IKey, responders: readonly sns.ITopicSubscription[]) {
    const target = RESPONSE_TARGETS[severity];
    const topic = new sns.Topic(this, title(severity), {
      displayName: `Security incidents, ${severity}: respond within ${target.label}`,
      masterKey: key,
      enforceSSL: true,
    });
    // Alarms of this account only; the service signs its requests with the alarm's account.
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    Tags.of(topic).add(SEVERITY_TAG, severity);
    Tags.of(topic).add(RESPONSE_TIME_TAG, target.label);
    tagClassification(topic, Classification.CONFIDENTIAL);
    for (const s of responders) topic.addSubscription(s);
    return topic;
  }
}

function title(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
