import { App, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SandboxedService, SandboxedTaskDefinition } from '../../../lib/aws/containers';
import { SegmentedVpc, Tier } from '../../../lib/aws/network';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/nginx:stable');

function task(s: Stack): SandboxedTaskDefinition {
  const key = new kms.Key(s, 'LogKey', { enableKeyRotation: true });
  Tags.of(key).add('data-classification', 'internal');
  const group = new logs.LogGroup(s, 'AppLogs', {
    encryptionKey: key,
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtectionEnabled: true,
  });
  Tags.of(group).add('data-classification', 'internal');
  return new SandboxedTaskDefinition(s, 'Task', { logGroup: group });
}

describe('SandboxedService', () => {
  function setup(tier?: Tier) {
    const s = new Stack(new App(), 'S');
    const net = new SegmentedVpc(s, 'Net');
    const t = task(s);
    t.addSandboxedContainer('app', { image: IMAGE, cpu: 128, memoryLimitMiB: 256 });
    const cluster = new ecs.Cluster(s, 'Cluster', { vpc: net.vpc });
    const svc = new SandboxedService(s, 'Service', { cluster, taskDefinition: t, network: net, tier });
    return { s, net, svc };
  }

  test('no public IP, application-tier subnets and security group, no ECS Exec, latest platform', () => {
    const { s, net } = setup();
    const sg = s.getLogicalId(
      net.securityGroupFor(Tier.APPLICATION).node.defaultChild as ec2.CfnSecurityGroup,
    );
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      PlatformVersion: 'LATEST',
      EnableExecuteCommand: false,
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      }),
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: 'DISABLED',
          SecurityGroups: [{ 'Fn::GetAtt': [sg, 'GroupId'] }],
          Subnets: [
            { Ref: Match.stringLikeRegexp('ApplicationSubnet1Subnet') },
            { Ref: Match.stringLikeRegexp('ApplicationSubnet2Subnet') },
          ],
        },
      },
    });
    // The tier may reach the interface endpoints (logs, secrets) on 443, nothing else.
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [sg, 'GroupId'] },
      DestinationSecurityGroupId: {
        'Fn::GetAtt': [Match.stringLikeRegexp('EndpointSecurityGroup'), 'GroupId'],
      },
      FromPort: 443,
      ToPort: 443,
    });
    t.resourceCountIs('AWS::EC2::SecurityGroupEgress', 1);
  });

  test('runs in the isolated data tier when asked', () => {
    const { s } = setup(Tier.DATA);
    Template.fromStack(s).hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: Match.objectLike({
          AssignPublicIp: 'DISABLED',
          SecurityGroups: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('DataSecurityGroup'), 'GroupId'] }],
          Subnets: [
            { Ref: Match.stringLikeRegexp('DataSubnet1Subnet') },
            { Ref: Match.stringLikeRegexp('DataSubnet2Subnet') },
          ],
        }),
      },
    });
  });

  test('the ingress tier and a cluster of another VPC are refused, naming both props', () => {
    const s = new Stack(new App(), 'S');
    const net = new SegmentedVpc(s, 'Net');
    const t = task(s);
    t.addSandboxedContainer('app', { image: IMAGE, cpu: 128, memoryLimitMiB: 256 });
    const other = new ecs.Cluster(s, 'Other', { vpc: new ec2.Vpc(s, 'OtherVpc') });
    expect(
      () =>
        new SandboxedService(s, 'Service', {
          cluster: other,
          taskDefinition: t,
          network: net,
          tier: Tier.INGRESS,
        }),
    ).toThrow(/2 problems:[\s\S]*BULWARK_SERVICE_TIER[\s\S]*`cluster` is not in `network`'s VPC/);
  });
});
