import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './target-group-tls';
import type { TerraformStack } from 'cdktf';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import type { RuleCase } from '../../../lib/engine/cases';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';

function vpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
}

const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** A classic load balancer with one secure listener on 443 and the given back-end protocol. */
function classic(stack: Stack, protocol: 'HTTPS' | 'SSL', instanceProtocol?: string): void {
  new elb.CfnLoadBalancer(stack, 'Clb', {
    availabilityZones: ['eu-west-1a'],
    listeners: [
      { loadBalancerPort: '443', instancePort: '8443', protocol, instanceProtocol, sslCertificateId: CERT },
    ],
  });
}

/** A Terraform HTTPS listener forwarding to a target group that speaks `protocol` to its targets. */
function tfTargets(stack: TerraformStack, protocol: string): void {
  const lb = new Lb(stack, 'TfLb', { name: 'web', subnets: ['subnet-0a', 'subnet-0b'] });
  const targets = new LbTargetGroup(stack, 'Targets', {
    port: 8443,
    protocol,
    vpcId: 'vpc-0123456789abcdef0',
  });
  new LbListener(stack, 'Https', {
    loadBalancerArn: lb.arn,
    port: 443,
    protocol: 'HTTPS',
    sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000000',
    defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: aws_lb_target_group speaks HTTPS to its targets',
    source: 'cdktf',
    build: (stack) => tfTargets(stack, 'HTTPS'),
    target: 'Targets',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_lb_target_group speaks plain HTTP to its targets',
    source: 'cdktf',
    build: (stack) => tfTargets(stack, 'HTTP'),
    target: 'Targets',
    expect: 'fail',
    message: '`Targets` sends requests to its targets over plain HTTP',
  },
];

export default defineCases(rule, [
  {
    name: 'application target group over HTTPS',
    build: (stack) =>
      void new elbv2.ApplicationTargetGroup(stack, 'Targets', {
        vpc: vpc(stack),
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
      }),
    target: 'Targets',
    expect: 'pass',
  },
  {
    name: 'application target group over plain HTTP',
    build: (stack) =>
      void new elbv2.ApplicationTargetGroup(stack, 'Targets', {
        vpc: vpc(stack),
        port: 8080,
        protocol: elbv2.ApplicationProtocol.HTTP,
      }),
    target: 'Targets',
    expect: 'fail',
    message: '`Targets` sends requests to its targets over plain HTTP',
  },
  {
    name: 'application target group on port 80 defaults to HTTP',
    build: (stack) => void new elbv2.ApplicationTargetGroup(stack, 'Targets', { vpc: vpc(stack), port: 80 }),
    target: 'Targets',
    expect: 'fail',
  },
  {
    name: 'network target group over TLS',
    build: (stack) =>
      void new elbv2.NetworkTargetGroup(stack, 'Targets', {
        vpc: vpc(stack),
        port: 443,
        protocol: elbv2.Protocol.TLS,
      }),
    target: 'Targets',
    expect: 'pass',
  },
  {
    name: 'network target group passing TCP through is not judged',
    build: (stack) => void new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: vpc(stack), port: 443 }),
    target: 'Targets',
    expect: 'not_applicable',
  },
  {
    name: 'Lambda target group is invoked through the Lambda API',
    build: (stack) =>
      void new elbv2.ApplicationTargetGroup(stack, 'Targets', { targetType: elbv2.TargetType.LAMBDA }),
    target: 'Targets',
    expect: 'not_applicable',
  },
  {
    name: 'target group protocol given as a parameter',
    build: (stack) => {
      const protocol = new CfnParameter(stack, 'TargetProtocol');
      new elbv2.CfnTargetGroup(stack, 'Targets', {
        vpcId: vpc(stack).vpcId,
        port: 443,
        protocol: protocol.valueAsString,
      });
    },
    target: 'Targets',
    expect: 'unknown',
    message: /the protocol to the targets cannot be resolved/,
  },
  {
    name: 'classic HTTPS listener forwarding to instances over HTTPS',
    build: (stack) => classic(stack, 'HTTPS', 'HTTPS'),
    target: 'Clb',
    expect: 'pass',
  },
  {
    name: 'classic HTTPS listener forwarding to instances over HTTP',
    build: (stack) => classic(stack, 'HTTPS', 'HTTP'),
    target: 'Clb',
    expect: 'fail',
    message: '`Clb/listener-443` sends requests to its targets over plain HTTP',
  },
  {
    name: 'classic HTTPS listener without an instance protocol forwards over HTTP',
    build: (stack) => classic(stack, 'HTTPS'),
    target: 'Clb',
    expect: 'fail',
    message: '`Clb/listener-443` sends requests to its targets over plain HTTP',
  },
  {
    name: 'classic SSL listener forwarding what it decrypted over TCP',
    build: (stack) => classic(stack, 'SSL', 'TCP'),
    target: 'Clb',
    expect: 'fail',
    message: '`Clb/listener-443` sends what it decrypted to its targets over plain TCP',
  },
  {
    name: 'classic SSL listener re-encrypting to instances',
    build: (stack) => classic(stack, 'SSL', 'SSL'),
    target: 'Clb',
    expect: 'pass',
  },
  {
    name: 'network load balancer terminating TLS and forwarding over TCP',
    build: (stack) => {
      const v = vpc(stack);
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: v });
      nlb.addListener('Tls', {
        port: 443,
        certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT)],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: v, port: 8080 })],
      });
    },
    target: 'Targets',
    expect: 'fail',
    message: '`Targets` sends what it decrypted to its targets over plain TCP',
  },
  {
    name: 'network load balancer passing TCP through to TCP targets',
    build: (stack) => {
      const v = vpc(stack);
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: v });
      nlb.addListener('Tcp', {
        port: 443,
        defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: v, port: 443 })],
      });
    },
    target: 'Targets',
    expect: 'not_applicable',
  },
  ...terraformCases,
]);
