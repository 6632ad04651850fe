import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import type { View } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';

/** Synthesize one stack and return every view, by construct id below the stack. */
function viewsOf(build: (stack: Stack) => void): (id: string) => View[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-netsvc-views-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S'));
    app.synth();
    const set = new ViewSet(loadInput([outdir]).graph, cloudFormationAdapters());
    const all = set.all();
    expect(set.errors).toEqual([]);
    return (id) => all.filter((v) => v.resource.path === `S/${id}` || v.resource.path === `S/${id}/Resource`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

describe('classic load balancer', () => {
  test('one load-balancer view and one endpoint view per listener, SSL spelled TLS', () => {
    const views = viewsOf((stack) => {
      new elb.CfnLoadBalancer(stack, 'Clb', {
        availabilityZones: ['us-east-1a'],
        scheme: 'internal',
        listeners: [
          { loadBalancerPort: '80', instancePort: '80', protocol: 'HTTP' },
          { loadBalancerPort: '443', instancePort: '443', protocol: 'SSL', sslCertificateId: CERT },
        ],
      });
    })('Clb');
    expect(views.map((v) => v.kind)).toEqual(['load-balancer', 'endpoint', 'endpoint']);
    const [lb, http, ssl] = views;
    expect(lb).toMatchObject({ loadBalancerType: 'classic', internetFacing: false, accessLogging: false });
    expect(http).toMatchObject({
      name: 'Clb/listener-80',
      protocol: 'HTTP',
      redirectsToHttps: false,
      targetProtocol: 'HTTP',
    });
    expect(ssl).toMatchObject({
      name: 'Clb/listener-443',
      protocol: 'TLS',
      policyName: 'ELBSecurityPolicy-2016-08',
      minTls: '1.0',
      targetProtocol: 'TCP',
      tlsOffered: { tls13Only: false, postQuantumTls13Only: false },
    });
  });

  test('two SSL negotiation policies on one listener are unknown, not the first one', () => {
    const [, listener] = viewsOf((stack) => {
      const policy = (name: string, ref: string) => ({
        policyName: name,
        policyType: 'SSLNegotiationPolicyType',
        attributes: [{ Name: 'Reference-Security-Policy', Value: ref }],
      });
      new elb.CfnLoadBalancer(stack, 'Clb', {
        availabilityZones: ['us-east-1a'],
        listeners: [
          {
            loadBalancerPort: '443',
            instancePort: '443',
            protocol: 'HTTPS',
            sslCertificateId: CERT,
            policyNames: ['Strong', 'Weak'],
          },
        ],
        policies: [
          policy('Strong', 'ELBSecurityPolicy-TLS-1-2-2017-01'),
          policy('Weak', 'ELBSecurityPolicy-2016-08'),
        ],
      });
    })('Clb');
    expect(listener).toMatchObject({ kind: 'endpoint' });
    const minTls = (listener as Extract<View, { kind: 'endpoint' }>).minTls;
    expect(minTls).toBeInstanceOf(Unknown);
    expect((minTls as Unknown).reason).toMatch(/several SSL negotiation policies \(`Strong`, `Weak`\)/);
  });
});

describe('web ACL', () => {
  test('rules are read in priority order with their actions', () => {
    const vis = { cloudWatchMetricsEnabled: false, metricName: 'm', sampledRequestsEnabled: false };
    const [acl] = viewsOf((stack) => {
      new wafv2.CfnWebACL(stack, 'Acl', {
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        visibilityConfig: vis,
        rules: [
          {
            name: 'Managed',
            priority: 2,
            statement: {
              managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
            },
            overrideAction: { count: {} },
            visibilityConfig: vis,
          },
          {
            name: 'Geo',
            priority: 1,
            action: { captcha: {} },
            statement: { geoMatchStatement: { countryCodes: ['XX'] } },
            visibilityConfig: vis,
          },
        ],
      });
    })('Acl');
    expect(acl).toMatchObject({
      kind: 'web-application-firewall',
      defaultAction: 'allow',
      rules: [
        { name: 'Geo', action: 'captcha' },
        { name: 'Managed', action: 'count' },
      ],
    });
  });
});

describe('SNS subscription', () => {
  test.each([
    ['http', 'http'],
    ['https', 'https'],
    ['sqs', 'provider'],
    ['lambda', 'provider'],
    ['firehose', 'provider'],
    ['email-json', 'email'],
    ['sms', 'sms'],
    ['application', 'mobile-push'],
  ])('protocol %s is delivered by %s', (protocol, delivery) => {
    const [sub] = viewsOf((stack) => {
      new sns.CfnSubscription(stack, 'Sub', {
        topicArn: new sns.Topic(stack, 'Topic').topicArn,
        protocol,
        endpoint: 'x',
      });
    })('Sub');
    expect(sub).toMatchObject({ kind: 'subscription', protocol, delivery });
  });
});
