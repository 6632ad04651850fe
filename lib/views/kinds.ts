/**
 * Views: typed, cloud-neutral security facts per resource.
 *
 * Rules read views, never provider properties. Each source brings adapters that derive these views
 * from its resources (CloudFormation, Terraform, Pulumi, live reads), so a rule serves them all.
 * Any fact may be `Unknown` when the source could not resolve it; a rule that meets one reports
 * `unknown`, never a pass.
 */
import type { Classification } from '../classification';
import type { Resource } from '../graph/resource';
import type { Unknown } from '../graph/values';

/** A fact that the source may not have been able to resolve. */
export type Fact<T> = T | Unknown;

/** The classification read from a resource's `data-classification` tag. */
export type ClassificationFact =
  | { readonly state: 'tagged'; readonly level: Classification }
  | { readonly state: 'untagged' }
  | { readonly state: 'invalid'; readonly raw: string; readonly error: string }
  | { readonly state: 'unknown'; readonly value: Unknown };

interface ViewBase {
  /** The resource the view is about (the one findings are reported on). */
  readonly resource: Resource;
  /** Display name: the construct id or logical id, for messages. */
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Data protection

export type DataStoreType =
  | 'object-store'
  | 'table'
  | 'database-instance'
  | 'database-cluster'
  | 'queue'
  | 'topic'
  | 'log-group'
  | 'block-volume'
  | 'secret'
  | 'file-system';

/** How data at rest is encrypted, weakest to strongest. */
export type AtRestEncryption = 'none' | 'provider' | 'kms-provider-key' | 'customer-key' | 'double';

/** A reference to a key: an address in the graph, or an external identifier (ARN, alias). */
export interface KeyReference {
  /** Address of the key resource when it is in the graph. */
  readonly address?: string;
  /** ARN, alias or id when the key is outside the graph. */
  readonly external?: string;
}

export interface DataStoreView extends ViewBase {
  readonly kind: 'data-store';
  readonly storeType: DataStoreType;
  readonly classification: ClassificationFact;
  readonly encryption: {
    readonly atRest: Fact<AtRestEncryption>;
    /** Customer key used, when one is. */
    readonly key?: KeyReference;
  };
  /**
   * Whether requests without TLS are denied (resource policy condition `aws:SecureTransport`, or
   * the service only accepts TLS). `undefined` when the service has no such notion.
   */
  readonly tlsOnly?: Fact<boolean>;
  /** Public access: `blocked` (all four S3 block settings, or the service is private). */
  readonly publicAccess?: Fact<'blocked' | 'partially-blocked' | 'open'>;
  /** Whether a resource policy grants access to everyone (`Principal: "*"` without a restricting condition). */
  readonly policyAllowsPublic?: Fact<boolean>;
  /** Object versioning (object stores). */
  readonly versioning?: Fact<boolean>;
  /** Point-in-time recovery / continuous backup (tables, databases). */
  readonly pointInTimeRecovery?: Fact<boolean>;
  /** Automated backup retention in days (databases). */
  readonly backupRetentionDays?: Fact<number>;
  /** Days after which data expires (lifecycle expiration, log retention, message retention); `null`: never. */
  readonly dataRetentionDays?: Fact<number | null>;
  /** Deletion protection on the service, where it has one. */
  readonly deletionProtection?: Fact<boolean>;
  /** Deletion policy of the resource in the IaC tool: retained when the stack is deleted. */
  readonly retainedOnDelete?: Fact<boolean>;
  /** Write-once retention (S3 Object Lock, immutable blob). */
  readonly immutability?: Fact<{
    readonly mode: 'governance' | 'compliance' | 'none';
    readonly days?: number;
  }>;
  /** Server access logging to another store (object stores). */
  readonly accessLogging?: Fact<boolean>;
  /** A data-protection (masking) policy is attached (log groups). */
  readonly piiMasking?: Fact<boolean>;
  /** Database reachable from the internet (RDS `PubliclyAccessible`). */
  readonly publiclyAccessible?: Fact<boolean>;
  /** Automatic rotation of the stored secret (Secrets Manager). */
  readonly rotation?: Fact<boolean>;
}

export interface KeyView extends ViewBase {
  readonly kind: 'key';
  readonly keySpec: Fact<string>;
  /** Symmetric encryption keys are the only ones AWS rotates automatically. */
  readonly symmetric: Fact<boolean>;
  readonly rotationEnabled: Fact<boolean>;
  /** Rotation period in days when rotation is enabled (KMS default 365). */
  readonly rotationPeriodDays?: Fact<number>;
  readonly enabled: Fact<boolean>;
  readonly policy?: PolicyDocument;
  readonly classification: ClassificationFact;
}

// ---------------------------------------------------------------------------------------------
// Identity

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: Fact<'Allow' | 'Deny'>;
  readonly actions: readonly Fact<string>[];
  readonly notActions: readonly Fact<string>[];
  readonly resources: readonly Fact<string>[];
  readonly notResources: readonly Fact<string>[];
  /** Principals, normalised: `*` for everyone, otherwise ARNs / service names / unknowns. */
  readonly principals: readonly Fact<string>[];
  /** Condition block: operator -> key -> values. */
  readonly conditions: Readonly<Record<string, Readonly<Record<string, readonly Fact<string>[]>>>>;
}

