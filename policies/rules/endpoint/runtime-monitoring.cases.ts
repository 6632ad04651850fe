import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as security from '@pulumi/azure-native/security';
import { defineCases } from '../../../lib/engine/cases';
import rule from './runtime-monitoring';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';

/** Defender plans of one subscription, each at the tier given. */
function defender(tiers: Record<string, 'Standard' | 'Free'>): void {
  for (const [plan, tier] of Object.entries(tiers))
    new security.Pricing(`defender-${plan}`, {
      scopeId: SUBSCRIPTION,
      pricingName: plan,
      pricingTier: tier,
      ...(plan === 'VirtualMachines' ? { subPlan: 'P1' } : {}),
    });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: Defender for Servers (Defender for Endpoint detection and response) at the Standard tier',
    source: 'pulumi',
    build: () => defender({ VirtualMachines: 'Standard', SqlServers: 'Standard' }),
    expect: 'pass',
  },
  {
    name: 'Pulumi: Defender for Servers left at the Free tier while other plans are on',
    source: 'pulumi',
    build: () => defender({ VirtualMachines: 'Free', SqlServers: 'Standard' }),
    expect: 'fail',
    message:
      'Defender for Servers (`VirtualMachines`) of `/subscriptions/00000000-0000-0000-0000-000000000000` is off, so nothing monitors workload runtime behaviour',
  },
  {
    name: 'Pulumi: a subscription without a servers plan (Key Vault only) is not judged',
    source: 'pulumi',
    build: () => defender({ KeyVaults: 'Standard' }),
    expect: 'not_applicable',
  },
  {
    name: 'Runtime Monitoring with managed agents for ECS and EC2',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        features: [
          {
            name: 'RUNTIME_MONITORING',
            status: 'ENABLED',
            additionalConfiguration: [
              { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
              { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
            ],
          },
        ],
      });
    },
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'detector on the defaults: Runtime Monitoring stays off',
    build: (stack) => void new guardduty.CfnDetector(stack, 'Detector', { enable: true }),
    target: 'Detector',
    expect: 'fail',
    message: '`Detector` does not enable Runtime Monitoring',
  },
  {
    name: 'EKS-only runtime monitoring',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        features: [{ name: 'EKS_RUNTIME_MONITORING', status: 'ENABLED' }],
      });
    },
    target: 'Detector',
    expect: 'fail',
    message: /EKS clusters only/,
  },
  {
    name: 'terraform: RUNTIME_MONITORING enabled with agent management for ECS and EC2',
    source: 'cdktf',
    build: (stack) => {
      const detector = new GuarddutyDetector(stack, 'Detector', {});
      new GuarddutyDetectorFeature(stack, 'Runtime', {
        detectorId: detector.id,
        name: 'RUNTIME_MONITORING',
        status: 'ENABLED',
        additionalConfiguration: [
          { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
          { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
        ],
      });
    },
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'terraform: detector without an aws_guardduty_detector_feature for RUNTIME_MONITORING',
    source: 'cdktf',
    build: (stack) => void new GuarddutyDetector(stack, 'Detector', {}),
    target: 'Detector',
    expect: 'fail',
    message: /does not enable Runtime Monitoring/,
  },
  {
    name: 'terraform: EKS_RUNTIME_MONITORING alone',
    source: 'cdktf',
    build: (stack) => {
      const detector = new GuarddutyDetector(stack, 'Detector', {});
      new GuarddutyDetectorFeature(stack, 'Runtime', {
        detectorId: detector.id,
        name: 'EKS_RUNTIME_MONITORING',
        status: 'ENABLED',
      });
    },
    target: 'Detector',
    expect: 'fail',
    message: /EKS clusters only/,
  },
  {
    name: 'terraform plan: detector feature RUNTIME_MONITORING ENABLED with Fargate agent management',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_guardduty_detector.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: detector without a RUNTIME_MONITORING feature',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_guardduty_detector.bad',
    expect: 'fail',
    message: /does not enable Runtime Monitoring/,
  },
]);
