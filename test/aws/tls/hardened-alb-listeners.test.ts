import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { SegmentedVpc, Tier } from '../../../lib/aws/network';
import { BaselineWebAcl, HardenedAlbListeners } from '../../../lib/aws/tls';
import { Classification, LEVELS } from '../../../lib/classification';
import { checkGraph } from '../../../lib/check';
import { gates } from '../../../lib/engine/evaluate';
import { loadInput } from '../../../lib/sources';

const CERT = elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:123456789012:certificate/x');

/** The listener policy the in-transit cell of each level asks for (ALB offers PQ policies). */
const EXPECTED_POLICY: Record<Classification, string> = {
  [Classification.PUBLIC]: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  [Classification.INTERNAL]: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  [Classification.CONFIDENTIAL]: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  [Classification.RESTRICTED]: 'ELBSecurityPolicy-TLS13-1-3-2021-06',
  [Classification.TOP_SECRET]: 'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
};

function albStack(s: Stack) {
  const vpc = new ec2.Vpc(s, 'Vpc');
  return new elbv2.ApplicationLoadBalancer(s, 'Lb', { vpc, internetFacing: true });
}

describe('HardenedAlbListeners', () => {
  test.each(LEVELS.map((l) => [l]))(
    '%s: HTTPS listener with the level policy, HTTP only redirects',
    (level) => {
      const s = new Stack(new App(), 'S');
      const listeners = new HardenedAlbListeners(s, 'Listeners', {
        classification: level,
        loadBalancer: albStack(s),
        certificates: [CERT],
      });
      const t = Template.fromStack(s);
      t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        Protocol: 'HTTPS',
        Port: 443,
        SslPolicy: EXPECTED_POLICY[level],
        Certificates: [{ CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' }],
        DefaultActions: [
          Match.objectLike({
            Type: 'fixed-response',
            FixedResponseConfig: Match.objectLike({ StatusCode: '404' }),
          }),
        ],
      });
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [
          { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
        ],
      });
      expect(listeners.sslPolicy).toBe(EXPECTED_POLICY[level]);
    },
  );

  test('the listeners open nothing on the load balancer security group', () => {
    const s = new Stack(new App(), 'S');
    new HardenedAlbListeners(s, 'Listeners', {
      classification: Classification.CONFIDENTIAL,
      loadBalancer: albStack(s),
      certificates: [CERT],
    });
    const groups = Template.fromStack(s).findResources('AWS::EC2::SecurityGroup');
    expect(JSON.stringify(groups)).not.toMatch(/0\.0\.0\.0\/0"[^}]*"FromPort":(80|443)/);
    for (const g of Object.values(groups) as { Properties: { SecurityGroupIngress?: unknown } }[])
      expect(g.Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('custom ports, FIPS, and no HTTP listener at all', () => {
    const s = new Stack(new App(), 'S');
    const l = new HardenedAlbListeners(s, 'Listeners', {
      classification: Classification.TOP_SECRET,
      loadBalancer: albStack(s),
      certificates: [CERT],
      httpsPort: 8443,
      httpRedirectPort: false,
      fips: true,
    });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 8443,
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
    });
    expect(l.redirectListener).toBeUndefined();
  });

  test('the redirect goes to a custom HTTPS port', () => {
    const s = new Stack(new App(), 'S');
    new HardenedAlbListeners(s, 'Listeners', {
      classification: Classification.INTERNAL,
      loadBalancer: albStack(s),
      certificates: [CERT],
      httpsPort: 8443,
      httpRedirectPort: 8080,
    });
    Template.fromStack(s).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP',
      Port: 8080,
      DefaultActions: [
        Match.objectLike({ RedirectConfig: Match.objectLike({ Port: '8443', Protocol: 'HTTPS' }) }),
      ],
    });
  });

  test('no certificate, two defaults and one port for both listeners are refused, all at once', () => {
    const s = new Stack(new App(), 'S');
    const lb = albStack(s);
    const tg = new elbv2.ApplicationTargetGroup(s, 'Tg', { vpc: lb.vpc, port: 80 });
    expect(
      () =>
        new HardenedAlbListeners(s, 'Listeners', {
          classification: Classification.PUBLIC,
          loadBalancer: lb,
          certificates: [],
          defaultAction: elbv2.ListenerAction.fixedResponse(200),
          defaultTargetGroups: [tg],
          httpsPort: 80,
        }),
    ).toThrow(
      /3 problems:[\s\S]*BULWARK_LISTENER_CERTIFICATE[\s\S]*`defaultAction` or `defaultTargetGroups`[\s\S]*`httpRedirectPort` and `httpsPort`/,
    );
  });

  test('the engine finds no gating result on listeners behind a segmented VPC with a baseline web ACL', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-alb-listeners-'));
    try {
      const app = new App({ outdir });
      const s = new Stack(app, 'S');
      const net = new SegmentedVpc(s, 'Net');
      net.allowInternetHttps({ redirectHttp: true });
      const lb = new elbv2.ApplicationLoadBalancer(s, 'Lb', {
        vpc: net.vpc,
        internetFacing: true,
        securityGroup: net.securityGroupFor(Tier.INGRESS),
        vpcSubnets: net.subnetsFor(Tier.INGRESS),
      });
      for (const level of LEVELS) {
        new HardenedAlbListeners(s, `Listeners${level}`, {
          classification: level,
          loadBalancer: lb,
          certificates: [CERT],
          httpsPort: 443 + LEVELS.indexOf(level),
          httpRedirectPort: 80 + LEVELS.indexOf(level),
        });
      }
      new BaselineWebAcl(s, 'Waf').associate(lb.loadBalancerArn);
      app.synth();
      const { evaluation } = checkGraph(loadInput([outdir]).graph);
      expect(evaluation.viewErrors).toEqual([]);
      expect(evaluation.results.filter((r) => gates(r, evaluation.pack)).map((r) => r.message)).toEqual([]);
      expect(
        evaluation.results
          .filter((r) =>
            /^S\/(Net\/|Listeners\w+\/|Waf\/|Custom::VpcRestrictDefaultSG)/.test(r.resource.path ?? ''),
          )
          .filter((r) => r.outcome === 'fail' || r.outcome === 'unknown')
          // BW-NS-023 (advisory): SegmentedVpc keeps AWS's default endpoint policies; which outside
          // resources a workload reaches through an endpoint is known per deployment.
          .filter((r) => r.rule.id !== 'BW-NS-023')
          .map((r) => r.message),
      ).toEqual([]);
      const passed = (id: string) =>
        evaluation.results.filter((r) => r.rule.id === id && r.outcome === 'pass').length;
      expect(passed('BW-NS-004')).toBe(5);
      expect(passed('BW-NS-005')).toBe(5);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
