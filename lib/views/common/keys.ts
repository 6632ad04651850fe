import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, show, type Value } from '../../graph/values';
import type { AtRestEncryption, DataStoreView, Fact, KeyReference } from '../kinds';

type Encryption = DataStoreView['encryption'];

/** Key and alias types of the sources, with the property by which an alias names its key. */
const ALIAS_TARGET: Readonly<Record<string, string>> = {
  'AWS::KMS::Alias': 'TargetKeyId',
  aws_kms_alias: 'target_key_id',
};
const KEY_TYPES = ['AWS::KMS::Key', 'AWS::KMS::Alias', 'aws_kms_key', 'aws_kms_alias'];

/**
 * A key reference from a key property of `holder`: a key of the graph (by reference, or by the id,
 * ARN or alias name it is known by; an alias stands for its target key), or an external ARN/alias.
 * `alias/aws/<service>` names the provider-managed key. A value that several keys or aliases claim
 * names no one key: it stays external.
 */
export function keyReference(
  v: Value | undefined,
  graph: ResourceGraph,
  holder?: Resource,
): KeyReference | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof ResourceRef) return { address: resolveAlias(v.address, graph) };
  const named = graph.target(v, holder, KEY_TYPES);
  if (named !== undefined && !(named instanceof Unknown))
    return { address: resolveAlias(named.address, graph) };
  if (v instanceof Unknown) return { external: v.toString() };
  if (typeof v === 'string') return { external: v };
  return undefined;
}

/** An alias resource stands for the key it targets. */
function resolveAlias(address: string, graph: ResourceGraph): string {
  const r = graph.get(address);
  const property = r && ALIAS_TARGET[r.type];
  if (r && property) {
    const target = r.properties[property];
    if (target instanceof ResourceRef) return target.address;
  }
  return address;
}

/** Whether an external key identifier names an AWS managed key (`alias/aws/s3`). */
export function isProviderManagedKey(ref: KeyReference | undefined): boolean {
  return ref?.external !== undefined && /alias\/aws\//.test(ref.external);
}

/**
 * Encryption by a KMS key named in `keyValue` (a key id, ARN or alias, a reference to a key of the
 * graph, or an unresolved expression). `whenAbsent` applies when no key is named. An AWS managed key
 * (`alias/aws/<service>`) is `kms-provider-key`; any other key a customer key. A conditional or
 * unresolvable key expression that names no key of the graph is an Unknown, never a guess.
 */
export function kmsEncryption(
  keyValue: Value | undefined,
  graph: ResourceGraph,
  whenAbsent: Fact<AtRestEncryption>,
  holder?: Resource,
): Encryption {
  if (keyValue === undefined || keyValue === null) return { atRest: whenAbsent };
  if (keyValue instanceof Unknown && /alias\/aws\//.test(keyValue.toString())) {
    return { atRest: 'kms-provider-key' };
  }
  const key = keyReference(keyValue, graph, holder);
  if (keyValue instanceof Unknown) {
    const conditional = (keyValue.display ?? '').includes('${If:');
    if (key?.address === undefined || conditional) {
      return {
        atRest: new Unknown(
          `KMS key \`${keyValue.toString()}\` cannot be resolved (${keyValue.reason})`,
          keyValue.refs,
          keyValue.display,
        ),
      };
    }
    return { atRest: 'customer-key', key };
  }
  if (key === undefined) return { atRest: new Unknown(`unexpected KMS key value ${show(keyValue)}`) };
  if (isProviderManagedKey(key)) return { atRest: 'kms-provider-key' };
  return { atRest: 'customer-key', key };
}
