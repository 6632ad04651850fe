import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import { CfnParameter } from 'aws-cdk-lib';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { defineCases } from '../../../lib/engine/cases';
import rule from './threat-detection-enabled';
import * as security from '@pulumi/azure-native/security';
import { SUBSCRIPTION, sqlServer, sqlThreatDetection } from '../../../test/support/azure-native';

export default defineCases(rule, [
  {
    name: 'Pulumi: Defender plans at the Standard tier',
    source: 'pulumi',
    build: () => {
      for (const plan of ['VirtualMachines', 'StorageAccounts', 'SqlServers'])
        new security.Pricing(`defender-${plan}`, {
          scopeId: SUBSCRIPTION,
          pricingName: plan,
          pricingTier: 'Standard',
        });
    },
    target: 'defender-VirtualMachines',
    expect: 'pass',
  },
  {
    name: 'Pulumi: every Defender plan at the Free tier (Defender off)',
    source: 'pulumi',
    build: () => {
      for (const plan of ['CloudPosture', 'VirtualMachines', 'StorageAccounts', 'SqlServers'])
        new security.Pricing(`defender-${plan}`, {
          scopeId: SUBSCRIPTION,
          pricingName: plan,
          pricingTier: 'Free',
        });
    },
    target: 'defender-VirtualMachines',
    expect: 'fail',
    message:
      /`defender-VirtualMachines` is disabled: no threat-protection plan of .* is on \(`VirtualMachines`, `StorageAccounts`, `SqlServers` off\)/,
  },
  {
    name: 'detector enabled with S3 protection',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        features: [{ name: 'S3_DATA_EVENTS', status: 'ENABLED' }],
      });
    },
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'detector declared disabled',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', { enable: false });
    },
    target: 'Detector',
    expect: 'fail',
    message: '`Detector` is disabled',
  },
  {
    name: 'detector switch given as a parameter',
    build: (stack) => {
      const on = new CfnParameter(stack, 'EnableDetector', { type: 'String' });
      const d = new guardduty.CfnDetector(stack, 'Detector', { enable: true });
      d.addPropertyOverride('Enable', on.valueAsString);
    },
    target: 'Detector',
    expect: 'unknown',
    message: /whether the detector is enabled cannot be resolved/,
  },
  {
    name: 'Terraform detector with enable left at its default (true)',
    source: 'cdktf',
    build: (stack) => void new GuarddutyDetector(stack, 'Detector', {}),
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'Terraform detector with enable false',
    source: 'cdktf',
    build: (stack) => void new GuarddutyDetector(stack, 'Detector', { enable: false }),
    target: 'Detector',
    expect: 'fail',
  },
  {
    name: 'Pulumi: threat detection on a SQL server, as the SQL component turns it on',
    source: 'pulumi',
    build: () => sqlThreatDetection(sqlServer('payments')),
    target: 'threat-detection',
    expect: 'pass',
  },
  {
    name: 'Pulumi: threat detection of a SQL server disabled',
    source: 'pulumi',
    build: () => sqlThreatDetection(sqlServer('payments'), 'Disabled'),
    target: 'threat-detection',
    expect: 'fail',
    message: '`threat-detection` is disabled: threat detection of `payments` is off',
  },
  {
    name: "Pulumi: a SQL server's threat detection disabled while a Defender SqlServers plan of the program is on",
    source: 'pulumi',
    build: () => {
      sqlThreatDetection(sqlServer('payments'), 'Disabled');
      new security.Pricing('defender-SqlServers', {
        scopeId: SUBSCRIPTION,
        pricingName: 'SqlServers',
        pricingTier: 'Standard',
      });
    },
    target: 'threat-detection',
    expect: 'unknown',
    message: /Defender plan `defender-SqlServers` covers the servers of .*, which may hold it/,
  },
]);
