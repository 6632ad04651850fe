import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asList, asString, get, isObject, show, type Value } from '../../graph/values';
import type {
  ContainerServiceView,
  Fact,
  PrivateEndpointView,
  SubscriptionView,
  WafRuleAction,
  WebApplicationFirewallView,
} from '../kinds';
import { displayName } from '../common/naming';
import { parsePolicyDocument } from '../common/policy';
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

const WAF_ACTIONS: Readonly<Record<string, WafRuleAction>> = {
  Block: 'block',
  Allow: 'allow',
  Count: 'count',
  Captcha: 'captcha',
  Challenge: 'challenge',
};

/** The one key of an action block (`{ Block: {} }`), mapped; Unknown when it is not one known action. */
function actionOf(v: Value | undefined, what: string): Fact<WafRuleAction> {
  if (v instanceof Unknown) return v;
  const keys = isObject(v) ? Object.keys(v) : [];
  const action = keys.length === 1 ? WAF_ACTIONS[keys[0]!] : undefined;
  return action ?? new Unknown(`${what} is ${show(v)}`);
}

/** What a web ACL rule does: its `Action`, or for a rule-group statement its `OverrideAction`. */
function wafRuleAction(rule: Value, name: string): Fact<WafRuleAction> {
  if (rule instanceof Unknown) return rule;
  const override = get(rule, 'OverrideAction');
  if (override !== undefined) {
    if (override instanceof Unknown) return override;
    if (isObject(override) && Object.keys(override).length === 1 && 'None' in override) return 'rule-group';
    return actionOf(override, `the override action of rule \`${name}\``);
  }
  return actionOf(get(rule, 'Action'), `the action of rule \`${name}\``);
}

/** `AWS::WAFv2::WebACL` -> web application firewall: default action and rules in priority order. */
export function webAclView(r: Resource): WebApplicationFirewallView {
  const p = r.properties;
  const def = actionOf(p.DefaultAction, 'the default action');
  const defaultAction: WebApplicationFirewallView['defaultAction'] =
    def instanceof Unknown || def === 'allow' || def === 'block'
      ? def
      : new Unknown(`the default action is ${show(p.DefaultAction)}`);
  let rules: WebApplicationFirewallView['rules'];
  if (p.Rules instanceof Unknown) rules = p.Rules;
  else {
    const list = asList(p.Rules).map((rule, i) => {
      const n = asString(get(rule, 'Name'));
      const name = typeof n === 'string' ? n : `rule ${i + 1}`;
      const priority = get(rule, 'Priority');
      return {
        name,
        action: wafRuleAction(rule, name),
        priority: typeof priority === 'number' ? priority : i,
      };
    });
    rules = list.sort((a, b) => a.priority - b.priority).map(({ name, action }) => ({ name, action }));
  }
  return { kind: 'web-application-firewall', resource: r, name: displayName(r), defaultAction, rules };
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

const DELIVERY: Readonly<Record<string, SubscriptionView['delivery']>> = {
  http: 'http',
  https: 'https',
  sqs: 'provider',
  lambda: 'provider',
  firehose: 'provider',
  email: 'email',
  'email-json': 'email',
  sms: 'sms',
  application: 'mobile-push',
};

/** `AWS::SNS::Subscription` -> subscription: `Protocol` and the topic (`TopicArn`). */
export function snsSubscriptionView(r: Resource): SubscriptionView {
  const p = r.properties;
  const protocol = asString(p.Protocol) ?? new Unknown('the subscription declares no `Protocol`');
  const delivery: SubscriptionView['delivery'] =
    protocol instanceof Unknown
      ? protocol
      : (DELIVERY[protocol] ?? new Unknown(`subscription protocol \`${protocol}\``));
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
