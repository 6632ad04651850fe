import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcPeeringConnection } from '@cdktf/provider-aws/lib/vpc-peering-connection';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { describeParity, type ParityPair } from '../support/parity';

// The same network misconfiguration written with aws-cdk-lib and with CDK for Terraform: the rules
// that fail (or cannot decide) on the resources involved, with their controls, are the same.

const tcp = (port: number, cidrIp: string, description = 'reviewed') => ({
  ipProtocol: 'tcp',
  fromPort: port,
  toPort: port,
  cidrIp,
  description,
});

const CERT = 'arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000000';

const PAIRS: readonly ParityPair[] = [
  {
    name: 'SSH open to 0.0.0.0/0 in an inline rule',
    cdk: (s) => {
      const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      new ec2.CfnSecurityGroup(s, 'Web', {
        vpcId: vpc.ref,
        groupDescription: 'web',
        securityGroupIngress: [tcp(443, '0.0.0.0/0'), tcp(22, '0.0.0.0/0')],
        securityGroupEgress: [tcp(443, '10.0.0.0/16')],
      });
    },
    cdktf: (s) => {
      const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const rule = (port: number, cidr: string) => ({
        protocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrBlocks: [cidr],
        description: 'reviewed',
      });
      new SecurityGroup(s, 'Web', {
        vpcId: vpc.id,
        ingress: [rule(443, '0.0.0.0/0'), rule(22, '0.0.0.0/0')],
        egress: [rule(443, '10.0.0.0/16')],
      });
    },
    id: 'Web',
    fails: ['BW-NS-001'],
  },
  {
    name: 'every port and PostgreSQL open to the internet by standalone rules, without descriptions',
    cdk: (s) => {
      const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const sg = new ec2.CfnSecurityGroup(s, 'Db', {
        vpcId: vpc.ref,
        groupDescription: 'db',
        securityGroupEgress: [tcp(443, '10.0.0.0/16')],
      });
      new ec2.CfnSecurityGroupIngress(s, 'AllTcp', {
        groupId: sg.attrGroupId,
        ipProtocol: 'tcp',
        fromPort: 0,
        toPort: 65535,
        cidrIp: '0.0.0.0/0',
      });
      new ec2.CfnSecurityGroupIngress(s, 'Pg', {
        groupId: sg.attrGroupId,
        ipProtocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        cidrIpv6: '::/0',
      });
    },
    cdktf: (s) => {
      const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const sg = new SecurityGroup(s, 'Db', {
        vpcId: vpc.id,
        egress: [
          {
            protocol: 'tcp',
            fromPort: 443,
            toPort: 443,
            cidrBlocks: ['10.0.0.0/16'],
            description: 'reviewed',
          },
        ],
      });
      new SecurityGroupRule(s, 'AllTcp', {
        type: 'ingress',
        securityGroupId: sg.id,
        protocol: 'tcp',
        fromPort: 0,
        toPort: 65535,
        cidrBlocks: ['0.0.0.0/0'],
      });
      new VpcSecurityGroupIngressRule(s, 'Pg', {
        securityGroupId: sg.id,
        ipProtocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        cidrIpv6: '::/0',
      });
    },
    id: 'Db',
    fails: ['BW-NS-001', 'BW-NS-002', 'BW-NS-007', 'BW-NS-008', 'BW-NS-017'],
  },
  {
    name: 'a VPC without flow logs, DNS query logging or a restricted default group',
    cdk: (s) => void new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' }),
    cdktf: (s) => void new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' }),
    id: 'Vpc',
    fails: ['BW-LT-101', 'BW-LT-106', 'BW-NS-014'],
  },
  {
    name: 'a network ACL entry allowing RDP from 0.0.0.0/0',
    cdk: (s) => {
      const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const acl = new ec2.CfnNetworkAcl(s, 'Acl', { vpcId: vpc.ref });
      new ec2.CfnNetworkAclEntry(s, 'Rdp', {
        networkAclId: acl.ref,
        ruleNumber: 100,
        protocol: 6,
        ruleAction: 'allow',
        egress: false,
        cidrBlock: '0.0.0.0/0',
        portRange: { from: 3389, to: 3389 },
      });
    },
    cdktf: (s) => {
      const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const acl = new NetworkAcl(s, 'Acl', { vpcId: vpc.id });
      new NetworkAclRule(s, 'Rdp', {
        networkAclId: acl.id,
        ruleNumber: 100,
        protocol: '6',
        ruleAction: 'allow',
        egress: false,
        cidrBlock: '0.0.0.0/0',
        fromPort: 3389,
        toPort: 3389,
      });
    },
    id: 'Acl',
    fails: ['BW-NS-003'],
  },
  {
    name: 'a peering route wider than a VPC',
    cdk: (s) => {
      const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const peer = new ec2.CfnVPC(s, 'Peer', { cidrBlock: '10.1.0.0/16' });
      const peering = new ec2.CfnVPCPeeringConnection(s, 'Peering', { vpcId: vpc.ref, peerVpcId: peer.ref });
      const table = new ec2.CfnRouteTable(s, 'Routes', { vpcId: vpc.ref });
      new ec2.CfnRoute(s, 'Wide', {
        routeTableId: table.ref,
        destinationCidrBlock: '10.0.0.0/8',
        vpcPeeringConnectionId: peering.ref,
      });
    },
    cdktf: (s) => {
      const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const peer = new Vpc(s, 'Peer', { cidrBlock: '10.1.0.0/16' });
      const peering = new VpcPeeringConnection(s, 'Peering', { vpcId: vpc.id, peerVpcId: peer.id });
      const table = new RouteTable(s, 'Routes', { vpcId: vpc.id });
      new Route(s, 'Wide', {
        routeTableId: table.id,
        destinationCidrBlock: '10.0.0.0/8',
        vpcPeeringConnectionId: peering.id,
      });
    },
    id: 'Routes',
    fails: ['BW-NS-018'],
  },
  {
    name: 'an internet-facing load balancer without access logs, its HTTPS listener on the default policy',
    cdk: (s) => {
      const lb = new elbv2.CfnLoadBalancer(s, 'Lb', { subnets: ['subnet-0a', 'subnet-0b'] });
      new elbv2.CfnListener(s, 'Https', {
        loadBalancerArn: lb.ref,
        port: 443,
        protocol: 'HTTPS',
        certificates: [{ certificateArn: CERT }],
        defaultActions: [{ type: 'fixed-response', fixedResponseConfig: { statusCode: '404' } }],
      });
    },
    cdktf: (s) => {
      const lb = new Lb(s, 'Lb', { subnets: ['subnet-0a', 'subnet-0b'] });
      new LbListener(s, 'Https', {
        loadBalancerArn: lb.arn,
        port: 443,
        protocol: 'HTTPS',
        certificateArn: CERT,
        defaultAction: [
          { type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '404' } },
        ],
      });
    },
    id: ['Lb', 'Https'],
    fails: ['BW-LT-104', 'BW-NS-004'],
  },
];

describeParity('network parity: CDK and CDK for Terraform', PAIRS, { unknowns: true });
