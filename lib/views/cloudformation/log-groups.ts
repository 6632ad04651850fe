import type { Resource } from '../../graph/resource';
import { Unknown, asList, asNumber, get, type Value } from '../../graph/values';
import type { DataStoreView, Fact } from '../kinds';
import { kmsEncryption } from '../common/keys';
import type { AdapterContext } from '../registry';
import { base, bool } from '../common/store-base';

/* CloudWatch Logs log groups -> data-store views. */

/** A data protection policy masks data when one of its statements has a `Deidentify` operation. */
function masks(policy: Value | undefined): Fact<boolean> {
  if (policy === undefined || policy === null) return false;
  if (typeof policy === 'string') {
    try {
      return masks(JSON.parse(policy) as Value);
    } catch {
      return new Unknown('the data protection policy is not valid JSON');
    }
  }
  if (policy instanceof Unknown) return policy;
  const statements = get(policy, 'Statement');
  if (statements instanceof Unknown) return statements;
  for (const s of asList(statements)) {
    const deidentify = get(s, 'Operation', 'Deidentify');
    if (deidentify instanceof Unknown) return deidentify;
    if (deidentify !== undefined && deidentify !== null) return true;
  }
  return false;
}

/** `AWS::Logs::LogGroup`: CloudWatch Logs always encrypts; `KmsKeyId` puts a KMS key on it. */
export function logGroupView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const days = asNumber(p.RetentionInDays);
  return {
    ...base(r, 'log-group', kmsEncryption(p.KmsKeyId, ctx.graph, 'provider', r)),
    dataRetentionDays: days ?? null,
    piiMasking: masks(p.DataProtectionPolicy),
    deletionProtection: bool(p.DeletionProtectionEnabled, false),
  };
}
