import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import { defineCases } from '../../../lib/engine/cases';
import rule from './threat-detection-data';

export default defineCases(rule, [
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
]);
