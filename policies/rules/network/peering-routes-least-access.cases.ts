import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './peering-routes-least-access';
import type { TerraformStack } from 'cdktf';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcPeeringConnection } from '@cdktf/provider-aws/lib/vpc-peering-connection';
import type { RuleCase } from '../../../lib/engine/cases';

/** Two VPCs peered; a route table of the first sends `destination` through the peering. */
function peered(stack: Stack, destination: string): void {
  const a = new ec2.Vpc(stack, 'A', {
    ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
    maxAzs: 1,
    natGateways: 0,
  });
  const b = new ec2.Vpc(stack, 'B', {
    ipAddresses: ec2.IpAddresses.cidr('10.2.0.0/16'),
    maxAzs: 1,
    natGateways: 0,
  });
  const peering = new ec2.CfnVPCPeeringConnection(stack, 'Peering', { vpcId: a.vpcId, peerVpcId: b.vpcId });
  const table = new ec2.CfnRouteTable(stack, 'PeerRoutes', { vpcId: a.vpcId });
  new ec2.CfnRoute(stack, 'ToB', {
    routeTableId: table.ref,
    destinationCidrBlock: destination,
    vpcPeeringConnectionId: peering.ref,
  });
}

/** Two Terraform VPCs peered, with a route table that sends the peer's /16 through the peering. */
function tfBaseline(stack: TerraformStack): { table: RouteTable; peering: VpcPeeringConnection } {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  const peer = new TfVpc(stack, 'Peer', { cidrBlock: '10.1.0.0/16' });
  const peering = new VpcPeeringConnection(stack, 'Peering', { vpcId: vpc.id, peerVpcId: peer.id });
  const table = new RouteTable(stack, 'Routes', {
    vpcId: vpc.id,
    route: [{ cidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: peering.id }],
  });
  return { table, peering };
}

const terraformCases: RuleCase[] = [
  {
    name: "Terraform: inline route sends only the peer VPC's /16 through the peering",
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Routes',
    expect: 'pass',
  },
  {
    name: 'Terraform: an aws_route sends 10.0.0.0/8 through the peering',
    source: 'cdktf',
    build: (stack) => {
      const { table, peering } = tfBaseline(stack);
      new Route(stack, 'Wide', {
        routeTableId: table.id,
        destinationCidrBlock: '10.0.0.0/8',
        vpcPeeringConnectionId: peering.id,
      });
    },
    target: 'Routes',
    expect: 'fail',
    message: /`Routes` routes `10\.0\.0\.0\/8` through a peering connection \(route `aws_route\.Wide`\)/,
  },
];

export default defineCases(rule, [
  {
    name: 'route to one subnet of the peer',
    build: (stack) => peered(stack, '10.2.0.0/24'),
    target: 'PeerRoutes',
    expect: 'pass',
  },
  {
    name: 'default route through the peering connection',
    build: (stack) => peered(stack, '0.0.0.0/0'),
    target: 'PeerRoutes',
    expect: 'fail',
    message: /routes `0\.0\.0\.0\/0` through a peering connection \(route `ToB`\)/,
  },
  {
    name: 'a /8 through the peering connection covers far more than the peer',
    build: (stack) => peered(stack, '10.0.0.0/8'),
    target: 'PeerRoutes',
    expect: 'fail',
  },
  {
    name: 'a destination that is not a CIDR cannot be judged',
    build: (stack) => peered(stack, '10.2.0.0/255'),
    target: 'PeerRoutes',
    expect: 'unknown',
    message: /`10\.2\.0\.0\/255` is not an IPv4 or IPv6 CIDR/,
  },
  {
    name: 'the peer range written with host bits set',
    build: (stack) => peered(stack, '10.2.7.0/16'),
    target: 'PeerRoutes',
    expect: 'pass',
  },
  ...terraformCases,
]);
