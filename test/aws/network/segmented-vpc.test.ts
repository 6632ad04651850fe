import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SegmentedVpc, Tier } from '../../../lib/aws/network';
import { checkGraph } from '../../../lib/check';
import { gates } from '../../../lib/engine/evaluate';
import { loadInput } from '../../../lib/sources';

function stack(): Stack {
  return new Stack(new App(), 'S');
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

function aclEntries(t: Template): Record<string, unknown>[] {
  return Object.values(t.findResources('AWS::EC2::NetworkAclEntry') as Resources).map((r) => r.Properties);
}

/** The CIDR blocks of a tier's subnets, read from the template. */
function tierCidrs(t: Template, tier: Tier): string[] {
  const subnets = t.findResources('AWS::EC2::Subnet', {
    Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-name', Value: tier }]) },
  }) as Resources;
  return Object.values(subnets).map((s) => s.Properties.CidrBlock as string);
}

describe('SegmentedVpc', () => {
  test('three tiers over two zones: public ingress, private application with NAT, isolated data', () => {
    const s = stack();
    new SegmentedVpc(s, 'Net');
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::Subnet', 6);
    t.resourceCountIs('AWS::EC2::NatGateway', 2);
    t.hasResourceProperties('AWS::EC2::Subnet', {
      MapPublicIpOnLaunch: true,
      Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Public' }]),
    });
    for (const [tier, type] of [
      [Tier.APPLICATION, 'Private'],
      [Tier.DATA, 'Isolated'],
    ]) {
      t.hasResourceProperties('AWS::EC2::Subnet', {
        MapPublicIpOnLaunch: false,
        Tags: Match.arrayWith([
          { Key: 'aws-cdk:subnet-name', Value: tier },
          { Key: 'aws-cdk:subnet-type', Value: type },
        ]),
      });
    }
    // Data subnets have no default route (no NAT, no internet gateway).
    const routes = Object.values(t.findResources('AWS::EC2::Route') as Resources);
    expect(routes).toHaveLength(4);
    expect(JSON.stringify(routes)).not.toMatch(/DataSubnet/);
  });

  test('maxAzs and natGateways are honoured', () => {
    // An environment-agnostic stack sees two zones; a concrete environment sees the (dummy) three.
    const s = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'eu-west-1' } });
    new SegmentedVpc(s, 'Net', { maxAzs: 3, natGateways: 1 });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::Subnet', 9);
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
  });

  test('the default security group is emptied by the restrict-default-SG custom resource', () => {
    const s = stack();
    const net = new SegmentedVpc(s, 'Net');
    const t = Template.fromStack(s);
    t.hasResourceProperties('Custom::VpcRestrictDefaultSG', {
      DefaultSecurityGroupId: {
        'Fn::GetAtt': [s.getLogicalId(net.vpc.node.defaultChild as ec2.CfnVPC), 'DefaultSecurityGroup'],
      },
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      Policies: [
        {
          PolicyDocument: {
            Statement: [
              Match.objectLike({
                Action: [
                  'ec2:AuthorizeSecurityGroupIngress',
                  'ec2:AuthorizeSecurityGroupEgress',
                  'ec2:RevokeSecurityGroupIngress',
                  'ec2:RevokeSecurityGroupEgress',
                ],
              }),
            ],
          },
        },
      ],
    });
  });

  test('flow logs capture ALL traffic into a KMS-encrypted, deletion-protected log group kept 365 days', () => {
    const s = stack();
    const net = new SegmentedVpc(s, 'Net');
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::FlowLog', 1);
    t.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      MaxAggregationInterval: 60,
    });
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        RetentionInDays: 365,
        DeletionProtectionEnabled: true,
        KmsKeyId: { 'Fn::GetAtt': [s.getLogicalId(net.auditLogKey!.node.defaultChild as never), 'Arn'] },
        Tags: [{ Key: 'data-classification', Value: 'internal' }],
      },
      DeletionPolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Tags: [{ Key: 'data-classification', Value: 'internal' }],
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudWatchLogsUse',
            Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
          }),
        ]),
      },
    });
  });

  test('DNS queries are logged to the audit log group (the ARN without the `:*` suffix)', () => {
    const s = stack();
    const net = new SegmentedVpc(s, 'Net');
    const t = Template.fromStack(s);
    const group = s.getLogicalId(net.auditLogGroup!.node.defaultChild as logs.CfnLogGroup);
    t.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfig', {
      DestinationArn: {
        'Fn::Join': ['', Match.arrayWith([':log-group:', { Ref: group }])],
      },
    });
    t.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation', {
      ResolverQueryLogConfigId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DnsQueryLogging'), 'Id'] },
      ResourceId: { Ref: s.getLogicalId(net.vpc.node.defaultChild as ec2.CfnVPC) },
    });
  });

  test('given destinations replace the audit log group; with only a flow log destination it stays for DNS', () => {
    const s = stack();
    const sink = new logs.LogGroup(s, 'AuditSink');
    const net = new SegmentedVpc(s, 'Net', {
      flowLogDestination: ec2.FlowLogDestination.toCloudWatchLogs(sink),
      dnsQueryLogDestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:dns',
    });
    const t = Template.fromStack(s);
    expect(net.auditLogGroup).toBeUndefined();
    t.resourceCountIs('AWS::Logs::LogGroup', 1);
    t.resourceCountIs('AWS::KMS::Key', 0);
    t.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL',
      LogGroupName: { Ref: s.getLogicalId(sink.node.defaultChild as logs.CfnLogGroup) },
    });
    t.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfig', {
      DestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:dns',
    });

    const s2 = stack();
    const net2 = new SegmentedVpc(s2, 'Net', {
      flowLogDestination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(s2, 'AuditSink')),
    });
    expect(net2.auditLogGroup).toBeDefined();
    Template.fromStack(s2).resourceCountIs('AWS::Logs::LogGroup', 2);
  });

  test('the data tier ACL denies the ingress tier first, then allows application and data subnets only', () => {
    const s = stack();
    new SegmentedVpc(s, 'Net');
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::NetworkAcl', 1);
    t.resourceCountIs('AWS::EC2::SubnetNetworkAclAssociation', 2);
    const entries = aclEntries(t);
    const ingress = tierCidrs(t, Tier.INGRESS);
    const application = tierCidrs(t, Tier.APPLICATION);
    const data = tierCidrs(t, Tier.DATA);
    expect(ingress).toHaveLength(2);
    for (const egress of [false, true]) {
      const dir = entries
        .filter((e) => e.Egress === egress)
        .sort((a, b) => (a.RuleNumber as number) - (b.RuleNumber as number));
      // Every ingress-tier subnet is denied, all protocols, before any allow.
      const denies = dir.filter((e) => e.RuleAction === 'deny');
      expect(denies.map((e) => e.CidrBlock).sort()).toEqual([...ingress].sort());
      expect(denies.every((e) => e.Protocol === -1)).toBe(true);
      const firstAllow = Math.min(
        ...dir.filter((e) => e.RuleAction === 'allow').map((e) => e.RuleNumber as number),
      );
      expect(Math.max(...denies.map((e) => e.RuleNumber as number))).toBeLessThan(firstAllow);
      // Allows name application and data subnets only (all ports: return traffic on ephemeral ports both ways).
      const allows = dir.filter((e) => e.RuleAction === 'allow');
      expect(allows.map((e) => e.CidrBlock).sort()).toEqual([...application, ...data].sort());
      expect(allows.some((e) => e.CidrBlock === '0.0.0.0/0')).toBe(false);
      // Rule numbers are unique per direction.
      expect(new Set(dir.map((e) => e.RuleNumber)).size).toBe(dir.length);
    }
  });

  test('gateway endpoints (S3, DynamoDB) and interface endpoints (KMS, Logs, STS, Secrets Manager) with private DNS', () => {
    const s = stack();
    new SegmentedVpc(s, 'Net');
    const t = Template.fromStack(s);
    for (const service of ['s3', 'dynamodb']) {
      t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Gateway',
        ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
        RouteTableIds: [
          { Ref: Match.stringLikeRegexp('ApplicationSubnet1RouteTable') },
          { Ref: Match.stringLikeRegexp('ApplicationSubnet2RouteTable') },
        ],
      });
    }
    for (const service of ['kms', 'logs', 'sts', 'secretsmanager']) {
      t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
        SubnetIds: [
          { Ref: Match.stringLikeRegexp('ApplicationSubnet1Subnet') },
          { Ref: Match.stringLikeRegexp('ApplicationSubnet2Subnet') },
        ],
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('EndpointSecurityGroup'), 'GroupId'] }],
      });
    }
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 6);
    // The endpoints' group admits HTTPS from the VPC's range only, and sends nothing.
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Interface endpoints'),
      SecurityGroupIngress: [
        {
          CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('NetVpc'), 'CidrBlock'] },
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          Description: 'HTTPS from the VPC',
        },
      ],
      SecurityGroupEgress: [
        Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' }),
      ],
    });
  });

  test('additional interface endpoints are added beside the defaults', () => {
    const s = stack();
    new SegmentedVpc(s, 'Net', {
      additionalInterfaceEndpoints: { EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR },
    });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 7);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.ecr.api']] },
    });
  });

  test('tier security groups start closed: no ingress, no egress', () => {
    const s = stack();
    const net = new SegmentedVpc(s, 'Net');
    const t = Template.fromStack(s);
    for (const tier of [Tier.INGRESS, Tier.APPLICATION, Tier.DATA]) {
      const id = s.getLogicalId(net.securityGroupFor(tier).node.defaultChild as ec2.CfnSecurityGroup);
      const sg = (t.findResources('AWS::EC2::SecurityGroup') as Resources)[id]!;
      expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
      expect(sg.Properties.SecurityGroupEgress).toEqual([
        expect.objectContaining({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' }),
      ]);
    }
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    t.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
  });

  test('allowFlow declares the egress and the ingress rule between two tier groups', () => {
    const s = stack();
    const net = new SegmentedVpc(s, 'Net');
    net.allowFlow(Tier.APPLICATION, Tier.DATA, ec2.Port.tcp(5432), 'app to PostgreSQL');
    const app = s.getLogicalId(
      net.securityGroupFor(Tier.APPLICATION).node.defaultChild as ec2.CfnSecurityGroup,
    );
    const data = s.getLogicalId(net.securityGroupFor(Tier.DATA).node.defaultChild as ec2.CfnSecurityGroup);
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [app, 'GroupId'] },
      DestinationSecurityGroupId: { 'Fn::GetAtt': [data, 'GroupId'] },
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
      Description: 'app to PostgreSQL',
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [data, 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [app, 'GroupId'] },
      FromPort: 5432,
      ToPort: 5432,
    });
  });

  test('allowInternetHttps opens 443 (and 80 for the redirect) to the ingress tier only, never 22 or 3389', () => {
    const s = stack();
    const net = new SegmentedVpc(s, 'Net');
    net.allowInternetHttps({ redirectHttp: true });
    const t = Template.fromStack(s);
    const id = s.getLogicalId(net.securityGroupFor(Tier.INGRESS).node.defaultChild as ec2.CfnSecurityGroup);
    const rules = (t.findResources('AWS::EC2::SecurityGroup') as Resources)[id]!.Properties
      .SecurityGroupIngress as { CidrIp: string; FromPort: number }[];
    expect(rules.map((r) => [r.CidrIp, r.FromPort])).toEqual([
      ['0.0.0.0/0', 443],
      ['0.0.0.0/0', 80],
    ]);
    const all = JSON.stringify(t.findResources('AWS::EC2::SecurityGroup'));
    expect(all).not.toMatch(/"FromPort":(22|3389)\b/);
  });

  test('allowEndpointAccess and allowHttpsEgress add the egress a tier needs', () => {
    const s = stack();
    const net = new SegmentedVpc(s, 'Net');
    net.allowEndpointAccess(Tier.DATA);
    net.allowHttpsEgress(Tier.APPLICATION, 'image pulls from ECR');
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      DestinationSecurityGroupId: {
        'Fn::GetAtt': [Match.stringLikeRegexp('EndpointSecurityGroup'), 'GroupId'],
      },
      FromPort: 443,
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Application tier'),
      SecurityGroupEgress: [
        {
          CidrIp: '0.0.0.0/0',
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          Description: 'image pulls from ECR',
        },
      ],
    });
  });

  describe('validation', () => {
    test.each([
      [{ natGateways: 0 }, /BULWARK_VPC_NAT/],
      [{ maxAzs: 2, natGateways: 3 }, /`natGateways` \(3\) cannot exceed `maxAzs` \(2\)/],
      [{ maxAzs: 0 }, /BULWARK_VPC_AZS/],
    ])('%j is refused', (props, error) => {
      expect(() => new SegmentedVpc(stack(), 'Net', props)).toThrow(error);
    });

    test('a flow between the ingress and the data tier is refused, in either direction', () => {
      const net = new SegmentedVpc(stack(), 'Net');
      expect(() => net.allowFlow(Tier.INGRESS, Tier.DATA, ec2.Port.tcp(5432), 'lb to db')).toThrow(
        /BULWARK_TIER_FLOW_DATA_INGRESS/,
      );
      expect(() => net.allowFlow(Tier.DATA, Tier.INGRESS, ec2.Port.tcp(443), 'db to lb')).toThrow(
        /`Data` -> `Ingress`/,
      );
    });

    test('a flow of all traffic is refused; every problem is reported at once', () => {
      const net = new SegmentedVpc(stack(), 'Net');
      expect(() => net.allowFlow(Tier.INGRESS, Tier.APPLICATION, ec2.Port.allTraffic(), '')).toThrow(
        /2 problems:[\s\S]*BULWARK_TIER_FLOW_ALL_TRAFFIC[\s\S]*BULWARK_TIER_FLOW_DESCRIPTION/,
      );
    });

    test('HTTPS egress is refused outside the application tier', () => {
      const net = new SegmentedVpc(stack(), 'Net');
      expect(() => net.allowHttpsEgress(Tier.DATA, 'to the internet')).toThrow(/BULWARK_TIER_EGRESS/);
    });
  });

  test('the engine finds no gating result (and no failure) on a segmented VPC with declared flows', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-segmented-vpc-'));
    try {
      const app = new App({ outdir });
      const s = new Stack(app, 'S');
      const net = new SegmentedVpc(s, 'Net');
      net.allowInternetHttps({ redirectHttp: true });
      net.allowFlow(Tier.INGRESS, Tier.APPLICATION, ec2.Port.tcp(8080), 'load balancer to app');
      net.allowFlow(Tier.APPLICATION, Tier.DATA, ec2.Port.tcp(5432), 'app to PostgreSQL');
      net.allowEndpointAccess(Tier.APPLICATION);
      app.synth();
      const { evaluation } = checkGraph(loadInput([outdir]).graph);
      expect(evaluation.viewErrors).toEqual([]);
      expect(evaluation.results.filter((r) => gates(r, evaluation.pack)).map((r) => r.message)).toEqual([]);
      expect(
        evaluation.results
          .filter((r) => /^S\/(Net\/|Custom::VpcRestrictDefaultSG)/.test(r.resource.path ?? ''))
          .filter((r) => r.outcome === 'fail' || r.outcome === 'unknown')
          // BW-NS-023 (advisory): SegmentedVpc keeps AWS's default endpoint policies; which outside
          // resources a workload reaches through an endpoint is known per deployment.
          .filter((r) => r.rule.id !== 'BW-NS-023')
          .map((r) => r.message),
      ).toEqual([]);
      const ids = new Set(evaluation.results.filter((r) => r.outcome === 'pass').map((r) => r.rule.id));
      expect([...ids]).toEqual(expect.arrayContaining(['BW-LT-101', 'BW-NS-001', 'BW-NS-003']));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
