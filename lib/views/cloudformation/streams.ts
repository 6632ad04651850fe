import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asList,
  asNumber,
  asString,
  get,
  isObject,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type { ClientAuthenticationMethod, DataStoreView, Fact } from '../kinds';
import { kmsEncryption } from '../common/keys';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { base, bool, weaker, type Encryption } from '../common/store-base';

// Streams, processing clusters and replication endpoints. Each default written here is what the service
// does when the template leaves the property out.

// ---------------------------------------------------------------------------------------------
// Kinesis Data Streams

/**
 * Server-side encryption of a Kinesis stream: none unless `StreamEncryption` sets `EncryptionType: KMS` with a
 * `KeyId` (`alias/aws/kinesis` is the AWS managed key).
 */
function kinesisEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const sse = r.properties.StreamEncryption;
  if (sse === undefined || sse === null) return { atRest: 'none' };
  if (sse instanceof Unknown) return { atRest: sse };
  const type = asString(get(sse, 'EncryptionType'));
  if (type instanceof Unknown) return { atRest: type };
  if (type?.toUpperCase() !== 'KMS') return { atRest: 'none' };
  return kmsEncryption(get(sse, 'KeyId'), graph, new Unknown('`EncryptionType` is KMS without `KeyId`'), r);
}

/**
 * `AWS::Kinesis::Stream`: records are kept `RetentionPeriodHours` (24 when unset). Every Kinesis API call is
 * signed with IAM credentials.
 */
export function kinesisStreamView(r: Resource, ctx: AdapterContext): DataStoreView {
  const hours = asNumber(r.properties.RetentionPeriodHours) ?? 24;
  return {
    ...base(r, 'stream', kinesisEncryption(r, ctx.graph)),
    dataRetentionDays: hours instanceof Unknown ? hours : hours / 24,
    clientAuthentication: ['cloud-identity'],
  };
}

// ---------------------------------------------------------------------------------------------
// Amazon Data Firehose

/** The stream or cluster a delivery stream reads from, when it is in the graph. */
function sourceOf(arn: Value | undefined, graph: ResourceGraph): Resource | Unknown {
  const ref = refsIn(arn)[0];
  const source = ref ? graph.get(ref.address) : undefined;
  return source ?? new Unknown(`the source ${show(arn)} is not in the template`, refsIn(arn));
}

/**
 * Encryption of the data a delivery stream holds. A stream fed by `PutRecord` (`DirectPut`, the default)
 * encrypts its buffer only with `DeliveryStreamEncryptionConfigurationInput`: `AWS_OWNED_CMK` (a key
 * Firehose owns) or `CUSTOMER_MANAGED_CMK` with `KeyARN`. A stream reading a Kinesis stream or an MSK cluster
 * keeps no copy at rest: the data stays encrypted as its source encrypts it.
 */
function firehoseEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const p = r.properties;
  const type = asString(p.DeliveryStreamType) ?? 'DirectPut';
  if (type instanceof Unknown) return { atRest: type };
  if (type === 'KinesisStreamAsSource' || type === 'MSKAsSource') {
    const arn =
      type === 'KinesisStreamAsSource'
        ? get(p.KinesisStreamSourceConfiguration, 'KinesisStreamARN')
        : get(p.MSKSourceConfiguration, 'MSKClusterARN');
    const source = sourceOf(arn, graph);
    if (source instanceof Unknown) return { atRest: source };
    if (source.type === 'AWS::Kinesis::Stream') return kinesisEncryption(source, graph);
    if (source.type === 'AWS::MSK::Cluster') return mskEncryption(source, graph);
    return { atRest: new Unknown(`the source \`${source.address}\` is a ${source.type}`) };
  }
  const sse = p.DeliveryStreamEncryptionConfigurationInput;
  if (sse === undefined || sse === null) return { atRest: 'none' };
  if (sse instanceof Unknown) return { atRest: sse };
  const keyType = asString(get(sse, 'KeyType'));
  if (keyType instanceof Unknown) return { atRest: keyType };
  if (keyType === 'CUSTOMER_MANAGED_CMK')
    return kmsEncryption(
      get(sse, 'KeyARN'),
      graph,
      new Unknown('`CUSTOMER_MANAGED_CMK` without `KeyARN`'),
      r,
    );
  return { atRest: 'provider' };
}

/** `AWS::KinesisFirehose::DeliveryStream`. */
export function deliveryStreamView(r: Resource, ctx: AdapterContext): DataStoreView {
  return base(r, 'delivery-stream', firehoseEncryption(r, ctx.graph));
}

// ---------------------------------------------------------------------------------------------
// Amazon MSK

/** MSK always encrypts broker storage: with the AWS managed key `aws/kafka` unless `DataVolumeKMSKeyId` names one. */
function mskEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const info = r.properties.EncryptionInfo;
  return kmsEncryption(get(info, 'EncryptionAtRest', 'DataVolumeKMSKeyId'), graph, 'kms-provider-key', r);
}

