import { Names, Stack, Token } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { PropsValidator } from '../common/validation';

/** Where a web ACL applies. */
export enum WebAclScope {
  /** Application Load Balancers, API Gateway REST API stages, AppSync, Cognito, App Runner... */
  REGIONAL = 'REGIONAL',
  /** CloudFront distributions; the web ACL must be created in us-east-1. */
  CLOUDFRONT = 'CLOUDFRONT',
}

/** AWS managed rule groups every baseline web ACL evaluates, in order. */
export const BASELINE_MANAGED_RULE_GROUPS: readonly string[] = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
];

/** The rate limit WAF accepts: requests per evaluation window per IP address. */
const RATE_LIMIT_MIN = 10;
const RATE_LIMIT_MAX = 2_000_000_000;

export interface BaselineWebAclProps {
  /**
   * Regional (load balancers, API stages) or CloudFront.
   * @default WebAclScope.REGIONAL
   */
  readonly scope?: WebAclScope;
  /**
   * Requests one IP address may send in 5 minutes before it is blocked (rate limiting of the
   * security model). Between 10 and 2,000,000,000.
   * @default 2000
   * @see mcsb-v1:NS-6
   */
  readonly rateLimit?: number;
  /**
   * Prefix of the CloudWatch metric names of the web ACL and its rules.
   * @default - the construct's unique name
   * @see mcsb-v1:LT-3
   */
  readonly metricPrefix?: string;
}

/**
 * A WAF web ACL with the baseline protections: a rate-based rule that blocks an IP address above
 * `rateLimit` requests in 5 minutes, then the AWS managed Common and Known Bad Inputs rule groups.
 * Requests that no rule blocks are allowed. Every rule publishes CloudWatch metrics and keeps
 * sampled requests. Attach it with {@link associate} (regional) or the distribution's `webAclId`
 * (CloudFront).
 * @see mcsb-v1:NS-6
 */
export class BaselineWebAcl extends Construct {
  /** The underlying web ACL. */
  readonly webAcl: wafv2.CfnWebACL;
  /** ARN of the web ACL (the `webAclId` of a CloudFront distribution). */
  readonly webAclArn: string;
  /** Scope of the web ACL. */
  readonly scope: WebAclScope;

  private associations = 0;

  constructor(scope: Construct, id: string, props: BaselineWebAclProps = {}) {
    super(scope, id);
    this.scope = props.scope ?? WebAclScope.REGIONAL;
    const rateLimit = props.rateLimit ?? 2000;
    const v = new PropsValidator(this);
    v.check(
      Token.isUnresolved(rateLimit) ||
        (Number.isInteger(rateLimit) && rateLimit >= RATE_LIMIT_MIN && rateLimit <= RATE_LIMIT_MAX),
      'BULWARK_WAF_RATE_LIMIT',
      `\`rateLimit\` must be a whole number between ${RATE_LIMIT_MIN} and ${RATE_LIMIT_MAX} (got ${rateLimit})`,
    );
    const region = Stack.of(this).region;
    v.check(
      this.scope !== WebAclScope.CLOUDFRONT || Token.isUnresolved(region) || region === 'us-east-1',
      'BULWARK_WAF_SCOPE_REGION',
      `\`scope\` CLOUDFRONT requires the stack to be in us-east-1, not ${region}`,
    );
    v.throwIfAny();

    const prefix = props.metricPrefix ?? Names.uniqueId(this);
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${prefix}-${name}`,
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      {
        name: 'RateLimitPerIp',
        priority: 0,
        action: { block: {} },
        statement: {
          rateBasedStatement: { limit: rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
        },
        visibilityConfig: visibility('RateLimitPerIp'),
      },
      ...BASELINE_MANAGED_RULE_GROUPS.map((name, i) => ({
        name,
        priority: i + 1,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        visibilityConfig: visibility(name),
      })),
    ];
    this.webAcl = new wafv2.CfnWebACL(this, 'Resource', {
      scope: this.scope,
      defaultAction: { allow: {} },
      description: `Baseline: ${rateLimit} requests per 5 minutes per IP, AWS common and known-bad-inputs rules`,
      rules,
      visibilityConfig: visibility('WebAcl'),
    });
    this.webAclArn = this.webAcl.attrArn;
  }

  /**
   * Associate the web ACL with a regional resource: an Application Load Balancer
   * (`loadBalancer.loadBalancerArn`) or an API Gateway REST API stage (`stage.stageArn`).
   * CloudFront distributions take the web ACL through their `webAclId` instead.
   */
  associate(resourceArn: string): wafv2.CfnWebACLAssociation {
    const v = new PropsValidator(this);
    v.check(
      this.scope === WebAclScope.REGIONAL,
      'BULWARK_WAF_ASSOCIATION_SCOPE',
      "`scope` CLOUDFRONT web ACLs are attached through the distribution's `webAclId`, not `associate()`",
    );
    v.throwIfAny();
    this.associations += 1;
    return new wafv2.CfnWebACLAssociation(this, `Association${this.associations}`, {
      resourceArn,
      webAclArn: this.webAclArn,
    });
  }
}
