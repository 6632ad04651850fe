import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asList, asNumber, asString, get, refsIn, show, type Value } from '../../graph/values';
import type { ClientAuthenticationMethod, DataStoreView, Fact } from '../kinds';
import { kmsEncryption } from '../common/keys';
import { base, bool, type Encryption } from '../common/store-base';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { arg, block } from './arguments';

/* Data-store views of the Terraform AWS provider's streams: Kinesis Data Streams, Amazon Data Firehose, MSK. */

const KINESIS = 'aws_kinesis_stream';
const MSK = 'aws_msk_cluster';

// Kinesis Data Streams

/**
 * Server-side encryption of a Kinesis stream: none unless `encryption_type = "KMS"` (default `NONE`) with a
 * `kms_key_id` (`alias/aws/kinesis` is the AWS managed key).
 */
function kinesisEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const type = asString(arg(r.properties.encryption_type)) ?? 'NONE';
  if (type instanceof Unknown) return { atRest: type };
  if (type.toUpperCase() !== 'KMS') return { atRest: 'none' };
  return kmsEncryption(
    arg(r.properties.kms_key_id),
    graph,
    new Unknown('`encryption_type` is KMS without `kms_key_id`'),
    r,
  );
}

/**
 * `aws_kinesis_stream`: records are kept `retention_period` hours (24 when unset). Every Kinesis API call
 * is signed with IAM credentials.
 */
export function kinesisStreamView(r: Resource, ctx: AdapterContext): DataStoreView {
  const hours = asNumber(arg(r.properties.retention_period)) ?? 24;
  return {
    ...base(r, 'stream', kinesisEncryption(r, ctx.graph)),
    dataRetentionDays: hours instanceof Unknown ? hours : hours / 24,
    clientAuthentication: ['cloud-identity'],
  };
}

// Amazon Data Firehose

/** The stream or cluster a delivery stream reads from, when the configuration declares it. */
function sourceOf(arn: Value | undefined, graph: ResourceGraph, holder: Resource): Resource | Unknown {
  const found = graph.target(arn, holder, [KINESIS, MSK]);
  if (found) return found;
  return new Unknown(`the source ${show(arn)} is not in the configuration`, refsIn(arn));
}

/**
 * Encryption of the data a delivery stream holds. A stream fed by `PutRecord` encrypts its buffer only
 * with `server_side_encryption { enabled = true }`: `key_type` `AWS_OWNED_CMK` (the default, a key Firehose
 * owns) or `CUSTOMER_MANAGED_CMK` with `key_arn`. A stream reading a Kinesis stream
 * (`kinesis_source_configuration`) or an MSK cluster (`msk_source_configuration`) keeps no copy at rest: the
 * data stays encrypted as its source encrypts it.
 */
function firehoseEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const p = r.properties;
  const kinesis = block(p.kinesis_source_configuration);
  const msk = block(p.msk_source_configuration);
  const from = kinesis ?? msk;
  if (from instanceof Unknown) return { atRest: from };
  if (from !== undefined) {
    const arn = kinesis !== undefined ? get(kinesis, 'kinesis_stream_arn') : get(msk, 'msk_cluster_arn');
    const source = sourceOf(arn, graph, r);
    if (source instanceof Unknown) return { atRest: source };
    return source.type === KINESIS ? kinesisEncryption(source, graph) : mskEncryption(source, graph);
  }
  const sse = block(p.server_side_encryption);
  if (sse === undefined) return { atRest: 'none' };
  if (sse instanceof Unknown) return { atRest: sse };
  const enabled = bool(arg(get(sse, 'enabled')), false);
  if (enabled instanceof Unknown) return { atRest: enabled };
  if (!enabled) return { atRest: 'none' };
  const keyType = asString(arg(get(sse, 'key_type'))) ?? 'AWS_OWNED_CMK';
  if (keyType instanceof Unknown) return { atRest: keyType };
  if (keyType === 'CUSTOMER_MANAGED_CMK')
    return kmsEncryption(
      arg(get(sse, 'key_arn')),
      graph,
      new Unknown('`CUSTOMER_MANAGED_CMK` without `key_arn`'),
      r,
    );
  return { atRest: 'provider' };
}

/** `aws_kinesis_firehose_delivery_stream`. */
export function deliveryStreamView(r: Resource, ctx: AdapterContext): DataStoreView {
  return base(r, 'delivery-stream', firehoseEncryption(r, ctx.graph));
}

