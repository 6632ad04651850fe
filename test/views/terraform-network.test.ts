import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { DefaultRouteTable } from '@cdktf/provider-aws/lib/default-route-table';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { MainRouteTableAssociation } from '@cdktf/provider-aws/lib/main-route-table-association';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import type { ResourceGraph } from '../../lib/graph/graph';
import { Unknown } from '../../lib/graph/values';
import { adaptersForAll, loadInput } from '../../lib/sources';
import type { FirewallView, SubnetView } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';

const PLANS = path.join(__dirname, '../fixtures/terraform/terraform-plans');

function views(graph: ResourceGraph): ViewSet {
  return new ViewSet(graph, adaptersForAll());
}

function plan(name: string): ViewSet {
  return views(loadInput([path.join(PLANS, name)]).graph);
}

describe('Terraform security groups from plans', () => {
  it('counts a standalone rule once although the group in the state lists it in its computed blocks', () => {
    const vs = plan('terraform-compliance__aws-alb-https-listener-tls-policy-stack.json');
    const sg = vs.viewOf('module.myapp-asg.aws_security_group.sg_asg', 'firewall')!;
    const ssh = sg.rules.filter((r) => r.fromPort === 22);
    expect(ssh).toHaveLength(1);
    expect(ssh[0]).toMatchObject({
      action: 'allow',
      source: { cidr: '10.0.0.0/8' },
      declaredBy: 'aws_security_group_rule.asg-ingress-ssh',
    });
  });

  it('attaches a root rule to a module group it names by id', () => {
    const vs = plan('terraform-compliance__aws-alb-https-listener-tls-policy-stack.json');
    const sg = vs.viewOf('module.alb.aws_security_group.alb', 'firewall')!;
    expect(sg.rules.map((r) => r.declaredBy).sort()).toEqual([
      'aws_security_group_rule.inbound',
      'aws_security_group_rule.outbound_internet_access',
    ]);
  });

  it('reads an unset egress (known only after apply) as no inline rule, and no unresolved network', () => {
    const sg = plan('trivy__aws-s3-sse-config-and-open-sg.json').viewOf(
      'aws_security_group.sg',
      'firewall',
    ) as FirewallView;
    expect(sg.rules).toEqual([
      expect.objectContaining({ direction: 'ingress', source: { cidr: '0.0.0.0/0' }, fromPort: 80 }),
    ]);
    expect(sg.network).toBeUndefined();
  });

  it('leaves a subnet tier unknown when the route gateway is known only after apply', () => {
    const vs = plan('terraform-compliance__aws-nlb-tcp-udp-listeners-open-sg.json');
    expect(vs.viewOf('aws_subnet.test-subnet-pubA', 'subnet')!.tier).toBeInstanceOf(Unknown);
  });

  it('gives a subnet without an association the main route table of the network the plan creates', () => {
    // The plan creates the VPC and adds no route to its main table: only the local route.
    const vs = plan('terraform-compliance__aws-nlb-tcp-udp-listeners-open-sg.json');
    expect(vs.viewOf('aws_subnet.test-subnet-privA', 'subnet')!.tier).toBe('isolated');
  });
});

describe('Terraform subnet tiers from route tables', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-network-'));
  let vs: ViewSet;

  beforeAll(() => {
    const app = new App({ outdir: dir });
    const s = new TerraformStack(app, 'Net');
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const igw = new InternetGateway(s, 'Igw', { vpcId: vpc.id });
    const subnet = (id: string, cidr: string) => new Subnet(s, id, { vpcId: vpc.id, cidrBlock: cidr });
    const pub = subnet('Public', '10.0.0.0/24');
    const priv = subnet('Private', '10.0.1.0/24');
    const iso = subnet('Isolated', '10.0.2.0/24');
    const nat = new NatGateway(s, 'Nat', { subnetId: pub.id, allocationId: 'eipalloc-0123456789abcdef0' });
    const pubRoutes = new RouteTable(s, 'PublicRoutes', {
      vpcId: vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }],
    });
    const privRoutes = new RouteTable(s, 'PrivateRoutes', { vpcId: vpc.id });
    new Route(s, 'ViaNat', {
      routeTableId: privRoutes.id,
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: nat.id,
    });
    const isoRoutes = new RouteTable(s, 'IsolatedRoutes', { vpcId: vpc.id });
    new RouteTableAssociation(s, 'PublicAssoc', { subnetId: pub.id, routeTableId: pubRoutes.id });
    new RouteTableAssociation(s, 'PrivateAssoc', { subnetId: priv.id, routeTableId: privRoutes.id });
    new RouteTableAssociation(s, 'IsolatedAssoc', { subnetId: iso.id, routeTableId: isoRoutes.id });
    app.synth();
    vs = views(loadInput([path.join(dir, 'stacks', 'Net', 'cdk.tf.json')]).graph);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const tier = (name: string) => (vs.viewOf(`aws_subnet.${name}`, 'subnet') as SubnetView).tier;

  it('is public behind an inline default route to an internet gateway', () =>
    expect(tier('Public')).toBe('public'));
  it('is private behind an aws_route to a NAT gateway', () => expect(tier('Private')).toBe('private'));
  it('is isolated behind a table without a default route', () => expect(tier('Isolated')).toBe('isolated'));
});

