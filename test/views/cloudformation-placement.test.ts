import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import type { View } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';

/** Synthesize one stack and derive every view. */
function viewsOf(build: (stack: Stack) => void): View[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-placement-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S'));
    app.synth();
    const set = new ViewSet(loadInput([outdir]).graph, cloudFormationAdapters());
    const all = set.all();
    expect(set.errors).toEqual([]);
    return all;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const at = (views: View[], kind: View['kind'], pathPrefix: string) =>
  views.filter((v) => v.kind === kind && (v.resource.path ?? '').startsWith(pathPrefix));

describe('subnet tier', () => {
  test('from the default route: internet gateway public, NAT private, none isolated', () => {
    const views = viewsOf((s) => {
      new ec2.Vpc(s, 'Vpc', {
        maxAzs: 1,
        natGateways: 1,
        subnetConfiguration: [
          { name: 'web', subnetType: ec2.SubnetType.PUBLIC },
          { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });
    });
    const tier = (name: string) =>
      at(views, 'subnet', `S/Vpc/${name}Subnet1`).map((v) => (v.kind === 'subnet' ? v.tier : undefined));
    expect(tier('web')).toEqual(['public']);
    expect(tier('app')).toEqual(['private']);
    expect(tier('data')).toEqual(['isolated']);
  });

  test('a subnet without a route table association is unknown (the main route table applies)', () => {
    const views = viewsOf((s) => {
      const vpc = new ec2.CfnVPC(s, 'Net', { cidrBlock: '10.0.0.0/16' });
      new ec2.CfnSubnet(s, 'Loose', { vpcId: vpc.ref, cidrBlock: '10.0.0.0/24' });
    });
    const [subnet] = at(views, 'subnet', 'S/Loose');
    expect(subnet?.kind === 'subnet' && subnet.tier).toBeInstanceOf(Unknown);
  });
});

describe('placement view', () => {
  test('an instance of a database cluster sits behind the cluster firewall, in the subnet group subnets', () => {
    const views = viewsOf((s) => {
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 1 });
      new rds.DatabaseCluster(s, 'Db', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({
          version: rds.AuroraPostgresEngineVersion.VER_16_4,
        }),
        vpc,
        writer: rds.ClusterInstance.provisioned('Writer'),
      });
    });
    const cluster = at(views, 'placement', 'S/Db/Resource')[0];
    const writer = at(views, 'placement', 'S/Db/Writer')[0];
    expect(cluster).toBeDefined();
    expect(writer).toBeDefined();
    if (cluster?.kind !== 'placement' || writer?.kind !== 'placement') throw new Error('no placement');
    expect(cluster.firewalls).toHaveLength(1);
    expect(cluster.subnets).toHaveLength(2);
    expect(writer.firewalls).toEqual(cluster.firewalls);
    expect(writer.subnets).toEqual(cluster.subnets);
  });

  test('a function outside any network has no placement; one in a network has its groups and subnets', () => {
    const views = viewsOf((s) => {
      const code = lambda.Code.fromInline('exports.handler = async () => ({})');
      const runtime = lambda.Runtime.NODEJS_22_X;
      new lambda.Function(s, 'Free', { runtime, handler: 'index.handler', code });
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 1 });
      new lambda.Function(s, 'Inside', { runtime, handler: 'index.handler', code, vpc });
    });
    expect(at(views, 'placement', 'S/Free')).toEqual([]);
    const [inside] = at(views, 'placement', 'S/Inside');
    if (inside?.kind !== 'placement') throw new Error('no placement');
    expect(inside.firewalls).toHaveLength(1);
    expect(inside.subnets).toHaveLength(2);
  });
});
