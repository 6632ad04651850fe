import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asString, get, type Value } from '../../graph/values';
import type {
  ContainerServiceView,
  Fact,
  PrivateEndpointView,
  SubscriptionView,
  WebApplicationFirewallView,
} from '../kinds';
import { displayName } from '../common/naming';
import { parsePolicyDocument } from '../common/policy';
import { snsDelivery } from '../common/subscriptions';
import { inEvaluationOrder, wafDefaultAction, wafRules } from '../common/waf';
import type { AdapterRegistry } from '../registry';

/** Address of the resource a value references directly (`Ref` / `Fn::GetAtt`), if it does. */
function refAddress(v: Value | undefined): string | undefined {
  return v instanceof ResourceRef ? v.address : undefined;
}

const ENDPOINT_TYPES: Readonly<Record<string, PrivateEndpointView['endpointType']>> = {
  Gateway: 'gateway',
  Interface: 'interface',
  GatewayLoadBalancer: 'gateway-load-balancer',
  Resource: 'resource',
  ServiceNetwork: 'service-network',
};

/**
 * `AWS::EC2::VPCEndpoint` -> private endpoint. `VpcEndpointType` defaults to `Gateway`; gateway and
 * interface endpoints carry a `PolicyDocument` (without one AWS attaches a policy allowing everything);
 * Gateway Load Balancer, resource and service-network endpoints take none.
 */
export function vpcEndpointView(r: Resource): PrivateEndpointView {
  const p = r.properties;
  const raw = asString(p.VpcEndpointType) ?? 'Gateway';
  const endpointType: PrivateEndpointView['endpointType'] =
    raw instanceof Unknown ? raw : (ENDPOINT_TYPES[raw] ?? new Unknown(`VPC endpoint type \`${raw}\``));
  const policySupported =
    endpointType instanceof Unknown
      ? endpointType
      : endpointType === 'gateway' || endpointType === 'interface';
  return {
    kind: 'private-endpoint',
    resource: r,
    name: displayName(r),
    endpointType,
    service: asString(p.ServiceName) ?? new Unknown('the endpoint names no `ServiceName`'),
    policySupported,
    policy: p.PolicyDocument === undefined ? undefined : parsePolicyDocument(p.PolicyDocument),
    network: refAddress(p.VpcId) ?? (typeof p.VpcId === 'string' ? p.VpcId : undefined),
  };
}

/** `AWS::WAFv2::WebACL` -> web application firewall: default action and rules in priority order. */
export function webAclView(r: Resource): WebApplicationFirewallView {
  const p = r.properties;
  return {
    kind: 'web-application-firewall',
    resource: r,
    name: displayName(r),
    defaultAction: wafDefaultAction(p.DefaultAction),
    rules: p.Rules instanceof Unknown ? p.Rules : inEvaluationOrder(wafRules(p.Rules)),
  };
}

/**
 * `AWS::ECS::Service` -> container service. Tasks get a public IP only in `awsvpc` mode with
 * `NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp: ENABLED` (the default is `DISABLED`).
 */
export function ecsServiceView(r: Resource): ContainerServiceView {
  const p = r.properties;
  const assign = asString(get(p.NetworkConfiguration, 'AwsvpcConfiguration', 'AssignPublicIp'));
  let publicIp: Fact<boolean>;
  if (assign instanceof Unknown) publicIp = assign;
  else if (assign === undefined || assign === 'DISABLED') publicIp = false;
  else if (assign === 'ENABLED') publicIp = true;
  else publicIp = new Unknown(`\`AssignPublicIp\` is \`${assign}\``);
  return {
    kind: 'container-service',
    resource: r,
    name: displayName(r),
    publicIp,
    taskDefinition: refAddress(p.TaskDefinition),
  };
}

/** `AWS::SNS::Subscription` -> subscription: `Protocol` and the topic (`TopicArn`). */
export function snsSubscriptionView(r: Resource): SubscriptionView {
  const p = r.properties;
  const protocol = asString(p.Protocol) ?? new Unknown('the subscription declares no `Protocol`');
  const delivery = snsDelivery(protocol);
  return {
    kind: 'subscription',
    resource: r,
    name: displayName(r),
    protocol,
    delivery,
    source: refAddress(p.TopicArn),
  };
}

/** VPC endpoints, WAFv2 web ACLs, ECS services and SNS subscriptions. */
export function registerNetworkServices(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::EC2::VPCEndpoint', vpcEndpointView);
  registry.register('cloudformation', 'AWS::WAFv2::WebACL', webAclView);
  registry.register('cloudformation', 'AWS::ECS::Service', ecsServiceView);
  registry.register('cloudformation', 'AWS::SNS::Subscription', snsSubscriptionView);
}