describe('Terraform subnet tiers from the main route table', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-main-routes-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The tier of subnet `Web`, associated with no table, in a VPC whose main table `main` configures. */
  function tierOf(name: string, main: (s: TerraformStack, vpc: Vpc, igw: InternetGateway) => void) {
    const app = new App({ outdir: dir });
    const s = new TerraformStack(app, name);
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const igw = new InternetGateway(s, 'Igw', { vpcId: vpc.id });
    new Subnet(s, 'Web', { vpcId: vpc.id, cidrBlock: '10.0.0.0/24' });
    main(s, vpc, igw);
    app.synth();
    const vs = views(loadInput([path.join(dir, 'stacks', name, 'cdk.tf.json')]).graph);
    return (vs.viewOf('aws_subnet.Web', 'subnet') as SubnetView).tier;
  }

  it('is public when an aws_main_route_table_association makes a table with an internet route main', () =>
    expect(
      tierOf('Assoc', (s, vpc, igw) => {
        const t = new RouteTable(s, 'Public', {
          vpcId: vpc.id,
          route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }],
        });
        new MainRouteTableAssociation(s, 'Main', { vpcId: vpc.id, routeTableId: t.id });
      }),
    ).toBe('public'));

  it('is public when the aws_default_route_table routes to an internet gateway', () =>
    expect(
      tierOf('Default', (s, vpc, igw) => {
        new DefaultRouteTable(s, 'Main', {
          defaultRouteTableId: vpc.defaultRouteTableId,
          route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }],
        });
      }),
    ).toBe('public'));

  it('is isolated when the aws_default_route_table declares no default route', () =>
    expect(
      tierOf('DefaultLocal', (s, vpc) => {
        new DefaultRouteTable(s, 'Main', { defaultRouteTableId: vpc.defaultRouteTableId, route: [] });
      }),
    ).toBe('isolated'));

  it('is public when an aws_route adds an internet route to the VPC main table', () =>
    expect(
      tierOf('Added', (s, vpc, igw) => {
        new Route(s, 'Out', {
          routeTableId: vpc.mainRouteTableId,
          destinationCidrBlock: '0.0.0.0/0',
          gatewayId: igw.id,
        });
      }),
    ).toBe('public'));

  it('is isolated when nothing configures the main table of the VPC', () =>
    expect(tierOf('Untouched', () => undefined)).toBe('isolated'));

  it('is unknown when the VPC is not in the configuration', () => {
    const app = new App({ outdir: dir });
    const s = new TerraformStack(app, 'Outside');
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    new Subnet(s, 'Web', { vpcId: 'vpc-0123456789abcdef0', cidrBlock: '10.0.0.0/24' });
    app.synth();
    const vs = views(loadInput([path.join(dir, 'stacks', 'Outside', 'cdk.tf.json')]).graph);
    const tier = (vs.viewOf('aws_subnet.Web', 'subnet') as SubnetView).tier;
    expect(tier).toBeInstanceOf(Unknown);
    expect((tier as Unknown).reason).toMatch(/main route table applies/);
  });
});

describe('Terraform placement', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-placement-'));
  let vs: ViewSet;

  beforeAll(() => {
    const app = new App({ outdir: dir });
    const s = new TerraformStack(app, 'Placed');
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const a = new Subnet(s, 'A', { vpcId: vpc.id, cidrBlock: '10.0.0.0/24' });
    const b = new Subnet(s, 'B', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24' });
    const sg = new SecurityGroup(s, 'Db', { vpcId: vpc.id });
    const group = new DbSubnetGroup(s, 'Subnets', { subnetIds: [a.id, b.id] });
    new DbInstance(s, 'Database', {
      engine: 'postgres',
      instanceClass: 'db.t4g.micro',
      allocatedStorage: 20,
      dbSubnetGroupName: group.name,
      vpcSecurityGroupIds: [sg.id],
    });
    new LambdaFunction(s, 'Fn', {
      functionName: 'fn',
      role: 'arn:aws:iam::111122223333:role/fn',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      filename: 'fn.zip',
      vpcConfig: { securityGroupIds: [sg.id], subnetIds: [a.id] },
    });
    new LambdaFunction(s, 'Outside', {
      functionName: 'outside',
      role: 'arn:aws:iam::111122223333:role/fn',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      filename: 'fn.zip',
    });
    app.synth();
    vs = views(loadInput([path.join(dir, 'stacks', 'Placed', 'cdk.tf.json')]).graph);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('places a database in the subnets of its aws_db_subnet_group, behind its security groups', () =>
    expect(vs.viewOf('aws_db_instance.Database', 'placement')).toMatchObject({
      firewalls: ['aws_security_group.Db'],
      subnets: ['aws_subnet.A', 'aws_subnet.B'],
    }));

  it('places a function by its vpc_config', () =>
    expect(vs.viewOf('aws_lambda_function.Fn', 'placement')).toMatchObject({
      firewalls: ['aws_security_group.Db'],
      subnets: ['aws_subnet.A'],
    }));

  it('gives a function outside any network no placement', () =>
    expect(vs.viewOf('aws_lambda_function.Outside', 'placement')).toBeUndefined());
});
