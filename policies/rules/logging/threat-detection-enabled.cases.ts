import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import { CfnParameter } from 'aws-cdk-lib';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { defineCases } from '../../../lib/engine/cases';
import rule from './threat-detection-enabled';

export default defineCases(rule, [
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
]);
