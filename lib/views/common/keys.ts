import type { ResourceGraph } from '../../graph/graph';
import { ResourceRef, Unknown, type Value } from '../../graph/values';
import type { KeyReference } from '../kinds';

/**
 * A key reference from a key property: a reference to a key of the graph (by id, ARN or alias
 * resource), or an external ARN/alias. `alias/aws/<service>` names the provider-managed key.
 */
export function keyReference(v: Value | undefined, graph: ResourceGraph): KeyReference | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof ResourceRef) return { address: resolveAlias(v.address, graph) };
  if (v instanceof Unknown) {
    const ref = v.refs.find(
      (r) =>
        graph.get(r.address)?.type === 'AWS::KMS::Key' || graph.get(r.address)?.type === 'AWS::KMS::Alias',
    );
    return ref ? { address: resolveAlias(ref.address, graph) } : { external: v.toString() };
  }
  if (typeof v === 'string') return { external: v };
  return undefined;
}

/** An alias resource stands for the key it targets. */
function resolveAlias(address: string, graph: ResourceGraph): string {
  const r = graph.get(address);
  if (r?.type === 'AWS::KMS::Alias') {
    const target = r.properties.TargetKeyId;
    if (target instanceof ResourceRef) return target.address;
  }
  return address;
}

/** Whether an external key identifier names an AWS managed key (`alias/aws/s3`). */
export function isProviderManagedKey(ref: KeyReference | undefined): boolean {
  return ref?.external !== undefined && /alias\/aws\//.test(ref.external);
}
