import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  get,
  isObject,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type { AuditTrailView, Fact } from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { kmsEncryption } from '../common/keys';

type DataEvents = 'none' | 'read' | 'write' | 'all';

/**
 * `AWS::CloudTrail::Trail` -> audit trail. Defaults as CloudTrail applies them: single-region, global
 * service events included, no log file validation, log files under the bucket's own encryption
 * unless `KMSKeyId` names a key.
 */
export function trailView(r: Resource, ctx: AdapterContext): AuditTrailView {
  const p = r.properties;
  const cwl = p.CloudWatchLogsLogGroupArn;
  const bucket = p.S3BucketName;
  const sink = bucket instanceof ResourceRef ? bucket : refsIn(bucket).find((x) => ctx.graph.get(x.address));
  return {
    kind: 'audit-trail',
    resource: r,
    name: displayName(r),
    logging: asBool(p.IsLogging) ?? new Unknown('`IsLogging` is required and not set'),
    multiRegion: asBool(p.IsMultiRegionTrail) ?? false,
    includesGlobalEvents: asBool(p.IncludeGlobalServiceEvents) ?? true,
    integrityValidation: asBool(p.EnableLogFileValidation) ?? false,
    encryption: kmsEncryption(p.KMSKeyId, ctx.graph, 'provider'),
    cloudWatchDelivery:
      cwl instanceof Unknown && (cwl.refs.length === 0 || (cwl.display ?? '').includes('${If:'))
        ? cwl
        : cwl !== undefined && cwl !== null,
    sinkStore: sink?.address,
    dataEvents: dataEvents(p.EventSelectors, p.AdvancedEventSelectors),
  };
}

function combine(a: DataEvents, b: DataEvents): DataEvents {
  if (a === 'none') return b;
  if (b === 'none' || a === b) return a;
  return 'all';
}

/** Data events captured by basic selectors (`DataResources` + `ReadWriteType`) and advanced ones. */
function dataEvents(basic: Value | undefined, advanced: Value | undefined): Fact<DataEvents> {
  if (basic instanceof Unknown) return basic;
  if (advanced instanceof Unknown) return advanced;
  let out: DataEvents = 'none';
  for (const s of asList(basic)) {
    if (s instanceof Unknown) return s;
    const resources = get(s, 'DataResources');
    if (resources instanceof Unknown) return resources;
    if (asList(resources).length === 0) continue;
    const rw = get(s, 'ReadWriteType') ?? 'All';
    if (rw instanceof Unknown) return rw;
    out = combine(out, rw === 'ReadOnly' ? 'read' : rw === 'WriteOnly' ? 'write' : 'all');
  }
  for (const s of asList(advanced)) {
    const fields = get(s, 'FieldSelectors');
    if (s instanceof Unknown || fields instanceof Unknown)
      return s instanceof Unknown ? s : (fields as Unknown);
    const selectors = asList(fields).filter(isObject);
    const field = (name: string) => selectors.find((f) => f.Field === name);
    const category = field('eventCategory')?.Equals;
    if (category instanceof Unknown) return category;
    if (!asList(category).includes('Data')) continue;
    const readOnly = field('readOnly')?.Equals;
    if (readOnly instanceof Unknown) return readOnly;
    const values = asList(readOnly).map((v) => show(v).toLowerCase());
    const only = values.length === 1 ? values[0] : undefined;
    out = combine(out, only === 'true' ? 'read' : only === 'false' ? 'write' : 'all');
  }
  return out;
}

/** Audit-trail views for `AWS::CloudTrail::Trail`. */
export function registerLogging(registry: AdapterRegistry): void {
  registry.register('AWS::CloudTrail::Trail', trailView);
}
