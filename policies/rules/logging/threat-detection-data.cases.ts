import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as security from '@pulumi/azure-native/security';
import { defineCases } from '../../../lib/engine/cases';
import rule from './threat-detection-data';
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
      ...(plan === 'StorageAccounts' ? { subPlan: 'DefenderForStorageV2' } : {}),
    });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: Defender for Storage at the Standard tier',
    source: 'pulumi',
    build: () => defender({ StorageAccounts: 'Standard', SqlServers: 'Standard' }),
    expect: 'pass',
  },
  {
    name: 'Pulumi: Defender for Storage left at the Free tier while other plans are on',
    source: 'pulumi',
    build: () => defender({ StorageAccounts: 'Free', SqlServers: 'Standard' }),
    expect: 'fail',
    message:
      'Defender for Storage (`StorageAccounts`) of `/subscriptions/00000000-0000-0000-0000-000000000000` is off',
  },
  {
    name: 'Pulumi: a subscription without a storage plan (Key Vault only) is not judged',
    source: 'pulumi',
    build: () => defender({ KeyVaults: 'Standard' }),
    expect: 'not_applicable',
  },
  {
    name: 'detector that names no feature gets S3 Protection by default',
    build: (stack) => void new guardduty.CfnDetector(stack, 'Detector', { enable: true }),
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'S3 Protection turned off through the feature list',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        features: [{ name: 'S3_DATA_EVENTS', status: 'DISABLED' }],
      });
    },
    target: 'Detector',
    expect: 'fail',
    message: '`Detector` turns off S3 Protection',
  },
  {
    name: 'S3 Protection turned off through the legacy data sources',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        dataSources: { s3Logs: { enable: false } },
      });
    },
    target: 'Detector',
    expect: 'fail',
  },
  {
    name: 'terraform: detector that names no feature gets S3 Protection by default',
    source: 'cdktf',
    build: (stack) => void new GuarddutyDetector(stack, 'Detector', {}),
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'terraform: aws_guardduty_detector_feature turns S3_DATA_EVENTS off',
    source: 'cdktf',
    build: (stack) => {
      const detector = new GuarddutyDetector(stack, 'Detector', {});
      new GuarddutyDetectorFeature(stack, 'S3', {
        detectorId: detector.id,
        name: 'S3_DATA_EVENTS',
        status: 'DISABLED',
      });
    },
    target: 'Detector',
    expect: 'fail',
    message: '`Detector` turns off S3 Protection',
  },
  {
    name: 'terraform: legacy datasources turn s3_logs off',
    source: 'cdktf',
    build: (stack) =>
      void new GuarddutyDetector(stack, 'Detector', { datasources: { s3Logs: { enable: false } } }),
    target: 'Detector',
    expect: 'fail',
    message: '`Detector` turns off S3 Protection',
  },
  {
    name: 'terraform: detector with enable = false',
    source: 'cdktf',
    build: (stack) => void new GuarddutyDetector(stack, 'Detector', { enable: false }),
    target: 'Detector',
    expect: 'fail',
    message: '`Detector` is disabled, so S3 Protection does not run',
  },
  {
    name: 'terraform plan: detector that leaves S3_DATA_EVENTS to its default',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_guardduty_detector.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: detector feature S3_DATA_EVENTS DISABLED',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_guardduty_detector.bad',
    expect: 'fail',
    message: /turns off S3 Protection/,
  },
]);
