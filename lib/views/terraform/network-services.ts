import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asList,
  asNumber,
  asString,
  isObject,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type {
  ContainerServiceView,
  Fact,
  NetworkFirewallView,
  PrivateEndpointView,
  SubscriptionView,
  WebApplicationFirewallView,
} from '../kinds';
import { displayName } from '../common/naming';
import { snsDelivery } from '../common/subscriptions';
import { terraformPolicyDocument } from '../common/terraform-policy';
import { inEvaluationOrder, wafDefaultAction, wafRules, type WafRule } from '../common/waf';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { block, blocks, unset } from './arguments';

/*
 * AWS provider VPC endpoints, WAFv2 web ACLs and Network Firewall firewalls -> private-endpoint,
 * web-application-firewall and network-firewall views, as the CloudFormation adapters derive them.
 */

const ENDPOINT_TYPES: Readonly<Record<string, PrivateEndpointView['endpointType']>> = {
  Gateway: 'gateway',
  Interface: 'interface',
  GatewayLoadBalancer: 'gateway-load-balancer',
  Resource: 'resource',
  ServiceNetwork: 'service-network',
};

/** Address of the resource a value references, else the id as written. */
function nameOf(v: Value | undefined): string | undefined {
  if (v instanceof ResourceRef) return v.address;
  if (v instanceof Unknown) return v.refs[0]?.address;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * `aws_vpc_endpoint` -> private endpoint. `vpc_endpoint_type` defaults to `Gateway`; gateway and
 * interface endpoints carry a `policy` (left unset, AWS attaches one allowing everything, which a plan
 * shows as known only after apply); the other types take none.
 */
export function vpcEndpointView(r: Resource, ctx: AdapterContext): PrivateEndpointView {
  const p = r.properties;
  const raw = unset(p.vpc_endpoint_type) ? 'Gateway' : (asString(p.vpc_endpoint_type) ?? 'Gateway');
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
    service:
      (unset(p.service_name) ? undefined : asString(p.service_name)) ??
      new Unknown('the endpoint names no `service_name`'),
    policySupported,
    policy: unset(p.policy) ? undefined : terraformPolicyDocument(p.policy, ctx.graph),
    network: nameOf(p.vpc_id),
  };
}

/** The WAF API spelling of an action block's keys (`allow` -> `Allow`). */
function apiAction(v: Value | undefined): Value | undefined {
  const b = block(v);
  if (b === undefined || b instanceof Unknown) return b;
  const present = Object.keys(b).filter((k) => block(b[k]) !== undefined || isObject(b[k]));
  return Object.fromEntries(present.map((k) => [k.charAt(0).toUpperCase() + k.slice(1), {}]));
}

/** An inline `rule` block in the WAF API shape. */
function apiRule(rule: ValueObject): Value {
  const out: ValueObject = { Name: rule.name ?? null, Priority: rule.priority ?? null };
  const override = apiAction(rule.override_action);
  if (override !== undefined) out.OverrideAction = override;
  else out.Action = apiAction(rule.action) ?? null;
  return out;
}

/** `rule_json`: the rules as a JSON string in the WAF API shape. */
function jsonRules(v: Value | undefined): Value | Unknown {
  const text = asString(v);
  if (text instanceof Unknown) return text;
  try {
    return JSON.parse(text ?? '[]') as Value;
  } catch {
    return new Unknown('`rule_json` is not JSON');
  }
}

/** Rules added by `aws_wafv2_web_acl_rule_group_association` (`override_action` `none` by default). */
function associatedRules(r: Resource, ctx: AdapterContext): WafRule[] | Unknown {
  const found = ctx.graph.attachedBy(
    r.address,
    'aws_wafv2_web_acl_rule_group_association',
    (a) => a.properties.web_acl_arn,
  );
  if (found.uncertain.length > 0) return found.uncertain[0]!.reason;
  return found.attached.map((a, i) => {
    const n = asString(a.properties.rule_name);
    const name = typeof n === 'string' ? n : displayName(a);
    const o = unset(a.properties.override_action) ? 'none' : asString(a.properties.override_action);
    const priority = asNumber(a.properties.priority);
    return {
      name,
      action:
        o instanceof Unknown
          ? o
          : o === 'none'
            ? 'rule-group'
            : o === 'count'
              ? 'count'
              : new Unknown(`the override action of rule \`${name}\` is ${show(o)}`),
      priority: typeof priority === 'number' ? priority : i,
    };
  });
}

/**
 * `aws_wafv2_web_acl` -> web application firewall: `default_action`, and the rules (inline `rule`
 * blocks, `rule_json`, and `aws_wafv2_web_acl_rule_group_association` resources) in priority order.
 */
export function webAclView(r: Resource, ctx: AdapterContext): WebApplicationFirewallView {
  const p = r.properties;
  const def = block(p.default_action);
  const defaultAction =
    def === undefined
      ? new Unknown('the web ACL declares no `default_action`')
      : wafDefaultAction(apiAction(def));
  const inline = blocks(p.rule);
  const json = unset(p.rule_json) ? [] : jsonRules(p.rule_json);
  const associated = associatedRules(r, ctx);
  let rules: WebApplicationFirewallView['rules'];
  if (inline instanceof Unknown) rules = inline;
  else if (json instanceof Unknown) rules = json;
  else if (associated instanceof Unknown) rules = associated;
  else rules = inEvaluationOrder([...wafRules(inline.map(apiRule)), ...wafRules(json), ...associated]);
  return { kind: 'web-application-firewall', resource: r, name: displayName(r), defaultAction, rules };
}

