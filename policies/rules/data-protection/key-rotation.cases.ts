import { Duration } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './key-rotation';

export default defineCases(rule, [
  {
    name: 'symmetric key with rotation',
    build: (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true });
    },
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'symmetric key with a 90-day rotation period',
    build: (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true, rotationPeriod: Duration.days(90) });
    },
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'symmetric key without rotation',
    build: (stack) => {
      new kms.Key(stack, 'Key');
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` does not rotate its key material/,
  },
  {
    name: 'signing key cannot rotate automatically',
    build: (stack) => {
      new kms.Key(stack, 'Key', { keySpec: kms.KeySpec.ECC_NIST_P256, keyUsage: kms.KeyUsage.SIGN_VERIFY });
    },
    target: 'Key',
    expect: 'not_applicable',
  },
]);