/** Whether `v` (an `Enabled` flag) is on; absent counts as off. */
function on(v: Value | undefined): Fact<boolean> {
  return bool(v, false);
}

/**
 * How clients of an MSK cluster authenticate. Without `ClientAuthentication` every client is admitted
 * unauthenticated; with it, only the methods it enables (IAM, SCRAM, mutual TLS), plus unauthenticated
 * access when `Unauthenticated.Enabled` is true.
 */
function mskAuthentication(p: Record<string, Value>): Fact<readonly ClientAuthenticationMethod[]> {
  const auth = p.ClientAuthentication;
  if (auth === undefined || auth === null) return ['unauthenticated'];
  if (auth instanceof Unknown) return auth;
  const tls = get(auth, 'Tls');
  const methods: [ClientAuthenticationMethod, Fact<boolean>][] = [
    ['cloud-identity', on(get(auth, 'Sasl', 'Iam', 'Enabled'))],
    ['user-credentials', on(get(auth, 'Sasl', 'Scram', 'Enabled'))],
    [
      'client-certificate',
      isObject(tls) && tls.Enabled === undefined
        ? asList(tls.CertificateAuthorityArnList).length > 0
        : on(get(tls, 'Enabled')),
    ],
    ['unauthenticated', on(get(auth, 'Unauthenticated', 'Enabled'))],
  ];
  const unresolved = methods.find(([, f]) => f instanceof Unknown)?.[1];
  if (unresolved instanceof Unknown) return unresolved;
  const enabled = methods.filter(([, f]) => f === true).map(([m]) => m);
  return enabled.length > 0 ? enabled : ['unauthenticated'];
}

/**
 * `AWS::MSK::Cluster` (provisioned). `ClientBroker` is `TLS` unless set to `TLS_PLAINTEXT` or `PLAINTEXT`;
 * `InCluster` (encryption between brokers) is true unless set false. Brokers get public addresses only with
 * `ConnectivityInfo.PublicAccess.Type: SERVICE_PROVIDED_EIPS`.
 */
export function mskClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const transit = get(p.EncryptionInfo, 'EncryptionInTransit');
  const clientBroker = asString(get(transit, 'ClientBroker')) ?? 'TLS';
  const publicType =
    asString(get(p.BrokerNodeGroupInfo, 'ConnectivityInfo', 'PublicAccess', 'Type')) ?? 'DISABLED';
  return {
    ...base(r, 'stream', mskEncryption(r, ctx.graph)),
    tlsOnly: clientBroker instanceof Unknown ? clientBroker : clientBroker.toUpperCase() === 'TLS',
    nodeToNodeEncryption: bool(get(transit, 'InCluster'), true),
    clientAuthentication: mskAuthentication(p),
    publicNetworkAccess: publicType instanceof Unknown ? publicType : publicType.toUpperCase() !== 'DISABLED',
    // MSK brokers always sit in the cluster's VPC subnets; public access adds addresses beside them.
    privateEndpoint: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Amazon EMR

/** The security configuration an EMR cluster names: a resource of the graph, none, or an Unknown. */
function securityConfiguration(
  v: Value | undefined,
  graph: ResourceGraph,
  holder: Resource,
): Resource | undefined | Unknown {
  if (v === undefined || v === null) return undefined;
  const type = 'AWS::EMR::SecurityConfiguration';
  const found = graph.target(v, holder, type);
  if (found) return found;
  if (v instanceof ResourceRef) return new Unknown(`security configuration ${v.toString()} is not a ${type}`);
  if (v instanceof Unknown) return v;
  if (typeof v !== 'string') return new Unknown(`unexpected security configuration ${show(v)}`);
  return new Unknown(`security configuration \`${v}\` is not in the template`);
}

/** The `EncryptionConfiguration` of a security configuration (its JSON may be written as a string). */
function encryptionConfiguration(sc: Resource): Value | undefined {
  let doc = sc.properties.SecurityConfiguration;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc) as Value;
    } catch {
      return new Unknown('the security configuration is not valid JSON');
    }
  }
  return get(doc, 'EncryptionConfiguration');
}

const NO_LOCAL_DISK =
  'no security configuration encrypts local disks: they are encrypted only if EBS encryption by default is on in the account and region';

/**
 * At-rest encryption of an EMR cluster: the weaker of its local disks (HDFS, spill, EBS volumes) and the data
 * EMRFS writes to S3. Without a security configuration enabling it, EMR encrypts neither itself; local disks
 * then depend on the account's EBS default and S3 objects on each bucket's default encryption.
 */
