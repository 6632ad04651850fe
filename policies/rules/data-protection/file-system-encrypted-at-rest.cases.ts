import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './file-system-encrypted-at-rest';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';

function vpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

export default defineCases(rule, [
  {
    name: 'file system on the construct default (encrypted)',
    build: (stack) => {
      new efs.FileSystem(stack, 'Files', { vpc: vpc(stack) });
    },
    target: 'Files',
    expect: 'pass',
  },
  {
    name: 'file system encrypted with a customer key',
    build: (stack) => {
      new efs.FileSystem(stack, 'Files', { vpc: vpc(stack), kmsKey: new kms.Key(stack, 'Key') });
    },
    target: 'Files',
    expect: 'pass',
  },
  {
    name: 'file system with encryption turned off',
    build: (stack) => {
      new efs.FileSystem(stack, 'Files', { vpc: vpc(stack), encrypted: false });
    },
    target: 'Files',
    expect: 'fail',
    message: /`Files` is not encrypted at rest/,
  },
  {
    name: 'terraform: file system without encrypted',
    source: 'cdktf',
    build: (stack) => {
      new EfsFileSystem(stack, 'Share', {});
    },
    target: 'Share',
    expect: 'fail',
  },
  {
    name: 'terraform: file system with encrypted = true',
    source: 'cdktf',
    build: (stack) => {
      new EfsFileSystem(stack, 'Share', { encrypted: true });
    },
    target: 'Share',
    expect: 'pass',
  },
]);
