import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-kms-encryption';

export default defineCases(rule, [
  {
    name: 'trail encrypted with a customer-managed key',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', {
        encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
      });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail on the bucket default encryption',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` log files are not encrypted with a customer-managed KMS key \(provider\)/,
  },
]);
