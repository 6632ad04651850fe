import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { BaselineWebAcl, WebAclScope } from '../../../lib/aws/tls';
import { checkGraph } from '../../../lib/check';
import { gates } from '../../../lib/engine/evaluate';
import { loadInput } from '../../../lib/sources';
import type { EndpointView } from '../../../lib/views/kinds';

const visible = {
  CloudWatchMetricsEnabled: true,
  SampledRequestsEnabled: true,
  MetricName: Match.anyValue(),
};

describe('BaselineWebAcl', () => {
  test('rate limit per IP first, then the AWS common and known-bad-inputs groups; default allow; metrics and samples on', () => {
    const s = new Stack(new App(), 'S');
    new BaselineWebAcl(s, 'Waf');
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      VisibilityConfig: visible,
      Rules: [
        {
          Name: 'RateLimitPerIp',
          Priority: 0,
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 },
          },
          VisibilityConfig: visible,
        },
        {
          Name: 'AWSManagedRulesCommonRuleSet',
          Priority: 1,
          OverrideAction: { None: {} },
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
          },
          VisibilityConfig: visible,
        },
        {
          Name: 'AWSManagedRulesKnownBadInputsRuleSet',
          Priority: 2,
          OverrideAction: { None: {} },
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
          },
          VisibilityConfig: visible,
        },
      ],
    });
  });

  test('rate limit, metric prefix and CloudFront scope (in us-east-1)', () => {
    const s = new Stack(new App(), 'S', { env: { region: 'us-east-1' } });
    new BaselineWebAcl(s, 'Waf', { scope: WebAclScope.CLOUDFRONT, rateLimit: 500, metricPrefix: 'shop' });
    Template.fromStack(s).hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      VisibilityConfig: Match.objectLike({ MetricName: 'shop-WebAcl' }),
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 500 }) } }),
      ]),
    });
  });

  test('associate() attaches the web ACL to a load balancer and to a REST API stage', () => {
    const s = new Stack(new App(), 'S');
    const lb = new elbv2.ApplicationLoadBalancer(s, 'Lb', { vpc: new ec2.Vpc(s, 'Vpc') });
    const api = new apigateway.RestApi(s, 'Api');
    api.root.addMethod('GET', new apigateway.MockIntegration());
    const waf = new BaselineWebAcl(s, 'Waf');
    waf.associate(lb.loadBalancerArn);
    waf.associate(api.deploymentStage.stageArn);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::WAFv2::WebACLAssociation', 2);
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { Ref: Match.stringLikeRegexp('^Lb') },
      WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Waf'), 'Arn'] },
    });
  });

  describe('validation', () => {
    test.each([[5], [2_000_000_001], [10.5]])('rateLimit %d is refused', (rateLimit) => {
      expect(() => new BaselineWebAcl(new Stack(new App(), 'S'), 'Waf', { rateLimit })).toThrow(
        /BULWARK_WAF_RATE_LIMIT/,
      );
    });

    test('a CloudFront web ACL outside us-east-1 is refused, naming the scope and the region', () => {
      const s = new Stack(new App(), 'S', { env: { region: 'eu-west-1' } });
      expect(() => new BaselineWebAcl(s, 'Waf', { scope: WebAclScope.CLOUDFRONT })).toThrow(
        /`scope` CLOUDFRONT requires the stack to be in us-east-1, not eu-west-1/,
      );
    });

    test('associate() is refused on a CloudFront web ACL', () => {
      const s = new Stack(new App(), 'S', { env: { region: 'us-east-1' } });
      const waf = new BaselineWebAcl(s, 'Waf', { scope: WebAclScope.CLOUDFRONT });
      expect(() => waf.associate('arn:aws:cloudfront::123456789012:distribution/X')).toThrow(
        /BULWARK_WAF_ASSOCIATION_SCOPE/,
      );
    });
  });

  test('the engine sees the web ACL on the listener and finds no gating result', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-web-acl-'));
    try {
      const app = new App({ outdir });
      const s = new Stack(app, 'S');
      const lb = new elbv2.ApplicationLoadBalancer(s, 'Lb', { vpc: new ec2.Vpc(s, 'Vpc') });
      lb.addRedirect();
      new BaselineWebAcl(s, 'Waf').associate(lb.loadBalancerArn);
      app.synth();
      const { evaluation } = checkGraph(loadInput([outdir]).graph);
      expect(evaluation.results.filter((r) => gates(r, evaluation.pack)).map((r) => r.message)).toEqual([]);
      const listener = evaluation.results.find((r) => r.view.kind === 'endpoint')!.view as EndpointView;
      expect(listener.waf).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