/** A list of action names, or the Unknown that hides it. */
function actionList(v: Value | undefined): Fact<string[]> {
  if (v instanceof Unknown && !unset(v)) return v;
  const xs = asList(unset(v) ? [] : v).map((x) => asString(x));
  return (
    xs.find((x): x is Unknown => x instanceof Unknown) ?? xs.filter((x): x is string => typeof x === 'string')
  );
}

/** Whether a `firewall_policy` block drops what no rule allows (as the CloudFormation adapter reads it). */
function policyDefaultDeny(policy: ValueObject | Unknown): Fact<boolean> {
  if (policy instanceof Unknown) return policy;
  const stateless = actionList(policy.stateless_default_actions);
  if (stateless instanceof Unknown) return stateless;
  if (stateless.includes('aws:drop')) return true;
  if (!stateless.includes('aws:forward_to_sfe')) return false;
  const stateful = actionList(policy.stateful_default_actions);
  if (stateful instanceof Unknown) return stateful;
  return stateful.some((a) => a === 'aws:drop_strict' || a === 'aws:drop_established');
}

/**
 * `aws_networkfirewall_firewall` -> network firewall, with the `aws_networkfirewall_firewall_policy`
 * its `firewall_policy_arn` names and an `aws_networkfirewall_logging_configuration` naming it
 * (`firewall_arn`) with at least one `log_destination_config`.
 */
export function networkFirewallView(r: Resource, ctx: AdapterContext): NetworkFirewallView {
  const ref = r.properties.firewall_policy_arn;
  const found = ctx.graph.target(ref, r, 'aws_networkfirewall_firewall_policy');
  let policy: ValueObject | Unknown;
  if (found instanceof Unknown) policy = found;
  else if (!found) policy = new Unknown(`firewall policy ${show(ref)} is not in the configuration`);
  else
    policy =
      block(found.properties.firewall_policy) ?? new Unknown('the policy declares no `firewall_policy`');
  const groups = policy instanceof Unknown ? policy : blocks(policy.stateful_rule_group_reference);
  const configs = ctx.graph.attachedBy(
    r.address,
    'aws_networkfirewall_logging_configuration',
    (l) => l.properties.firewall_arn,
  );
  let logging: Fact<boolean> = false;
  for (const l of configs.attached) {
    const config = block(l.properties.logging_configuration);
    const destinations = config instanceof Unknown ? config : config?.log_destination_config;
    if (destinations instanceof Unknown && !unset(destinations)) logging = destinations;
    else if (asList(unset(destinations) ? [] : destinations).length > 0) {
      logging = true;
      break;
    }
  }
  if (logging === false && configs.uncertain.length > 0) logging = configs.uncertain[0]!.reason;
  return {
    kind: 'network-firewall',
    resource: r,
    name: displayName(r),
    defaultDeny: policyDefaultDeny(policy),
    statefulRuleGroups: groups instanceof Unknown ? groups : groups.length,
    logging,
  };
}

/** Address of the resource a value references, when it does. */
function referenced(v: Value | undefined): string | undefined {
  return v instanceof ResourceRef ? v.address : v instanceof Unknown ? v.refs[0]?.address : undefined;
}

/**
 * `aws_ecs_service` -> container service. Its tasks get a public IP only with
 * `network_configuration { assign_public_ip = true }` (the provider's default is false; the block exists in
 * `awsvpc` network mode only).
 */
export function ecsServiceView(r: Resource): ContainerServiceView {
  const p = r.properties;
  const config = block(p.network_configuration);
  let publicIp: Fact<boolean>;
  if (config instanceof Unknown) publicIp = config;
  else {
    const assign = config?.assign_public_ip;
    if (assign instanceof Unknown && !unset(assign)) publicIp = assign;
    else if (unset(assign) || assign === false || assign === 'false') publicIp = false;
    else if (assign === true || assign === 'true') publicIp = true;
    else publicIp = new Unknown(`\`assign_public_ip\` is ${show(assign)}`);
  }
  const task = p.task_definition;
  return {
    kind: 'container-service',
    resource: r,
    name: displayName(r),
    publicIp,
    taskDefinition: referenced(task),
  };
}

/** `aws_sns_topic_subscription` -> subscription: `protocol` and the topic (`topic_arn`). */
export function snsSubscriptionView(r: Resource): SubscriptionView {
  const p = r.properties;
  const protocol = asString(p.protocol) ?? new Unknown('the subscription declares no `protocol`');
  const topic = p.topic_arn;
  return {
    kind: 'subscription',
    resource: r,
    name: displayName(r),
    protocol,
    delivery: snsDelivery(protocol),
    source: referenced(topic),
  };
}
/** VPC endpoints, WAFv2 web ACLs and Network Firewall firewalls of the AWS provider. */
export function registerNetworkServices(registry: AdapterRegistry): void {
  registry.register('terraform', 'aws_vpc_endpoint', vpcEndpointView);
  registry.register('terraform', 'aws_wafv2_web_acl', webAclView);
  registry.register('terraform', 'aws_networkfirewall_firewall', networkFirewallView);
  registry.register('terraform', 'aws_ecs_service', ecsServiceView);
  registry.register('terraform', 'aws_sns_topic_subscription', snsSubscriptionView);
}
