import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import { applicationGateway, frontDoorRoute } from '../../../test/support/azure-native';
import rule from './listener-tls';
import type { TerraformStack } from 'cdktf';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import type { RuleCase } from '../../../lib/engine/cases';

const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** An internet-facing ALB with an HTTPS listener on the recommended TLS 1.2/1.3 policy. */
function alb(stack: Stack, sslPolicy: elbv2.SslPolicy | undefined): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
  lb.addListener('Https', {
    port: 443,
    certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT)],
    sslPolicy,
    defaultAction: elbv2.ListenerAction.fixedResponse(200),
  });
}

/** An internet-facing classic load balancer with one secure listener on 443 and `policies`. */
function classic(
  stack: Stack,
  protocol: 'HTTPS' | 'SSL',
  policies: elb.CfnLoadBalancer.PoliciesProperty[],
  policyNames?: string[],
): void {
  new elb.CfnLoadBalancer(stack, 'Clb', {
    availabilityZones: ['eu-west-1a'],
    listeners: [
      {
        loadBalancerPort: '443',
        instancePort: '8443',
        protocol,
        instanceProtocol: protocol,
        sslCertificateId: CERT,
        policyNames,
      },
    ],
    policies,
  });
}

/** An SSL negotiation policy that refers to a predefined security policy. */
function reference(name: string, predefined: string): elb.CfnLoadBalancer.PoliciesProperty {
  return {
    policyName: name,
    policyType: 'SSLNegotiationPolicyType',
    attributes: [{ Name: 'Reference-Security-Policy', Value: predefined }],
  };
}

/** A Terraform application load balancer with one HTTPS listener on the given policy (AWS default when undefined). */
function tfListener(stack: TerraformStack, sslPolicy?: string): void {
  const lb = new Lb(stack, 'TfLb', { name: 'web', subnets: ['subnet-0a', 'subnet-0b'] });
  new LbListener(stack, 'Https', {
    loadBalancerArn: lb.arn,
    port: 443,
    protocol: 'HTTPS',
    sslPolicy,
    certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000000',
    defaultAction: [
      { type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '404' } },
    ],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: aws_lb_listener on the TLS 1.3/1.2 policy',
    source: 'cdktf',
    build: (stack) => tfListener(stack, 'ELBSecurityPolicy-TLS13-1-2-2021-06'),
    target: 'Https',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_lb_listener without ssl_policy gets ELBSecurityPolicy-2016-08',
    source: 'cdktf',
    build: (stack) => tfListener(stack),
    target: 'Https',
    expect: 'fail',
    message: '`Https` accepts TLS 1.0 (policy `ELBSecurityPolicy-2016-08`)',
  },
  {
    name: 'Terraform plan: aws_alb_listener on ELBSecurityPolicy-2016-08 (terraform-compliance)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
    target: 'module.alb.aws_alb_listener.alb',
    expect: 'fail',
    message: /accepts TLS 1\.0 \(policy `ELBSecurityPolicy-2016-08`\)/,
  },
];

