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
  | 'file-system'
  // Managed data services: clusters, caches, search, streams and the links that move data between stores.
  | 'graph-database'
  | 'document-database'
  | 'data-warehouse'
  | 'cache'
  | 'search-cluster'
  | 'stream'
  | 'delivery-stream'
  | 'processing-cluster'
  | 'replication-endpoint';

/** How data at rest is encrypted, weakest to strongest. */
export type AtRestEncryption = 'none' | 'provider' | 'kms-provider-key' | 'customer-key' | 'double';

/** A reference to a key: an address in the graph, or an external identifier (ARN, alias). */
export interface KeyReference {
  /** Address of the key resource when it is in the graph. */
  readonly address?: string;
  /** ARN, alias or id when the key is outside the graph. */
  readonly external?: string;
}

/** A way a data store authenticates its clients (see {@link DataStoreView.clientAuthentication}). */
export type ClientAuthenticationMethod =
  'unauthenticated' | 'shared-secret' | 'user-credentials' | 'cloud-identity' | 'client-certificate';

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
   * the service only accepts TLS). For a cache, cluster or search domain: clients must connect with
   * TLS (plaintext connections are refused). For a replication endpoint: the link to its database
   * is made over TLS. `undefined` when the service has no such notion.
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
  /**
   * Items expire one by one at the time the application writes in this attribute (DynamoDB TTL). Set only when
   * TTL is enabled; `dataRetentionDays` then stays Unknown, since no day count can be read from the store.
   */
  readonly ttlAttribute?: Fact<string>;
  /**
   * Databases: the data is kept in more than one availability zone (RDS Multi-AZ instance, Multi-AZ DB cluster,
   * Aurora cluster with a replica in the graph).
   */
  readonly multiAz?: Fact<boolean>;
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
  /** Object stores: addresses of the graph's object stores that deliver their server access logs here. */
  readonly receivesAccessLogsOf?: readonly string[];
  /** A data-protection (masking) policy is attached (log groups). */
  readonly piiMasking?: Fact<boolean>;
  /** Database reachable from the internet (RDS `PubliclyAccessible`). */
  readonly publiclyAccessible?: Fact<boolean>;
  /** Automatic rotation of the stored secret (Secrets Manager). */
  readonly rotation?: Fact<boolean>;
  /**
   * Lowest TLS version the store accepts, where the store itself sets one (S3: the service floor, raised by a
   * bucket policy denying `s3:TlsVersion` below a version). Undefined when the store has no such setting.
   */
  readonly minTlsVersion?: Fact<'1.0' | '1.1' | '1.2' | '1.3'>;
  /**
   * Days a noncurrent object version is kept after it is replaced or deleted (versioned object stores);
   * `null`: kept forever. Undefined when the store keeps no versions.
   */
  readonly noncurrentVersionRetentionDays?: Fact<number | null>;
  /** Minor engine versions are applied automatically in the maintenance window (databases). */
  readonly autoMinorVersionUpgrade?: Fact<boolean>;
  // Managed data services. What each new store type sets besides `encryption` and `classification`:
  // - graph-database (Neptune): `tlsOnly`, `minTlsVersion`, `minTlsCeiling`, `clientAuthentication`,
  //   `backupRetentionDays`, `pointInTimeRecovery`, `deletionProtection`.
  // - document-database (DocumentDB): `tlsOnly` (and `minTlsVersion` when the store sets one),
  //   `backupRetentionDays`, `pointInTimeRecovery`, `deletionProtection`.
  // - data-warehouse (Redshift): `tlsOnly`, `publiclyAccessible`, `backupRetentionDays` (0: no automated backups).
  // - cache (ElastiCache): `tlsOnly`, `nodeToNodeEncryption` (replication groups), `clientAuthentication`,
  //   `memoryOnly` (Memcached).
  // - search-cluster (OpenSearch, Elasticsearch): `tlsOnly`, `minTlsVersion`, `minTlsCeiling`,
  //   `nodeToNodeEncryption`, `publiclyAccessible`, `policyAllowsPublic`.
  // - stream (Kinesis, MSK): `clientAuthentication`; Kinesis `dataRetentionDays`; MSK `tlsOnly`,
  //   `nodeToNodeEncryption`, `publiclyAccessible`.
  // - delivery-stream (Firehose): encryption only (a stream reading another takes its source's).
  // - processing-cluster (EMR): `nodeToNodeEncryption`.
  // - replication-endpoint (DMS): `tlsOnly` (the link to its database); `encryption` is that of its
  //   connection settings.
  /**
   * Traffic between the store's own nodes (replication, node-to-node, broker-to-broker, shuffle between
   * workers) is encrypted. Undefined where the service always encrypts it or has no such traffic.
   */
  readonly nodeToNodeEncryption?: Fact<boolean>;
  /**
   * The highest TLS floor the service lets the owner set, where it is below TLS 1.3 (a search cluster's
   * strongest TLS policy, and Neptune, still accept TLS 1.2). Undefined: the store can be held to TLS 1.3.
   */
  readonly minTlsCeiling?: '1.2';
  /**
   * How clients prove who they are before reading or writing data, every method the store accepts:
   * `unauthenticated` (any client that reaches the port), `shared-secret` (one password or token for
   * every client), `user-credentials` (per-user names and passwords), `cloud-identity` (signed requests
   * or tokens of the cloud's identity service), `client-certificate` (mutual TLS).
   */
  readonly clientAuthentication?: Fact<readonly ClientAuthenticationMethod[]>;
  /**
   * The store keeps its data in memory only: no disk, snapshot or backup ever holds it (a Memcached cache).
   * At-rest encryption, keys and deletion settings have nothing to protect.
   */
  readonly memoryOnly?: boolean;
  /**
   * The store's resource policy: the statements of every policy attached to it (bucket, queue, topic, table or
   * secret policy), `unresolved` when one of them cannot be read. Empty when the store has none; undefined when
   * the service has no resource policy or the source does not read it.
   */
  readonly resourcePolicy?: PolicyDocument;
  /**
   * Object stores: services of the graph that deliver their logs into the store (load balancer access logs).
   * Undefined when the source does not read them.
   */
  readonly logDeliveries?: readonly LogDelivery[];
}