function emrEncryption(config: Value | undefined, graph: ResourceGraph): Encryption {
  if (config instanceof Unknown) return { atRest: config };
  const enabled = bool(get(config, 'EnableAtRestEncryption'), false);
  if (enabled instanceof Unknown) return { atRest: enabled };
  if (!enabled) return { atRest: new Unknown(NO_LOCAL_DISK) };
  const rest = get(config, 'AtRestEncryptionConfiguration');
  const disk = get(rest, 'LocalDiskEncryptionConfiguration');
  let local: Encryption;
  if (disk === undefined || disk === null) local = { atRest: new Unknown(NO_LOCAL_DISK) };
  else if (disk instanceof Unknown) local = { atRest: disk };
  else {
    const provider = asString(get(disk, 'EncryptionKeyProviderType'));
    if (provider instanceof Unknown) local = { atRest: provider };
    else if (provider === 'AwsKms')
      local = kmsEncryption(get(disk, 'AwsKmsKey'), graph, new Unknown('`AwsKms` without `AwsKmsKey`'));
    else local = { atRest: 'customer-key' };
  }
  const s3 = get(rest, 'S3EncryptionConfiguration');
  const mode = asString(get(s3, 'EncryptionMode'));
  let objects: Encryption;
  if (mode instanceof Unknown) objects = { atRest: mode };
  else if (mode === undefined || mode === 'SSE-S3') objects = { atRest: 'provider' };
  else if (mode === 'CSE-Custom') objects = { atRest: 'customer-key' };
  else objects = kmsEncryption(get(s3, 'AwsKmsKey'), graph, new Unknown(`\`${mode}\` without \`AwsKmsKey\``));
  return weaker(local, objects);
}

/**
 * `AWS::EMR::Cluster` with its `AWS::EMR::SecurityConfiguration`. In-transit encryption (TLS between nodes,
 * for shuffle and between applications) is off unless the configuration enables it.
 */
export function emrClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const sc = securityConfiguration(r.properties.SecurityConfiguration, ctx.graph, r);
  const config = sc instanceof Unknown ? sc : sc === undefined ? undefined : encryptionConfiguration(sc);
  const transit: Fact<boolean> =
    config instanceof Unknown ? config : bool(get(config, 'EnableInTransitEncryption'), false);
  return {
    ...base(r, 'processing-cluster', emrEncryption(config, ctx.graph)),
    nodeToNodeEncryption: transit,
  };
}

// ---------------------------------------------------------------------------------------------
// AWS DMS

/** Engines DMS reaches through the service's HTTPS API, where no `SslMode` applies. */
const API_ENGINES = new Set(['s3', 'dynamodb', 'kinesis']);

/** Database engines whose endpoint takes `SslMode`, `none` (no TLS) when unset. */
const SSL_MODE_ENGINES = new Set([
  'mysql',
  'mariadb',
  'aurora',
  'postgres',
  'aurora-postgresql',
  'oracle',
  'sqlserver',
  'db2',
  'db2-zos',
  'sybase',
  'mongodb',
  'docdb',
  'azuredb',
  'azure-sql-managed-instance',
]);

/**
 * Whether a DMS endpoint connects to its database over TLS: `SslMode` `require`, `verify-ca` or `verify-full`
 * (`none` when unset); a Kafka endpoint by `KafkaSettings.SecurityProtocol` (`plaintext` when unset).
 */
function dmsTls(p: Record<string, Value>): Fact<boolean> {
  const engine = asString(p.EngineName);
  if (engine instanceof Unknown || engine === undefined)
    return engine ?? new Unknown('`EngineName` is not set');
  const name = engine.toLowerCase();
  if (API_ENGINES.has(name)) return true;
  if (name === 'kafka') {
    const protocol = asString(get(p.KafkaSettings, 'SecurityProtocol')) ?? 'plaintext';
    return protocol instanceof Unknown ? protocol : protocol.toLowerCase() !== 'plaintext';
  }
  const mode = asString(p.SslMode);
  if (mode instanceof Unknown) return mode;
  if (mode !== undefined) return mode.toLowerCase() !== 'none';
  if (SSL_MODE_ENGINES.has(name)) return false;
  return new Unknown(`\`SslMode\` is not set and engine \`${engine}\` has no documented default`);
}

/**
 * `AWS::DMS::Endpoint`: a link DMS uses to read from or write to a database. What it keeps at rest is its
 * connection settings (credentials), encrypted with the AWS managed key `aws/dms` unless `KmsKeyId` names one.
 */
export function dmsEndpointView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  return {
    ...base(r, 'replication-endpoint', kmsEncryption(p.KmsKeyId, ctx.graph, 'kms-provider-key', r)),
    tlsOnly: dmsTls(p),
  };
}

/** Registers the adapters of this file. */
export function registerStreams(registry: AdapterRegistry): void {
  registry
    .register('cloudformation', 'AWS::Kinesis::Stream', kinesisStreamView)
    .register('cloudformation', 'AWS::KinesisFirehose::DeliveryStream', deliveryStreamView)
    .register('cloudformation', 'AWS::MSK::Cluster', mskClusterView)
    .register('cloudformation', 'AWS::EMR::Cluster', emrClusterView)
    .register('cloudformation', 'AWS::DMS::Endpoint', dmsEndpointView);
}
