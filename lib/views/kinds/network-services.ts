import type { Fact, ViewBase } from './base';
import type { PolicyDocument } from './identity';

// Network services: private endpoints, web application firewalls, container services, subscriptions

/** A private endpoint of a cloud service inside a network (VPC endpoint, Azure private endpoint). */
export interface PrivateEndpointView extends ViewBase {
  readonly kind: 'private-endpoint';
  /**
   * `gateway`: routes to the service from the network's route tables; `interface`: a network interface
   * for the service; `gateway-load-balancer`, `resource`, `service-network`: endpoints that carry no
   * access policy.
   */
  readonly endpointType: Fact<
    'gateway' | 'interface' | 'gateway-load-balancer' | 'resource' | 'service-network'
  >;
  /** The service reached, as the provider names it (`com.amazonaws.eu-west-1.s3`). */
  readonly service: Fact<string>;
  /** Whether the endpoint can carry an access policy at all. */
  readonly policySupported: Fact<boolean>;
  /**
   * The access policy declared on the endpoint; undefined when it declares none (the provider then
   * attaches its default, which allows every principal every action on every resource).
   */
  readonly policy?: PolicyDocument;
  readonly network?: string;
}

/** What a web application firewall rule does with a request it matches. */
export type WafRuleAction = 'block' | 'allow' | 'count' | 'challenge' | 'captcha' | 'rule-group';

/** A web application firewall policy: an AWS WAF web ACL, an Azure WAF policy. */
export interface WebApplicationFirewallView extends ViewBase {
  readonly kind: 'web-application-firewall';
  /** What happens to a request no rule decides. */
  readonly defaultAction: Fact<'allow' | 'block'>;
  /**
   * The rules in evaluation order. `count` only records a match; `rule-group` applies the actions of
   * the rule group it references (managed or own); the others decide the request.
   */
  readonly rules: Fact<readonly { readonly name: string; readonly action: Fact<WafRuleAction> }[]>;
}

/** A long-running service of container tasks (ECS service, Azure container app). */
export interface ContainerServiceView extends ViewBase {
  readonly kind: 'container-service';
  /** Its tasks get a public IP address. */
  readonly publicIp: Fact<boolean>;
  /** Address of the task definition it runs, when in the graph. */
  readonly taskDefinition?: string;
}

/** A push delivery of messages from a service to a subscriber (SNS subscription, Event Grid subscription). */
export interface SubscriptionView extends ViewBase {
  readonly kind: 'subscription';
  /** The delivery protocol as the provider spells it (`https`, `sqs`, `email`...). */
  readonly protocol: Fact<string>;
  /**
   * How messages travel: `http` in clear text to a web endpoint, `https` over TLS, `provider` to another
   * service of the same cloud through its API, `email`, `sms` or `mobile-push` outside it.
   */
  readonly delivery: Fact<'http' | 'https' | 'provider' | 'email' | 'sms' | 'mobile-push'>;
  /** Address of the topic or source it subscribes to, when in the graph. */
  readonly source?: string;
}

// ---------------------------------------------------------------------------------------------
