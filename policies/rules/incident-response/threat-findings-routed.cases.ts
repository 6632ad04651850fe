import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IncidentRouting } from '../../../lib/aws/incident';
import { defineCases } from '../../../lib/engine/cases';
import rule from './threat-findings-routed';

const findings = { source: ['aws.guardduty'], detailType: ['GuardDuty Finding'] };

export default defineCases(rule, [
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
]);
