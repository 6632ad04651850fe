import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './sg-database-ports';

/** A database group reachable on 5432 from the application's group only. */
function baseline(stack: Stack): ec2.SecurityGroup {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const app = new ec2.SecurityGroup(stack, 'App', { vpc });
  const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
  db.addIngressRule(app, ec2.Port.tcp(5432));
  return db;
}

export default defineCases(rule, [
  {
    name: 'PostgreSQL reachable from the application group only',
    build: (stack) => void baseline(stack),
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'PostgreSQL open to 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432)),
    target: 'Db',
    expect: 'fail',
    message: /`Db` allows ingress from 0\.0\.0\.0\/0 to database port 5432 \(rule `tcp-5432-0\.0\.0\.0\/0`/,
  },
  {
    name: 'Redis open to ::/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(6379)),
    target: 'Db',
    expect: 'fail',
    message: /from ::\/0 to database port 6379/,
  },
  {
    name: 'every TCP port open to 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTcp()),
    target: 'Db',
    expect: 'fail',
    message: /database ports 1433, 1521, 3306, 5432/,
  },
  {
    name: 'PostgreSQL from a private range',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(5432)),
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'PostgreSQL open to 172.16.0.0/0 (every address)',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'SlashZero', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        cidrIp: '172.16.0.0/0',
      });
    },
    target: 'Db',
    expect: 'fail',
    message: /from 172\.16\.0\.0\/0 \(every address\) to database port 5432/,
  },
]);
