import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vpc-flow-logs';

const noSubnets = { maxAzs: 1, natGateways: 0 };

export default defineCases(rule, [
  {
    name: 'VPC with a flow log of all traffic',
    build: (stack) => {
      new ec2.Vpc(stack, 'Net', {
        ...noSubnets,
        flowLogs: { All: { trafficType: ec2.FlowLogTrafficType.ALL } },
      });
    },
    target: 'Net',
    expect: 'pass',
  },
  {
    name: 'VPC with the flow log added by `addFlowLog` defaults',
    build: (stack) => {
      new ec2.Vpc(stack, 'Net', noSubnets).addFlowLog('Logs');
    },
    target: 'Net',
    expect: 'pass',
  },
  {
    name: 'VPC without flow logs',
    build: (stack) => {
      new ec2.Vpc(stack, 'Net', noSubnets);
    },
    target: 'Net',
    expect: 'fail',
    message: '`Net` has no flow log',
  },
  {
    name: 'VPC logging rejected traffic only',
    build: (stack) => {
      new ec2.Vpc(stack, 'Net', {
        ...noSubnets,
        flowLogs: { Rejects: { trafficType: ec2.FlowLogTrafficType.REJECT } },
      });
    },
    target: 'Net',
    expect: 'fail',
    message: /`Net` records flow logs of REJECT traffic only/,
  },
  {
    name: 'VPC logging accepted and rejected traffic in two flow logs',
    build: (stack) => {
      new ec2.Vpc(stack, 'Net', {
        ...noSubnets,
        flowLogs: {
          Accepts: { trafficType: ec2.FlowLogTrafficType.ACCEPT },
          Rejects: { trafficType: ec2.FlowLogTrafficType.REJECT },
        },
      });
    },
    target: 'Net',
    expect: 'pass',
  },
]);
