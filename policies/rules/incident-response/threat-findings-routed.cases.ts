import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IncidentRouting } from '../../../lib/aws/incident';
import { defineCases } from '../../../lib/engine/cases';
import rule from './threat-findings-routed';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import type { TerraformStack } from 'cdktf';
import * as security from '@pulumi/azure-native/security';
import { SUBSCRIPTION, sqlServer, sqlThreatDetection } from '../../../test/support/azure-native';

/** A Terraform GuardDuty detector, with an event rule on its findings (sent to a topic when `target`). */
function tfDetector(stack: TerraformStack, rule?: { target: boolean; bus?: string }): void {
  new GuarddutyDetector(stack, 'Detector', { enable: true });
  if (!rule) return;
  const r = new CloudwatchEventRule(stack, 'Findings', {
    name: 'guardduty-findings',
    eventBusName: rule.bus,
    eventPattern: JSON.stringify({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] }),
  });
  if (rule.target)
    new CloudwatchEventTarget(stack, 'ToResponders', {
      rule: r.name,
      eventBusName: rule.bus,
      arn: new SnsTopic(stack, 'Responders', { name: 'responders' }).arn,
    });
}

const findings = { source: ['aws.guardduty'], detailType: ['GuardDuty Finding'] };

/** Defender plans on, and a security contact (`null`: none) with `contact` replacing its arguments. */
function defenderWithContact(contact: Partial<security.SecurityContactArgs> | null = {}): void {
  for (const plan of ['VirtualMachines', 'StorageAccounts'])
    new security.Pricing(`defender-${plan}`, {
      scopeId: SUBSCRIPTION,
      pricingName: plan,
      pricingTier: 'Standard',
    });
  if (contact === null) return;
  new security.SecurityContact('contact', {
    securityContactName: 'default',
    emails: 'soc@example.com;oncall@example.com',
    isEnabled: true,
    notificationsByRole: { state: 'On', roles: ['Owner'] },
    notificationsSources: [
      { sourceType: 'Alert', minimalSeverity: 'Medium' },
      { sourceType: 'AttackPath', minimalRiskLevel: 'Medium' },
    ],
    ...contact,
  });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: Defender alerts mailed to an enabled security contact',
    source: 'pulumi',
    build: () => defenderWithContact(),
    target: 'defender-VirtualMachines',
    expect: 'pass',
  },
  {
    name: "Pulumi: a SQL server's threat detection alerts reach an enabled security contact",
    source: 'pulumi',
    build: () => {
      sqlThreatDetection(sqlServer('payments'));
      new security.SecurityContact('contact', {
        securityContactName: 'default',
        emails: 'soc@example.com',
        isEnabled: true,
        notificationsSources: [{ sourceType: 'Alert', minimalSeverity: 'Medium' }],
      });
    },
    target: 'threat-detection',
    expect: 'pass',
  },
  {
    name: "Pulumi: a SQL server's threat detection on and no security contact",
    source: 'pulumi',
    build: () => sqlThreatDetection(sqlServer('payments')),
    target: 'threat-detection',
    expect: 'fail',
    message:
      '`threat-detection` findings are not routed: no enabled contact or route receives Defender for Cloud alerts',
  },
  {
    name: 'Pulumi: Defender plans on and no security contact',
    source: 'pulumi',
    build: () => defenderWithContact(null),
    target: 'defender-VirtualMachines',
    expect: 'fail',
    message:
      '`defender-VirtualMachines` findings are not routed: no enabled contact or route receives Defender for Cloud alerts',
  },
  {
    name: 'Pulumi: the security contact is disabled',
    source: 'pulumi',
    build: () => defenderWithContact({ isEnabled: false }),
    target: 'defender-VirtualMachines',
    expect: 'fail',
  },
  {
    name: 'Pulumi: the security contact takes attack paths only, not alerts',
    source: 'pulumi',
    build: () =>
      defenderWithContact({
        notificationsSources: [{ sourceType: 'AttackPath', minimalRiskLevel: 'Medium' }],
      }),
    target: 'defender-VirtualMachines',
    expect: 'fail',
  },
  {
    name: 'Pulumi: the security contact does not say whether it is enabled',
    source: 'pulumi',
    build: () => defenderWithContact({ isEnabled: undefined }),
    target: 'defender-VirtualMachines',
    expect: 'unknown',
    message: '`isEnabled` unset',
  },
  {
    name: 'GuardDuty findings sent to a notification topic',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', { enable: true });
      new events.Rule(stack, 'Findings', {
        eventPattern: findings,
        targets: [new targets.SnsTopic(new sns.Topic(stack, 'Responders'))],
      });
    },
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'GuardDuty enabled with no rule for its findings',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', { enable: true });
    },
    target: 'Detector',
    expect: 'fail',
    message: /`Detector` findings are not routed/,
  },
  {
    name: 'GuardDuty findings rule disabled',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', { enable: true });
      new events.Rule(stack, 'Findings', {
        eventPattern: findings,
        enabled: false,
        targets: [new targets.SnsTopic(new sns.Topic(stack, 'Responders'))],
      });
    },
    target: 'Detector',
    expect: 'fail',
    message: /findings are not routed/,
  },
  {
    name: 'GuardDuty findings rule listening on a custom bus',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', { enable: true });
      new events.Rule(stack, 'Findings', {
        eventBus: new events.EventBus(stack, 'Bus'),
        eventPattern: findings,
        targets: [new targets.SnsTopic(new sns.Topic(stack, 'Responders'))],
      });
    },
    target: 'Detector',
    expect: 'fail',
    message: /findings are not routed/,
  },
  {
    name: 'GuardDuty findings reaching responders through Security Hub',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', { enable: true });
      new securityhub.CfnHub(stack, 'Hub');
      new events.Rule(stack, 'Findings', {
        eventPattern: { source: ['aws.securityhub'], detailType: ['Security Hub Findings - Imported'] },
        targets: [new targets.SnsTopic(new sns.Topic(stack, 'Responders'))],
      });
    },
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'Bulwark IncidentRouting beside the detector',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', { enable: true });
      new IncidentRouting(stack, 'Incidents');
    },
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'terraform: detector whose findings an aws_cloudwatch_event_rule sends to a topic',
    source: 'cdktf',
    build: (stack) => tfDetector(stack, { target: true }),
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'terraform: detector without any event rule',
    source: 'cdktf',
    build: (stack) => tfDetector(stack),
    target: 'Detector',
    expect: 'fail',
    message: /`Detector` findings are not routed/,
  },
  {
    name: 'terraform: event rule on GuardDuty findings without an aws_cloudwatch_event_target',
    source: 'cdktf',
    build: (stack) => tfDetector(stack, { target: false }),
    target: 'Detector',
    expect: 'fail',
  },
  {
    name: 'terraform: event rule on a custom bus, where GuardDuty does not publish',
    source: 'cdktf',
    build: (stack) => tfDetector(stack, { target: true, bus: 'security' }),
    target: 'Detector',
    expect: 'fail',
  },
]);