/** A service delivering its logs into an object store. */
export interface LogDelivery {
  /** Address of the resource whose logs are delivered. */
  readonly address: string;
  /** What is delivered, for messages: "access logs of application load balancer `Web`". */
  readonly what: string;
  /**
   * The service writes only to stores encrypted with provider-managed keys (S3: SSE-S3): a KMS key on the store
   * stops the delivery. True for application and classic load balancer access logs.
   */
  readonly providerKeyOnly: boolean;
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
  /** Users: long-lived access keys the source creates for them (`AWS::IAM::AccessKey`), and whether each is active. */
  readonly accessKeys?: readonly { readonly address: string; readonly active: Fact<boolean> }[];
}

/** A directory of application users: a Cognito user pool, an Entra ID tenant. */
export interface UserDirectoryView extends ViewBase {
  readonly kind: 'user-directory';
  /** Multi-factor authentication: `required`, `optional` (each user chooses) or `off`. */
  readonly mfa: Fact<'required' | 'optional' | 'off'>;
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
  /** The network's default security group is stripped of its rules (CIS AWS 5.5). */
  readonly defaultSecurityGroupRestricted?: Fact<boolean>;
  /** DNS queries from the network are logged (Route 53 Resolver query logging). */
  readonly dnsQueryLogging?: Fact<boolean>;
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

/** A route table with its routes. */
export interface RouteTableView extends ViewBase {
  readonly kind: 'route-table';
  readonly routes: readonly {
    /** Destination CIDR (IPv4 or IPv6) or prefix list. */
    readonly destination: Fact<string>;
    /** What the route sends traffic to. */
    readonly via: 'peering' | 'internet-gateway' | 'nat' | 'transit-gateway' | 'endpoint' | 'other';
    /** Address of the resource that declared the route. */
    readonly declaredBy: string;
  }[];
}

/** A managed network firewall (AWS Network Firewall) and its policy. */
export interface NetworkFirewallView extends ViewBase {
  readonly kind: 'network-firewall';
  /** Traffic that matches no rule is dropped (stateless default drop, or strict-order stateful default drop). */
  readonly defaultDeny: Fact<boolean>;
  /** Stateful rule groups the policy evaluates (intrusion prevention rules). */
  readonly statefulRuleGroups: Fact<number>;
  /** Alert or flow logs are delivered somewhere. */
  readonly logging: Fact<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/** Something clients connect to: a load balancer listener, a CDN distribution, an API stage. */
export interface EndpointView extends ViewBase {
  readonly kind: 'endpoint';
  readonly endpointType:
    | 'load-balancer-listener'
    | 'load-balancer-targets'
    | 'cdn-distribution'
    | 'api-stage'
    | 'api-domain'
    | 'api-method';
  /**
   * Client-facing protocol: HTTPS, HTTP, TLS, TCP, UDP... For `load-balancer-targets` (a target group,
   * a backend pool) the protocol the load balancer speaks to its targets.
   */
  readonly protocol: Fact<string>;
  /** TLS policy name as the provider spells it (`ELBSecurityPolicy-TLS13-1-2-2021-06`, `TLSv1.2_2021`). */
  readonly policyName?: Fact<string>;
  /** Lowest TLS version the policy accepts: `1.0`..`1.3`; undefined when not TLS. */
  readonly minTls?: Fact<'1.0' | '1.1' | '1.2' | '1.3'>;
  /** The policy offers hybrid post-quantum key exchange. */
  readonly postQuantum?: Fact<boolean>;
  /**
   * Load balancer listeners that set it themselves (classic listeners' instance protocol): the protocol
   * the load balancer speaks to the targets behind this listener. ELBv2 listeners leave it to their
   * target groups (`load-balancer-targets` views).
   */
  readonly targetProtocol?: Fact<string>;
  /**
   * `load-balancer-targets`: a listener in front terminates TLS (a TLS or HTTPS listener forwards to
   * these targets), so a plain protocol to the targets carries what clients sent encrypted.
   */
  readonly afterTlsTermination?: boolean;
  /** Plain HTTP redirects to HTTPS (listeners) or viewers are redirected (CDN). */
  readonly redirectsToHttps?: Fact<boolean>;
  /** Access logging enabled (stage access logs, distribution logging, load balancer logs). */
  readonly accessLogging?: Fact<boolean>;
  /** A WAF web ACL is associated. */
  readonly waf?: Fact<boolean>;
  /**
   * Classification of the data the endpoint serves, from its own `data-classification` tag (a
   * listener, which cannot be tagged, takes its load balancer's).
   */
  readonly classification?: ClassificationFact;
  /** Reachable from the internet (internet-facing load balancer, CDN, edge or regional API). */
  readonly internetFacing?: Fact<boolean>;
  /** CDN distributions: how the distribution reaches each origin. */
  readonly origins?: readonly CdnOrigin[];
  /**
   * API methods and routes: the authorization they require (`NONE`, `AWS_IAM`, `COGNITO_USER_POOLS`,
   * `CUSTOM`, `JWT`).
   */
  readonly authorization?: Fact<string>;
  /** API methods and routes: the HTTP method (`GET`, `OPTIONS`, `ANY`...) or route key. */
  readonly method?: Fact<string>;
  /** API methods: a CORS preflight (`OPTIONS` answering only with `Access-Control-Allow-*` headers). */
  readonly corsPreflight?: boolean;
  /**
   * The strongest TLS policies the service offers for this endpoint: TLS 1.3 only, and TLS 1.3 only
   * with hybrid post-quantum key exchange. Undefined when the endpoint does not speak TLS.
   */
  readonly tlsOffered?: { readonly tls13Only: boolean; readonly postQuantumTls13Only: boolean };
  /** Shield Advanced protects the endpoint (`AWS::Shield::Protection`). */
  readonly ddosProtection?: Fact<boolean>;
}

/** A TLS certificate the provider issues and renews (ACM). */
export interface CertificateView extends ViewBase {
  readonly kind: 'certificate';
  /** How domain ownership is validated: `DNS` renews unattended, `EMAIL` needs a person each renewal; `private`: issued by a private CA. */
  readonly validation: Fact<'DNS' | 'EMAIL' | 'private'>;
}

/** One origin of a CDN distribution. */
export interface CdnOrigin {
  /** Origin id as the distribution names it. */
  readonly id: string;
  /**
   * `object-store`: an object store's REST endpoint (S3 origin); `custom`: any other origin,
   * S3 website endpoints included.
   */
  readonly originType: 'object-store' | 'custom';
  /** Custom origins: `http-only`, `match-viewer` or `https-only`. */
  readonly protocolPolicy?: Fact<string>;
  /** Custom origins: protocols offered to the origin (`SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`). */
  readonly sslProtocols?: Fact<readonly string[]>;
  /** Object-store origins: how the distribution authenticates to the store. */
  readonly accessControl?: Fact<'origin-access-control' | 'origin-access-identity' | 'none'>;
}

/** A load balancer as a whole (its listeners are endpoint views). */
export interface LoadBalancerView extends ViewBase {
  readonly kind: 'load-balancer';
  readonly loadBalancerType: Fact<'application' | 'network' | 'gateway' | 'classic'>;
  readonly internetFacing: Fact<boolean>;
  /** Access logs delivered to an object store. */
  readonly accessLogging: Fact<boolean>;
  /** Address of the object store receiving the access logs, when the graph has it (by reference or by name). */
  readonly accessLogStore?: string;
  /** A WAF web ACL is associated; undefined where the type cannot have one (network, gateway, classic). */
  readonly waf?: Fact<boolean>;
  /** Shield Advanced protects the load balancer (`AWS::Shield::Protection`). */
  readonly ddosProtection?: Fact<boolean>;
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
  /** What the data-event selectors capture, one entry a selector and resource type. */
  readonly dataEventSelectors?: readonly DataEventSelector[];
  /**
   * Metric filters on the log group the trail delivers to, each with whether an alarm that acts watches its
   * metric. Undefined without CloudWatch Logs delivery; Unknown when the log group is outside the graph.
   */
  readonly metricFilters?: Fact<readonly LogMetricFilter[]>;
}

/** A metric filter over a trail's log group (CloudWatch Logs metric filter). */
export interface LogMetricFilter {
  /** Address of the filter resource. */
  readonly address: string;
  /** The filter pattern as written. */
  readonly pattern: Fact<string>;
  /** An alarm on the filter's metric (same name and namespace) has at least one alarm action. */
  readonly alarmed: Fact<boolean>;
}

/** Data events one trail selector captures for one resource type. */
export interface DataEventSelector {
  /** CloudTrail data resource type: `AWS::S3::Object`, `AWS::DynamoDB::Table`, `AWS::Lambda::Function`... */
  readonly resourceType: Fact<string>;
  readonly access: 'read' | 'write' | 'all';
  /** Every resource of the type in the account and region (`arn:aws:s3`, no ARN filter). */
  readonly allResources: boolean;
  /** Addresses of graph resources the selector covers whole (every object of a bucket). */
  readonly addresses: readonly string[];
  /** Why some of what the selector covers cannot be told (unresolved ARNs, prefix or event-name filters). */
  readonly unresolved?: Unknown;
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface BackupVaultView extends ViewBase {
  readonly kind: 'backup-vault';
  /** The vault's own `data-classification` tag: the level of the recovery points it is meant to hold. */
  readonly classification?: ClassificationFact;
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** Vault events published to a notification topic (`BACKUP_JOB_FAILED`...); empty when none are. */
  readonly notifications?: Fact<readonly string[]>;
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
  /** Each copy action: its destination vault (address or ARN) and how long the copy is kept (absent: forever). */
  readonly copies?: readonly {
    readonly destination: Fact<string>;
    readonly deleteAfterDays?: Fact<number>;
  }[];
}

export interface BackupPlanView extends ViewBase {
  readonly kind: 'backup-plan';
  readonly rules: readonly BackupPlanRule[];
  /** What the plan selects: tag conditions and explicit resources. */
  readonly selections: readonly {
    readonly address: string;
    readonly tags: readonly { readonly key: Fact<string>; readonly value: Fact<string> }[];
    readonly resources: readonly Fact<string>[];
    /**
     * Classification levels the selection takes in: from its conditions on the `data-classification` tag and
     * the tags of the graph resources it names. Unknown when a condition or resource cannot be resolved.
     */
    readonly selectsClassification?: Fact<readonly Classification[]>;
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
  /** The function's own `data-classification` tag. */
  readonly classification?: ClassificationFact;
  /** Function URLs that invoke it, with their auth type (`NONE` or `AWS_IAM`). */
  readonly urls?: readonly { readonly address: string; readonly authType: Fact<string> }[];
}

/** A build project of a CI service (CodeBuild). */
export interface BuildProjectView extends ViewBase {
  readonly kind: 'build-project';
  /** Environment variables given in clear (not from a secret store), name -> value. */
  readonly environment: Readonly<Record<string, Fact<string>>>;
  /** Builds run with Docker daemon privileges. */
  readonly privileged: Fact<boolean>;
  /** How artifacts, caches and logs in S3 are encrypted. */
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** Build logs are kept (CloudWatch Logs or S3). */
  readonly logging: Fact<boolean>;
}

export interface ContainerDefinition {
  readonly name: string;
  readonly privileged: Fact<boolean>;
  /** `user` as written; undefined means the image's default (often root). */
  readonly user?: Fact<string>;
  readonly readonlyRootFilesystem: Fact<boolean>;
  readonly environment: Readonly<Record<string, Fact<string>>>;
  /** Linux capabilities added to and dropped from the container runtime's default set. */
  readonly capabilities?: Fact<{
    readonly add: readonly Fact<string>[];
    readonly drop: readonly Fact<string>[];
  }>;
}

export interface ContainerTaskView extends ViewBase {
  readonly kind: 'container-task';
  readonly containers: readonly ContainerDefinition[];
  /** Task network mode (`awsvpc`, `bridge`, `host`, `none`); undefined when the task does not set it. */
  readonly networkMode?: Fact<string>;
  /** Process namespace: `host` shares the host's, `task` one per task; undefined: one per container. */
  readonly pidMode?: Fact<string>;
  /** IPC namespace: `host`, `task` or `none`; undefined: the container runtime's default (private). */
  readonly ipcMode?: Fact<string>;
}

/** A virtual machine, or a template that launches them (EC2 instance, launch template). */
export interface VirtualMachineView extends ViewBase {
  readonly kind: 'virtual-machine';
  readonly machineType: 'instance' | 'launch-template' | 'launch-configuration';
  /** The instance metadata service requires session tokens (IMDSv2), or is turned off. */
  readonly imdsV2Required: Fact<boolean>;
  /** Gets a public IPv4 address; undefined for templates, where the launching group's subnets decide. */
  readonly publicIp?: Fact<boolean>;
  /** Every EBS volume it declares is encrypted; volumes that do not say follow the account default (unknown). */
  readonly ebsEncrypted: Fact<boolean>;
  /** An instance profile gives it an IAM role (temporary credentials) for AWS access. */
  readonly instanceProfile: Fact<boolean>;
  readonly classification: ClassificationFact;
}

// ---------------------------------------------------------------------------------------------
// Posture

export interface PostureView extends ViewBase {
  readonly kind: 'posture';
  readonly service:
    | 'config-recorder'
    | 'security-hub'
    | 'threat-detection'
    | 'access-analyzer'
    | 'vulnerability-scanning'
    | 'data-discovery';
  readonly enabled: Fact<boolean>;
  /** Service-specific switches: GuardDuty features, Security Hub standards, recorder scope. */
  readonly features: Readonly<Record<string, Fact<boolean>>>;
}

// ---------------------------------------------------------------------------------------------
// Incident response

/** A route for events to targets: an EventBridge rule. */
export interface EventRouteView extends ViewBase {
  readonly kind: 'event-route';
  readonly enabled: Fact<boolean>;
  /** Event bus the route listens on: `default` for the account's default bus. */
  readonly bus: Fact<string>;
  /**
   * Event sources the pattern matches (`aws.guardduty`); empty when the pattern does not filter on the
   * source; undefined when the route has no event pattern (scheduled).
   */
  readonly sources?: Fact<readonly string[]>;
  /** Detail types the pattern matches; empty when it does not filter on them. */
  readonly detailTypes?: Fact<readonly string[]>;
  /** Targets: addresses of graph resources, otherwise ARNs as written. */
  readonly targets: readonly Fact<string>[];
}

// ---------------------------------------------------------------------------------------------
// Access grants, application clients, Kubernetes clusters

/**
 * A grant of access to one resource, declared as a resource of its own: a Lambda permission (one statement of the
 * function's resource policy); an Azure role assignment fits the same shape. `{ principal, actions, scope, conditions }`.
 */
export interface AccessGrantView extends ViewBase {
  readonly kind: 'access-grant';
  /** What the grant is on: the address of the graph resource, or its identifier as written when outside the graph. */
  readonly scope: Fact<string>;
  /** The kind of resource the grant is on. */
  readonly scopeType: 'function';
  /** Who is granted, as written: `*`, an account id, an identity ARN, a service (`s3.amazonaws.com`). */
  readonly principal: Fact<string>;
  /**
   * `everyone`; `service`: a cloud service that acts for whichever customer configures it (confused deputy);
   * `account`: every identity of an account; `identity`: one role or user.
   */
  readonly principalType: Fact<'everyone' | 'service' | 'account' | 'identity'>;
  readonly actions: readonly Fact<string>[];
  /**
   * Conditions the provider evaluates, in IAM grammar: operator -> key -> values (`ArnLike` `aws:SourceArn`,
   * `StringEquals` `aws:SourceAccount`, `lambda:FunctionUrlAuthType`).
   */
  readonly conditions: PolicyStatement['conditions'];
}

/** An application registered with a user directory to sign users in: a Cognito user pool client, an Entra ID app. */
export interface AppClientView extends ViewBase {
  readonly kind: 'app-client';
  /** Address of the user directory the client belongs to, when it is in the graph. */
  readonly directory?: string;
  /**
   * Sign-in, account confirmation and password recovery answer differently for a user that does not exist
   * (Cognito `PreventUserExistenceErrors` `LEGACY`, the API's default), so users can be enumerated.
   */
  readonly revealsUserExistence: Fact<boolean>;
  /** OAuth 2.0 grant types the client may use (`code`, `implicit`, `client_credentials`); empty when OAuth is off. */
  readonly oauthFlows: Fact<readonly string[]>;
  /** Refresh tokens the directory issued to the client can be revoked. */
  readonly tokenRevocation: Fact<boolean>;
}

/** A managed Kubernetes control plane: an EKS cluster (an AKS cluster fits the same facts). */
export interface KubernetesClusterView extends ViewBase {
  readonly kind: 'kubernetes-cluster';
  /**
   * How Kubernetes secrets are encrypted in the cluster store: `customer-key` (envelope encryption with a key the
   * customer manages), `provider` (the service's own key or disk encryption only).
   */
  readonly secretsEncryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** The API server endpoint accepts connections from the internet. */
  readonly apiPublic: Fact<boolean>;
  /** Address ranges allowed to reach the public API endpoint (`0.0.0.0/0` when the cluster does not limit them). */
  readonly apiAllowedCidrs: readonly Fact<string>[];
  /**
   * Control-plane log streams delivered to a log store, by the Kubernetes component: `api`, `audit`,
   * `authenticator`, `controllerManager`, `scheduler`.
   */
  readonly controlPlaneLogs: Fact<readonly string[]>;
}

// ---------------------------------------------------------------------------------------------
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
// Asset inventory: what the source read

/**
 * A declaration a template transform owns (SAM, `Fn::ForEach`, a macro): whether what it deploys was
 * read. On the resource that keeps the declaration's logical id when it was expanded, and on every
 * resource the transform owns when it was not.
 */
export interface ExpansionView extends ViewBase {
  readonly kind: 'expansion';
  /** The transform: `AWS::Serverless-2016-10-31`, `AWS::LanguageExtensions`, a macro's name. */
  readonly transform: string;
  /** The key the declaration is written under (`MyFunction`, `Fn::ForEach::Buckets`). */
  readonly declaredAs: string;
  readonly declaredType?: string;
  /** True when the declaration was expanded into the resources it deploys; otherwise why not. */
  readonly expanded: Fact<true>;
  /** False when the template uses the transform's syntax without declaring the transform. */
  readonly transformDeclared: boolean;
}

// ---------------------------------------------------------------------------------------------

export type View =
  | DataStoreView
  | KeyView
  | IdentityView
  | UserDirectoryView
  | PermissionPolicyView
  | FirewallView
  | NetworkView
  | SubnetView
  | NetworkAclView
  | RouteTableView
  | NetworkFirewallView
  | EndpointView
  | CertificateView
  | LoadBalancerView
  | AuditTrailView
  | BackupVaultView
  | BackupPlanView
  | FunctionView
  | ContainerTaskView
  | VirtualMachineView
  | BuildProjectView
  | PostureView
  | EventRouteView
  | AccessGrantView
  | AppClientView
  | KubernetesClusterView
  | PrivateEndpointView
  | WebApplicationFirewallView
  | ContainerServiceView
  | SubscriptionView
  | ExpansionView;

export type ViewKind = View['kind'];

export type ViewOf<K extends ViewKind> = Extract<View, { kind: K }>;

export const VIEW_KINDS: readonly ViewKind[] = [
  'data-store',
  'key',
  'identity',
  'user-directory',
  'permission-policy',
  'firewall',
  'network',
  'subnet',
  'network-acl',
  'route-table',
  'network-firewall',
  'endpoint',
  'certificate',
  'load-balancer',
  'audit-trail',
  'backup-vault',
  'backup-plan',
  'function',
  'container-task',
  'virtual-machine',
  'build-project',
  'posture',
  'event-route',
  'access-grant',
  'app-client',
  'kubernetes-cluster',
  'private-endpoint',
  'web-application-firewall',
  'container-service',
  'subscription',
  'expansion',
];