export default defineCases(rule, [
  {
    name: 'Pulumi: application gateway on AppGwSslPolicy20220101S',
    source: 'pulumi',
    build: () => applicationGateway([{ name: 'site', protocol: 'Https' }]),
    target: 'gateway',
    expect: 'pass',
  },
  {
    name: 'Pulumi: application gateway without sslPolicy gets AppGwSslPolicy20220101 (TLS 1.2)',
    source: 'pulumi',
    build: () => applicationGateway([{ name: 'site', protocol: 'Https' }], { sslPolicy: undefined }),
    target: 'gateway',
    expect: 'pass',
  },
  {
    name: 'Pulumi: application gateway on AppGwSslPolicy20150501 accepts TLS 1.0',
    source: 'pulumi',
    build: () =>
      applicationGateway([{ name: 'site', protocol: 'Https' }], {
        sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20150501' },
      }),
    target: 'gateway',
    expect: 'fail',
    message: '`gateway/site` accepts TLS 1.0 (policy `AppGwSslPolicy20150501`)',
  },
  {
    name: "Pulumi: a listener's SSL profile lowers the floor to TLS 1.1 under a strict gateway policy",
    source: 'pulumi',
    build: () =>
      applicationGateway([{ name: 'legacy', protocol: 'Https', sslProfile: 'legacy-clients' }], {
        sslProfiles: [
          { name: 'legacy-clients', sslPolicy: { policyType: 'Custom', minProtocolVersion: 'TLSv1_1' } },
        ],
      }),
    target: 'gateway',
    expect: 'fail',
    message: '`gateway/legacy` accepts TLS 1.1 (policy `Custom TLSv1_1`)',
  },
  {
    name: 'Pulumi: Front Door route serving a custom domain on TLS12_2023',
    source: 'pulumi',
    build: () => frontDoorRoute(),
    target: 'route',
    expect: 'pass',
  },
  {
    name: 'Pulumi: Front Door route serving a custom domain on the TLS10_2019 cipher suite set',
    source: 'pulumi',
    build: () => frontDoorRoute({}, { cipherSuiteSetType: 'TLS10_2019' }),
    target: 'route',
    expect: 'fail',
    message: '`route/https` accepts TLS 1.0 (policy `TLS10_2019`)',
  },
  {
    name: 'HTTPS listener on the recommended TLS 1.2/1.3 policy',
    build: (stack) => alb(stack, elbv2.SslPolicy.RECOMMENDED_TLS),
    target: 'Lb/Https',
    expect: 'pass',
  },
  {
    name: 'HTTPS listener on the TLS 1.3-only post-quantum policy',
    build: (stack) => alb(stack, elbv2.SslPolicy.TLS13_13_PQ),
    target: 'Lb/Https',
    expect: 'pass',
  },
  {
    name: 'HTTPS listener without an SSL policy gets ELBSecurityPolicy-2016-08',
    build: (stack) => alb(stack, undefined),
    target: 'Lb/Https',
    expect: 'fail',
    message: '`Lb/Https` accepts TLS 1.0 (policy `ELBSecurityPolicy-2016-08`)',
  },
  {
    name: 'HTTPS listener on the TLS 1.1 policy',
    build: (stack) => alb(stack, elbv2.SslPolicy.TLS11),
    target: 'Lb/Https',
    expect: 'fail',
    message: '`Lb/Https` accepts TLS 1.1 (policy `ELBSecurityPolicy-TLS-1-1-2017-01`)',
  },
  {
    name: 'TLS listener of a network load balancer on the forward-secrecy TLS 1.0 policy',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });
      nlb.addListener('Tls', {
        port: 443,
        certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT)],
        sslPolicy: elbv2.SslPolicy.FORWARD_SECRECY,
        defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc, port: 443 })],
      });
    },
    target: 'Nlb/Tls',
    expect: 'fail',
    message: /accepts TLS 1\.0 \(policy `ELBSecurityPolicy-FS-2018-06`\)/,
  },
  {
    name: 'SSL policy given as a parameter',
    build: (stack) => {
      alb(stack, elbv2.SslPolicy.RECOMMENDED_TLS);
      const policy = new CfnParameter(stack, 'SslPolicy');
      const listener = stack.node.findChild('Lb').node.findChild('Https').node
        .defaultChild as elbv2.CfnListener;
      listener.sslPolicy = policy.valueAsString;
    },
    target: 'Lb/Https',
    expect: 'unknown',
    message: /TLS policy cannot be resolved/,
  },
  {
    name: 'plain HTTP listener is not held to a TLS policy',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
      lb.addRedirect();
    },
    target: 'Lb',
    expect: 'not_applicable',
  },
  {
    name: 'classic HTTPS listener without an SSL negotiation policy gets ELBSecurityPolicy-2016-08',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      new elb.LoadBalancer(stack, 'Clb', {
        vpc,
        internetFacing: true,
        listeners: [
          {
            externalPort: 443,
            externalProtocol: elb.LoadBalancingProtocol.HTTPS,
            internalPort: 80,
            sslCertificateArn: CERT,
          },
        ],
      });
    },
    target: 'Clb',
    expect: 'fail',
    message: '`Clb/listener-443` accepts TLS 1.0 (policy `ELBSecurityPolicy-2016-08`)',
  },
  {
    name: 'classic SSL listener on the predefined TLS 1.2 policy',
    build: (stack) =>
      classic(stack, 'SSL', [reference('Tls12', 'ELBSecurityPolicy-TLS-1-2-2017-01')], ['Tls12']),
    target: 'Clb',
    expect: 'pass',
  },
  {
    name: 'classic HTTPS listener on the predefined TLS 1.1 policy',
    build: (stack) =>
      classic(stack, 'HTTPS', [reference('Tls11', 'ELBSecurityPolicy-TLS-1-1-2017-01')], ['Tls11']),
    target: 'Clb',
    expect: 'fail',
    message: '`Clb/listener-443` accepts TLS 1.1 (policy `ELBSecurityPolicy-TLS-1-1-2017-01`)',
  },
  {
    name: 'classic HTTPS listener on a custom policy that enables TLS 1.0',
    build: (stack) =>
      classic(
        stack,
        'HTTPS',
        [
          {
            policyName: 'Custom',
            policyType: 'SSLNegotiationPolicyType',
            attributes: [
              { Name: 'Protocol-TLSv1', Value: 'true' },
              { Name: 'Protocol-TLSv1.1', Value: 'false' },
              { Name: 'Protocol-TLSv1.2', Value: 'true' },
              { Name: 'ECDHE-RSA-AES128-GCM-SHA256', Value: 'true' },
            ],
          },
        ],
        ['Custom'],
      ),
    target: 'Clb',
    expect: 'fail',
    message: '`Clb/listener-443` accepts TLS 1.0 (policy `Custom`)',
  },
  {
    name: 'classic HTTPS listener on a custom policy with TLS 1.2 only',
    build: (stack) =>
      classic(
        stack,
        'HTTPS',
        [
          {
            policyName: 'Custom',
            policyType: 'SSLNegotiationPolicyType',
            attributes: [
              { Name: 'Protocol-TLSv1', Value: 'false' },
              { Name: 'Protocol-TLSv1.2', Value: 'true' },
              { Name: 'ECDHE-RSA-AES128-GCM-SHA256', Value: 'true' },
            ],
          },
        ],
        ['Custom'],
      ),
    target: 'Clb',
    expect: 'pass',
  },
  {
    name: 'classic listener naming a policy the load balancer does not declare',
    build: (stack) => classic(stack, 'HTTPS', [], ['Missing']),
    target: 'Clb',
    expect: 'unknown',
    message: /policy `Missing`/,
  },
  // From real templates: both predefined policies below still offer TLS 1.0 and 1.1.
  {
    name: 'real template: HTTPS listener with ELBSecurityPolicy-2016-08',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/autoscaling-multi-az-notifications.yaml',
    target: 'LoadBalancerListener',
    expect: 'fail',
    message: '`LoadBalancerListener` accepts TLS 1.0 (policy `ELBSecurityPolicy-2016-08`)',
  },
  {
    name: 'real template: HTTPS listener with the forward-secrecy policy ELBSecurityPolicy-FS-2018-06',
    source: 'cloudformation-template',
    template:
      'test/fixtures/real-world/aws-cloudformation-templates/cloudfront-custom-origin-lambda-edge.yaml',
    target: 'OriginALBHttpsListener',
    expect: 'fail',
    message: '`OriginALBHttpsListener` accepts TLS 1.0 (policy `ELBSecurityPolicy-FS-2018-06`)',
  },
  ...terraformCases,
]);
