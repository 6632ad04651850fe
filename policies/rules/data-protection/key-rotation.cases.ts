import { Duration } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './key-rotation';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';

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
  {
    name: 'Terraform: aws_kms_key with enable_key_rotation',
    source: 'cdktf',
    build: (stack) => {
      new KmsKey(stack, 'Key', { enableKeyRotation: true });
    },
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_kms_key leaves enable_key_rotation at its default (off)',
    source: 'cdktf',
    build: (stack) => {
      new KmsKey(stack, 'Key', {});
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` does not rotate its key material/,
  },
  {
    name: 'Terraform plan: aws_kms_key with enable_key_rotation = false',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-kms-key-rotation.json',
    target: 'aws_kms_key.invalid',
    expect: 'fail',
  },
]);