export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
  /** When the document itself could not be resolved. */
  readonly unresolved?: Unknown;
}

/** An identity: IAM role, user or group (Azure: managed identity). */
export interface IdentityView extends ViewBase {
  readonly kind: 'identity';
  readonly principalType: 'role' | 'user' | 'group';
  /** Who may assume the role. */
  readonly trustPolicy?: PolicyDocument;
  /** Inline policies, by name. */
  readonly inlinePolicies: readonly { readonly name: string; readonly document: PolicyDocument }[];
  /** Managed policy ARNs attached (AWS managed or customer). */
  readonly managedPolicyArns: readonly Fact<string>[];
  /** Standalone policies of the graph attached to this identity (addresses). */
  readonly attachedPolicies: readonly string[];
}

/** A standalone permission policy (IAM::Policy, IAM::ManagedPolicy). */
export interface PermissionPolicyView extends ViewBase {
  readonly kind: 'permission-policy';
  readonly managed: boolean;
  readonly document: PolicyDocument;
  /** Addresses or names of the identities it is attached to. */
  readonly attachedTo: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Network

export interface TrafficRule {
  readonly direction: 'ingress' | 'egress';
  /** `-1`/`all`, `tcp`, `udp`, `icmp`, or a protocol number. */
  readonly protocol: Fact<string>;
  readonly fromPort?: Fact<number>;
  readonly toPort?: Fact<number>;
  /** IPv4 or IPv6 CIDR, when the peer is an address range. */
  readonly cidr?: Fact<string>;
  /** Peer security group / prefix list (address or id) when the peer is not a CIDR. */
  readonly peer?: string;
  readonly description?: string;
  /** Address of the resource that declared the rule (the group itself or a standalone ingress resource). */
  readonly declaredBy: string;
}

/** A stateful firewall attached to workloads: security group, NSG. */
export interface FirewallView extends ViewBase {
  readonly kind: 'firewall';
  readonly rules: readonly TrafficRule[];
  /** The VPC's default security group (restricted by CIS 5.5). */
  readonly isDefault: boolean;
  readonly network?: string;
}

export interface NetworkView extends ViewBase {
  readonly kind: 'network';
  /** Flow logs attached to the network, with what they capture. */
  readonly flowLogs: readonly { readonly address: string; readonly trafficType: Fact<string> }[];
  readonly cidr?: Fact<string>;
}

export interface SubnetView extends ViewBase {
  readonly kind: 'subnet';
  readonly mapPublicIpOnLaunch: Fact<boolean>;
  readonly network?: string;
}

export interface NetworkAclView extends ViewBase {
  readonly kind: 'network-acl';
  readonly entries: readonly (TrafficRule & {
    readonly action: Fact<'allow' | 'deny'>;
    readonly ruleNumber: Fact<number>;
  })[];
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/** Something clients connect to: a load balancer listener, a CDN distribution, an API stage. */
export interface EndpointView extends ViewBase {
  readonly kind: 'endpoint';
  readonly endpointType: 'load-balancer-listener' | 'cdn-distribution' | 'api-stage' | 'api-domain';
  /** Client-facing protocol: HTTPS, HTTP, TLS, TCP, UDP... */
  readonly protocol: Fact<string>;
  /** TLS policy name as the provider spells it (`ELBSecurityPolicy-TLS13-1-2-2021-06`, `TLSv1.2_2021`). */
  readonly policyName?: Fact<string>;
  /** Lowest TLS version the policy accepts: `1.0`..`1.3`; undefined when not TLS. */
  readonly minTls?: Fact<'1.0' | '1.1' | '1.2' | '1.3'>;
  /** The policy offers hybrid post-quantum key exchange. */
  readonly postQuantum?: Fact<boolean>;
  /** Plain HTTP redirects to HTTPS (listeners) or viewers are redirected (CDN). */
  readonly redirectsToHttps?: Fact<boolean>;
  /** Access logging enabled (stage access logs, distribution logging, load balancer logs). */
  readonly accessLogging?: Fact<boolean>;
  /** A WAF web ACL is associated. */
  readonly waf?: Fact<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Logging

export interface AuditTrailView extends ViewBase {
  readonly kind: 'audit-trail';
  readonly logging: Fact<boolean>;
  readonly multiRegion: Fact<boolean>;
  readonly includesGlobalEvents: Fact<boolean>;
  /** Log file integrity validation (CloudTrail SHA-256 digest chain). */
  readonly integrityValidation: Fact<boolean>;
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** Delivery to a log analytics sink (CloudWatch Logs). */
  readonly cloudWatchDelivery: Fact<boolean>;
  /** Address of the store receiving the logs, when in the graph. */
  readonly sinkStore?: string;
  /** Data events captured: read, write, or both; `none` when only management events. */
  readonly dataEvents: Fact<'none' | 'read' | 'write' | 'all'>;
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface BackupVaultView extends ViewBase {
  readonly kind: 'backup-vault';
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  readonly lock: Fact<{
    readonly mode: 'none' | 'governance' | 'compliance';
    readonly minRetentionDays?: number;
    readonly maxRetentionDays?: number;
  }>;
}

export interface BackupPlanRule {
  readonly name: string;
  readonly schedule?: Fact<string>;
  readonly deleteAfterDays?: Fact<number>;
  readonly continuous: Fact<boolean>;
  readonly vault?: string;
  readonly copiesTo: readonly Fact<string>[];
}

export interface BackupPlanView extends ViewBase {
  readonly kind: 'backup-plan';
  readonly rules: readonly BackupPlanRule[];
  /** What the plan selects: tag conditions and explicit resources. */
  readonly selections: readonly {
    readonly address: string;
    readonly tags: readonly { readonly key: Fact<string>; readonly value: Fact<string> }[];
    readonly resources: readonly Fact<string>[];
  }[];
}

// ---------------------------------------------------------------------------------------------
// Compute

export interface FunctionView extends ViewBase {
  readonly kind: 'function';
  readonly runtime?: Fact<string>;
  /** Environment variables, name -> value. */
  readonly environment: Readonly<Record<string, Fact<string>>>;
  readonly inNetwork: Fact<boolean>;
  readonly role?: string;
  readonly environmentEncryptionKey?: KeyReference;
}

export interface ContainerDefinition {
  readonly name: string;
  readonly privileged: Fact<boolean>;
  /** `user` as written; undefined means the image's default (often root). */
  readonly user?: Fact<string>;
  readonly readonlyRootFilesystem: Fact<boolean>;
  readonly environment: Readonly<Record<string, Fact<string>>>;
}

export interface ContainerTaskView extends ViewBase {
  readonly kind: 'container-task';
  readonly containers: readonly ContainerDefinition[];
}

// ---------------------------------------------------------------------------------------------
// Posture

export interface PostureView extends ViewBase {
  readonly kind: 'posture';
  readonly service:
    'config-recorder' | 'security-hub' | 'threat-detection' | 'access-analyzer' | 'vulnerability-scanning';
  readonly enabled: Fact<boolean>;
  /** Service-specific switches: GuardDuty features, Security Hub standards, recorder scope. */
  readonly features: Readonly<Record<string, Fact<boolean>>>;
}

// ---------------------------------------------------------------------------------------------

export type View =
  | DataStoreView
  | KeyView
  | IdentityView
  | PermissionPolicyView
  | FirewallView
  | NetworkView
  | SubnetView
  | NetworkAclView
  | EndpointView
  | AuditTrailView
  | BackupVaultView
  | BackupPlanView
  | FunctionView
  | ContainerTaskView
  | PostureView;

export type ViewKind = View['kind'];

export type ViewOf<K extends ViewKind> = Extract<View, { kind: K }>;

export const VIEW_KINDS: readonly ViewKind[] = [
  'data-store',
  'key',
  'identity',
  'permission-policy',
  'firewall',
  'network',
  'subnet',
  'network-acl',
  'endpoint',
  'audit-trail',
  'backup-vault',
  'backup-plan',
  'function',
  'container-task',
  'posture',
];
