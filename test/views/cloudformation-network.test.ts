import { normaliseProtocol } from '../../lib/views/common/network';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import {
  APIGATEWAY_TLS_POLICIES,
  CLOUDFRONT_TLS_POLICIES,
  ELBV2_TLS_POLICIES,
  tlsFacts,
} from '../../lib/views/common/tls';
import type { View, ViewKind, ViewOf } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';

/** Synthesize one stack; look views up by construct id below the stack. */
function views(build: (stack: Stack) => void): <K extends ViewKind>(id: string, kind: K) => ViewOf<K> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-net-views-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S'));
    app.synth();
    const { graph } = loadInput([outdir]);
    const set = new ViewSet(graph, cloudFormationAdapters());
    const all: View[] = set.all();
    expect(set.errors).toEqual([]);
    return <K extends ViewKind>(id: string, kind: K): ViewOf<K> => {
      const v = all.find(
        (x) => x.kind === kind && (x.resource.path === `S/${id}/Resource` || x.resource.path === `S/${id}`),
      );
      if (!v) throw new Error(`no ${kind} view for ${id}`);
      return v as ViewOf<K>;
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

describe('TLS policy table', () => {
  test('knows every policy name of the aws-cdk-lib enums', () => {
    for (const name of Object.values(elbv2.SslPolicy)) expect(ELBV2_TLS_POLICIES).toHaveProperty([name]);
    for (const name of Object.values(apigw.SecurityPolicy))
      expect(APIGATEWAY_TLS_POLICIES).toHaveProperty([name]);
    for (const name of Object.values(cloudfront.SecurityPolicyProtocol))
      expect(CLOUDFRONT_TLS_POLICIES).toHaveProperty([name]);
  });

  test('an unknown policy name is an Unknown fact, never a guess', () => {
    const facts = tlsFacts('elbv2', 'ELBSecurityPolicy-TLS13-1-2-2099-01');
    expect(facts.policyName).toBe('ELBSecurityPolicy-TLS13-1-2-2099-01');
    expect(facts.minTls).toBeInstanceOf(Unknown);
    expect(facts.postQuantum).toBeInstanceOf(Unknown);
    expect(tlsFacts('elbv2', 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')).toEqual({
      policyName: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
      minTls: '1.2',
      postQuantum: true,
    });
  });
});

describe('CloudFormation network adapters', () => {
  test('security group: inline rules, standalone rules by GroupId, peers and the default egress', () => {
    const view = views((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const web = new ec2.SecurityGroup(stack, 'Web', { vpc });
      const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
      web.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.allTraffic());
      db.addIngressRule(web, ec2.Port.tcp(5432));
    });
    const web = view('Web', 'firewall');
    expect(web.isDefault).toBe(false);
    expect(web.network).toMatch(/^S\/Vpc/);
    expect(web.rules).toEqual([
      expect.objectContaining({
        direction: 'ingress',
        action: 'allow',
        protocol: 'all',
        source: { cidr: '::/0' },
        fromPort: undefined,
      }),
      expect.objectContaining({ direction: 'egress', protocol: 'all', destination: { cidr: '0.0.0.0/0' } }),
    ]);
    // `Web` is the peer of the Db ingress resource, not its group: the rule belongs to Db only.
    const db = view('Db', 'firewall');
    const ingress = db.rules.filter((r) => r.direction === 'ingress');
    expect(ingress).toEqual([
      expect.objectContaining({
        protocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        source: { group: web.resource.address },
      }),
    ]);
    expect(ingress[0]!.declaredBy).not.toBe(db.resource.address);
    // Security groups only allow, and have no evaluation order.
    expect(db.rules.every((r) => r.action === 'allow' && r.priority === undefined)).toBe(true);
    expect(db.rules.filter((r) => r.direction === 'egress')).toEqual([
      expect.objectContaining({ protocol: 'icmp', destination: { cidr: '255.255.255.255/32' } }),
    ]);
  });

  test('VPC flow logs, subnets and network ACL entries', () => {
    const view = views((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 1,
        natGateways: 0,
        flowLogs: { Rejects: { trafficType: ec2.FlowLogTrafficType.REJECT } },
      });
      const acl = new ec2.NetworkAcl(stack, 'Acl', { vpc });
      acl.addEntry('Rdp', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: 100,
        traffic: ec2.AclTraffic.tcpPortRange(3380, 3390),
        direction: ec2.TrafficDirection.INGRESS,
        ruleAction: ec2.Action.DENY,
      });
      acl.addEntry('Out', {
        cidr: ec2.AclCidr.ipv4('10.0.0.0/8'),
        ruleNumber: 200,
        traffic: ec2.AclTraffic.allTraffic(),
        direction: ec2.TrafficDirection.EGRESS,
      });
    });
    const vpc = view('Vpc', 'network');
    expect(vpc.flowLogs).toEqual([{ address: expect.stringMatching(/FlowLog/), trafficType: 'REJECT' }]);
    expect(vpc.cidr).toBe('10.0.0.0/16');
    expect(view('Vpc/PublicSubnet1/Subnet', 'subnet').mapPublicIpOnLaunch).toBe(true);
    expect(view('Vpc/IsolatedSubnet1/Subnet', 'subnet').mapPublicIpOnLaunch).toBe(false);
    expect(view('Acl', 'network-acl').entries).toEqual([
      expect.objectContaining({
        direction: 'ingress',
        protocol: 'tcp',
        fromPort: 3380,
        toPort: 3390,
        source: { cidr: '0.0.0.0/0' },
        action: 'deny',
        priority: 100,
      }),
      expect.objectContaining({
        direction: 'egress',
        protocol: 'all',
        destination: { cidr: '10.0.0.0/8' },
        action: 'allow',
        priority: 200,
      }),
    ]);
  });
});

