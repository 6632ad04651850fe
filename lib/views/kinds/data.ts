import type { ClassificationFact, Fact, TlsVersion, ViewBase } from './base';
import type { PolicyDocument } from './identity';

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
  | 'replication-endpoint'
  // A managed AI service account (Azure AI services, Azure OpenAI): holds uploaded files, fine-tuned models and
  // conversation state, reached through its own endpoint.
  | 'ai-service';

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
    /**
     * The service encrypts every store at rest and has no setting that stops it (Azure Storage): an
     * Unknown `atRest` leaves only the key unknown, never whether the data is encrypted.
     */
    readonly alwaysOn?: true;
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
  /**
   * Object stores: days a deleted object (`objects`: an object, one of its versions or snapshots) and a deleted
   * container with all its objects (`containers`) stay recoverable before they are removed for good (Azure blob and
   * container soft delete); `null`: deletion is immediate. Undefined where the store has no such setting.
   */
  readonly softDeleteDays?: {
    readonly objects: Fact<number | null>;
    readonly containers: Fact<number | null>;
  };
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
   * Aurora cluster with a replica in the graph). Object stores that choose it (Azure storage accounts): every copy
   * in the primary region sits in one physical location (`false`) or is spread over availability zones (`true`).
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
  /**
   * Where reads and writes of the store's data are recorded (object stores): `audit-trail`, the account's audit
   * trail when a trail selects them (S3 data events in CloudTrail); `resource-logs`, the store's own diagnostic
   * logs sent to a workspace or another store (Azure Storage). Undefined: `audit-trail`.
   */
  readonly dataAccessEvents?: 'audit-trail' | 'resource-logs';
  /**
   * Stores that record data access in their own resource logs (`dataAccessEvents: 'resource-logs'`): whether a
   * diagnostic setting sends their read and their write events to a workspace or store (Azure Storage `StorageRead`,
   * `StorageWrite`). Undefined for stores recorded by an audit trail.
   */
  readonly dataAccessLogged?: { readonly read: Fact<boolean>; readonly write: Fact<boolean> };
  /**
   * Server access logging to another store (object stores): every read, write and delete request recorded (Azure
   * Storage: the blob service's `StorageRead`, `StorageWrite` and `StorageDelete` logs sent to a workspace or store).
   */
  readonly accessLogging?: Fact<boolean>;
  /** Object stores: addresses of the graph's object stores that deliver their server access logs here. */
  readonly receivesAccessLogsOf?: readonly string[];
  /** A data-protection (masking) policy is attached (log groups). */
  readonly piiMasking?: Fact<boolean>;
  /**
   * The store's data endpoint accepts connections from the internet: RDS and Redshift `PubliclyAccessible`, an
   * OpenSearch domain outside a VPC, MSK public access; Azure `publicNetworkAccess` (a storage account's also
   * needs network rules that allow by default). Undefined where the service has no such notion: stores reached only
   * through the provider's API (S3 buckets and other object stores without a network endpoint, tables, queues, topics,
   * secrets, log groups, keys), whose exposure is their resource policy (`publicAccess`, `policyAllowsPublic`);
   * and an Aurora cluster, whose instances each decide it.
   */
  readonly publicNetworkAccess?: Fact<boolean>;
  /**
   * The store has an endpoint with a private address inside the customer's network: RDS, Redshift and MSK always
   * place theirs in a VPC; an OpenSearch domain does with `VPCOptions`; Azure private endpoint connections. Undefined
   * where the service has no such notion or the source does not read it: API-only stores, where a VPC endpoint
   * belongs to the network, not the store.
   */
  readonly privateEndpoint?: Fact<boolean>;
  /** Automatic rotation of the stored secret (Secrets Manager). */
  readonly rotation?: Fact<boolean>;
  /**
   * Lowest TLS version the store accepts (the same name and meaning as an endpoint's `minTls`), where the store itself sets one (S3: the service floor, raised by a
   * bucket policy denying `s3:TlsVersion` below a version). Undefined when the store has no such setting.
   */
  readonly minTls?: Fact<TlsVersion>;
  /**
   * Days a noncurrent object version is kept after it is replaced or deleted (versioned object stores);
   * `null`: kept forever. Undefined when the store keeps no versions.
   */
  readonly noncurrentVersionRetentionDays?: Fact<number | null>;
  /** Minor engine versions are applied automatically in the maintenance window (databases). */
  readonly autoMinorVersionUpgrade?: Fact<boolean>;
  // Managed data services. What each new store type sets besides `encryption` and `classification`:
  // - graph-database (Neptune): `tlsOnly`, `minTls`, `minTlsCeiling`, `clientAuthentication`,
  //   `backupRetentionDays`, `pointInTimeRecovery`, `deletionProtection`.
  // - document-database (DocumentDB): `tlsOnly` (and `minTls` when the store sets one),
  //   `backupRetentionDays`, `pointInTimeRecovery`, `deletionProtection`.
  // - data-warehouse (Redshift): `tlsOnly`, `publicNetworkAccess`, `backupRetentionDays` (0: no automated backups).
  // - cache (ElastiCache): `tlsOnly`, `nodeToNodeEncryption` (replication groups), `clientAuthentication`,
  //   `memoryOnly` (Memcached).
  // - search-cluster (OpenSearch, Elasticsearch): `tlsOnly`, `minTls`, `minTlsCeiling`,
  //   `nodeToNodeEncryption`, `publicNetworkAccess`, `policyAllowsPublic`.
  // - stream (Kinesis, MSK): `clientAuthentication`; Kinesis `dataRetentionDays`; MSK `tlsOnly`,
  //   `nodeToNodeEncryption`, `publicNetworkAccess`.
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
   * The store accepts credentials it issues and keeps itself besides the cloud's identity service: account or API
   * keys, shared access signatures signed with them, database logins with passwords. `false`: every client signs in
   * with the cloud's identity service. Undefined where the source does not read such a switch.
   */
  readonly localAuthentication?: Fact<boolean>;
  /**
   * The store's own audit log of who read, changed or administered its data (database auditing) is on and sent
   * somewhere. Undefined where the source does not read one.
   */
  readonly auditLogging?: Fact<boolean>;
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

/**
 * A repository of keys, secrets and certificates with its own access and deletion settings (Azure Key Vault): what
 * protects the keys that protect everything else.
 */
export interface KeyStoreView extends ViewBase {
  readonly kind: 'key-store';
  readonly classification: ClassificationFact;
  /** Days a deleted store, key or secret stays recoverable (soft delete); `null`: deletion is immediate. */
  readonly softDeleteDays: Fact<number | null>;
  /** No one can purge a deleted store, key or secret before its soft-delete retention ends. */
  readonly purgeProtection: Fact<boolean>;
  /**
   * How permissions on the keys and secrets are granted: `identity-roles`, role assignments of the cloud's identity
   * service (scoped, conditional, reviewed and time-bound like every other grant), or `store-access-policies`, a list
   * kept on the store itself that the identity service's controls do not see.
   */
  readonly dataAccessModel: Fact<'identity-roles' | 'store-access-policies'>;
  /** The store's endpoint accepts connections from the internet (public network access with no deny-by-default rules). */
  readonly publicNetworkAccess: Fact<boolean>;
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
