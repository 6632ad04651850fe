import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { defineCases } from '../../../lib/engine/cases';
import rule from './default-security-group-restricted';

export default defineCases(rule, [
  {
    name: 'VPC that strips its default security group',
    build: (stack) => void new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, restrictDefaultSecurityGroup: true }),
    target: 'Vpc',
    expect: 'pass',
  },
  {
    name: 'VPC with the feature flag off leaves the default group open',
    build: (stack) => void new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 }),
    target: 'Vpc',
    expect: 'fail',
    message: '`Vpc` leaves its default security group open',
  },
  {
    name: 'plain CfnVPC cannot restrict its default group',
    build: (stack) => void new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' }),
    target: 'Vpc',
    expect: 'fail',
  },
]);