// Amazon MSK

/**
 * MSK always encrypts broker storage: with the AWS managed key `aws/kafka` unless
 * `encryption_info.encryption_at_rest_kms_key_arn` names one.
 */
function mskEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const info = block(r.properties.encryption_info);
  if (info instanceof Unknown) return { atRest: info };
  return kmsEncryption(arg(get(info, 'encryption_at_rest_kms_key_arn')), graph, 'kms-provider-key', r);
}

/**
 * How clients of an MSK cluster authenticate. Without `client_authentication` every client is admitted
 * unauthenticated; with it, only the methods it enables (`sasl { iam, scram }`, `tls` with certificate
 * authorities), plus unauthenticated access when `unauthenticated = true`.
 */
function mskAuthentication(p: Record<string, Value>): Fact<readonly ClientAuthenticationMethod[]> {
  const auth = block(p.client_authentication);
  if (auth === undefined) return ['unauthenticated'];
  if (auth instanceof Unknown) return auth;
  const sasl = block(get(auth, 'sasl'));
  const tls = block(get(auth, 'tls'));
  const methods: [ClientAuthenticationMethod, Fact<boolean>][] = [
    ['cloud-identity', sasl instanceof Unknown ? sasl : bool(arg(get(sasl, 'iam')), false)],
    ['user-credentials', sasl instanceof Unknown ? sasl : bool(arg(get(sasl, 'scram')), false)],
    [
      'client-certificate',
      tls instanceof Unknown
        ? tls
        : get(tls, 'certificate_authority_arns') instanceof Unknown
          ? (get(tls, 'certificate_authority_arns') as Unknown)
          : asList(get(tls, 'certificate_authority_arns')).length > 0,
    ],
    ['unauthenticated', bool(arg(get(auth, 'unauthenticated')), false)],
  ];
  const unresolved = methods.find(([, f]) => f instanceof Unknown)?.[1];
  if (unresolved instanceof Unknown) return unresolved;
  const enabled = methods.filter(([, f]) => f === true).map(([m]) => m);
  return enabled.length > 0 ? enabled : ['unauthenticated'];
}

/**
 * `aws_msk_cluster` (provisioned). `encryption_in_transit.client_broker` is `TLS` unless set to
 * `TLS_PLAINTEXT` or `PLAINTEXT`; `in_cluster` (encryption between brokers) is true unless set false. Brokers
 * get public addresses only with `connectivity_info.public_access.type = "SERVICE_PROVIDED_EIPS"`.
 */
export function mskClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const info = block(p.encryption_info);
  const transit = info instanceof Unknown ? info : block(get(info, 'encryption_in_transit'));
  const clientBroker: Fact<string> =
    transit instanceof Unknown ? transit : (asString(arg(get(transit, 'client_broker'))) ?? 'TLS');
  const inCluster: Fact<boolean> =
    transit instanceof Unknown ? transit : bool(arg(get(transit, 'in_cluster')), true);
  const brokers = block(p.broker_node_group_info);
  const connectivity = brokers instanceof Unknown ? brokers : block(get(brokers, 'connectivity_info'));
  const access = connectivity instanceof Unknown ? connectivity : block(get(connectivity, 'public_access'));
  const publicType: Fact<string> =
    access instanceof Unknown ? access : (asString(arg(get(access, 'type'))) ?? 'DISABLED');
  return {
    ...base(r, 'stream', mskEncryption(r, ctx.graph)),
    tlsOnly: clientBroker instanceof Unknown ? clientBroker : clientBroker.toUpperCase() === 'TLS',
    nodeToNodeEncryption: inCluster,
    clientAuthentication: mskAuthentication(p),
    publicNetworkAccess: publicType instanceof Unknown ? publicType : publicType.toUpperCase() !== 'DISABLED',
    // MSK brokers always sit in the cluster's VPC subnets; public access adds addresses beside them.
    privateEndpoint: true,
  };
}

/** Registers the adapters of this file. */
export function registerTerraformStreams(registry: AdapterRegistry): void {
  registry
    .register('terraform', KINESIS, kinesisStreamView)
    .register('terraform', 'aws_kinesis_firehose_delivery_stream', deliveryStreamView)
    .register('terraform', MSK, mskClusterView);
}
