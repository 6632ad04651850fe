import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vpc-flow-logs';
import type { TerraformStack } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import type { RuleCase } from '../../../lib/engine/cases';
import * as network from '@pulumi/azure-native/network';

const noSubnets = { maxAzs: 1, natGateways: 0 };

/** A Terraform VPC with a flow log of the given traffic type to a log group. */
function tfVpc(stack: TerraformStack, trafficType?: string): void {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  if (trafficType === undefined) return;
  const group = new CloudwatchLogGroup(stack, 'FlowLogs', { retentionInDays: 365 });
  new FlowLog(stack, 'Flow', { vpcId: vpc.id, trafficType, logDestination: group.arn });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: aws_flow_log of ALL traffic on the VPC',
    source: 'cdktf',
    build: (stack) => tfVpc(stack, 'ALL'),
    target: 'Vpc',
    expect: 'pass',
  },
  {
    name: 'Terraform: VPC without an aws_flow_log',
    source: 'cdktf',
    build: (stack) => tfVpc(stack),
    target: 'Vpc',
    expect: 'fail',
    message: /`Vpc` has no flow log/,
  },
  {
    name: 'Terraform: aws_flow_log of rejected traffic only',
    source: 'cdktf',
    build: (stack) => tfVpc(stack, 'REJECT'),
    target: 'Vpc',
    expect: 'fail',
    message: /records flow logs of REJECT traffic only/,
  },
  {
    name: 'Terraform plan: VPC without a flow log (terraform-compliance)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-nlb-tcp-udp-listeners-open-sg.json',
    target: 'aws_vpc.test-vpc',
    expect: 'fail',
    message: /`aws_vpc\.test-vpc` has no flow log/,
  },
];

/** A virtual network and (unless `null`) a VNet flow log on it, with `flowLog` replacing its arguments. */
function vnetWithFlowLog(flowLog: Partial<network.FlowLogArgs> | null): void {
  const vnet = new network.VirtualNetwork('network', {
    resourceGroupName: 'net',
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] },
  });
  if (flowLog === null) return;
  new network.FlowLog('network-flow-log', {
    resourceGroupName: 'NetworkWatcherRG',
    networkWatcherName: 'NetworkWatcher_westeurope',
    targetResourceId: vnet.id,
    storageId:
      '/subscriptions/0/resourceGroups/audit/providers/Microsoft.Storage/storageAccounts/auditarchive',
    enabled: true,
    format: { type: 'JSON', version: 2 },
    flowAnalyticsConfiguration: {
      networkWatcherFlowAnalyticsConfiguration: {
        enabled: true,
        trafficAnalyticsInterval: 10,
        workspaceResourceId:
          '/subscriptions/0/resourceGroups/audit/providers/Microsoft.OperationalInsights/workspaces/audit',
      },
    },
    ...flowLog,
  });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: virtual network with an enabled VNet flow log and traffic analytics',
    source: 'pulumi',
    build: () => vnetWithFlowLog({}),
    target: 'network',
    expect: 'pass',
  },
  {
    name: 'Pulumi: virtual network without a flow log',
    source: 'pulumi',
    build: () => vnetWithFlowLog(null),
    target: 'network',
    expect: 'fail',
    message: '`network` has no flow log',
  },
  {
    name: 'Pulumi: the flow log of the network is disabled',
    source: 'pulumi',
    build: () => vnetWithFlowLog({ enabled: false }),
    target: 'network',
    expect: 'fail',
    message: '`network` has no enabled flow log',
  },
  {
    name: 'Pulumi: the flow log does not say whether it is enabled',
    source: 'pulumi',
    build: () => vnetWithFlowLog({ enabled: undefined }),
    target: 'network',
    expect: 'unknown',
  },
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
  ...terraformCases,
]);