describe('CloudFormation endpoint adapters', () => {
  test('listeners: default SSL policy, redirect, and access logs and WAF from the load balancer', () => {
    const view = views((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
      lb.setAttribute('access_logs.s3.enabled', 'true');
      lb.addListener('Https', {
        port: 443,
        certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT)],
        defaultAction: elbv2.ListenerAction.fixedResponse(200),
      });
      lb.addRedirect();
      const acl = new wafv2.CfnWebACL(stack, 'Acl', {
        defaultAction: { allow: {} },
        scope: 'REGIONAL',
        visibilityConfig: {
          cloudWatchMetricsEnabled: false,
          metricName: 'acl',
          sampledRequestsEnabled: false,
        },
      });
      new wafv2.CfnWebACLAssociation(stack, 'AclLb', {
        resourceArn: lb.loadBalancerArn,
        webAclArn: acl.attrArn,
      });
    });
    expect(view('Lb/Https', 'endpoint')).toMatchObject({
      endpointType: 'load-balancer-listener',
      protocol: 'HTTPS',
      policyName: 'ELBSecurityPolicy-2016-08',
      minTls: '1.0',
      postQuantum: false,
      accessLogging: true,
      waf: true,
    });
    const http = view('Lb/Redirect80To443', 'endpoint');
    expect(http).toMatchObject({ protocol: 'HTTP', redirectsToHttps: true });
    expect(http.minTls).toBeUndefined();
  });

  test('distribution on the default certificate is TLSv1; API stages and domains get their defaults', () => {
    const view = views((stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
      const api = new apigw.RestApi(stack, 'Api', { endpointTypes: [apigw.EndpointType.REGIONAL] });
      api.root.addMethod('GET');
      new apigw.DomainName(stack, 'Domain', {
        domainName: 'api.example.com',
        certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT),
      });
    });
    expect(view('Cdn', 'endpoint')).toMatchObject({
      endpointType: 'cdn-distribution',
      policyName: 'TLSv1',
      minTls: '1.0',
      redirectsToHttps: false,
      accessLogging: false,
      waf: false,
    });
    expect(view('Cdn', 'endpoint').postQuantum).toBeInstanceOf(Unknown);
    expect(view('Api/DeploymentStage.prod', 'endpoint')).toMatchObject({
      endpointType: 'api-stage',
      policyName: 'TLS_1_0',
      minTls: '1.0',
      accessLogging: false,
    });
    expect(view('Domain', 'endpoint')).toMatchObject({
      endpointType: 'api-domain',
      policyName: 'TLS_1_2',
      minTls: '1.2',
    });
  });
});

describe('CloudFormation identity and posture adapters', () => {
  test('standalone policies are attached both ways; AWS managed ARNs resolve with the partition', () => {
    const view = views((stack) => {
      const role = new iam.Role(stack, 'App', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
      });
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] }));
      const mp = new iam.ManagedPolicy(stack, 'Extra', {
        statements: [new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: ['*'] })],
      });
      role.addManagedPolicy(mp);
    });
    const role = view('App', 'identity');
    const extra = view('Extra', 'permission-policy');
    const inline = view('App/DefaultPolicy', 'permission-policy');
    expect(role.managedPolicyArns).toContain('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect([...role.attachedPolicies].sort()).toEqual(
      [extra.resource.address, inline.resource.address].sort(),
    );
    expect(extra).toMatchObject({ managed: true, attachedTo: [role.resource.address] });
    expect(inline).toMatchObject({ managed: false, attachedTo: [role.resource.address] });
  });

  test('GuardDuty features and legacy data sources', () => {
    const view = views((stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        dataSources: { s3Logs: { enable: true } },
        features: [
          { name: 'S3_DATA_EVENTS', status: 'DISABLED' },
          { name: 'RUNTIME_MONITORING', status: 'ENABLED' },
        ],
      });
    });
    const detector = view('Detector', 'posture');
    expect(detector).toMatchObject({ service: 'threat-detection', enabled: true });
    expect(detector.detectors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'threat-detection',
          scope: 'account-activity',
          enabled: true,
          name: 'GuardDuty',
        }),
        expect.objectContaining({
          type: 'threat-detection',
          scope: 'object-store-data',
          enabled: false,
          name: 'S3_DATA_EVENTS',
        }),
        expect.objectContaining({
          type: 'threat-detection',
          scope: 'workload-runtime',
          enabled: true,
          name: 'RUNTIME_MONITORING',
        }),
        expect.objectContaining({
          type: 'malware-protection',
          scope: 'virtual-machines',
          enabled: true,
          name: 'EBS_MALWARE_PROTECTION',
        }),
      ]),
    );
  });
});

test('a protocol named like a JavaScript built-in stays the name written, never a function', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
    expect(normaliseProtocol(name)).toBe(name);
  expect(normaliseProtocol('6')).toBe('tcp');
});
