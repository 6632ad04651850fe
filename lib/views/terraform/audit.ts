import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  Unknown,
  asBool,
  asList,
  isAfterApply,
  isObject,
  refsIn,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type { AuditTrailView, DataEventSelector, Fact, LogMetricFilter } from '../kinds';
import { kmsEncryption } from '../common/keys';
import {
  advancedDataEvents,
  advancedSelectors,
  combine,
  dataResourceScope,
  selector,
  type DataEvents,
  type DataResourceShape,
} from '../common/data-events';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

const BUCKET = 'aws_s3_bucket';
const SHAPE: DataResourceShape = { bucketType: BUCKET, arnAttribute: 'arn' };
const LOG_GROUP = 'aws_cloudwatch_log_group';
const METRIC_FILTER = 'aws_cloudwatch_log_metric_filter';
const ALARM = 'aws_cloudwatch_metric_alarm';

type Access = DataEventSelector['access'];

/**
 * `aws_cloudtrail` -> audit trail. Defaults as the provider and CloudTrail apply them: logging on
 * (`enable_logging`), single-region, global service events included, no log file validation, log
 * files under the bucket's own encryption unless `kms_key_id` names a key. Data events come from the
 * basic `event_selector` blocks and the `advanced_event_selector` blocks, read as CloudFormation's.
 */
export function trailView(r: Resource, ctx: AdapterContext): AuditTrailView {
  const p = r.properties;
  const cwl = p.cloud_watch_logs_group_arn;
  const sink = ctx.graph.target(p.s3_bucket_name, r, BUCKET);
  const basic = selectors(p.event_selector, ctx.graph, r);
  const advanced = advancedShape(p.advanced_event_selector);
  const fromAdvanced = advancedDataEvents(advanced);
  return {
    kind: 'audit-trail',
    resource: r,
    name: displayName(r),
    logging: asBool(p.enable_logging) ?? true,
    multiRegion: asBool(p.is_multi_region_trail) ?? false,
    includesGlobalEvents: asBool(p.include_global_service_events) ?? true,
    integrityValidation: asBool(p.enable_log_file_validation) ?? false,
    encryption: kmsEncryption(p.kms_key_id === '' ? undefined : p.kms_key_id, ctx.graph, 'provider', r),
    cloudWatchDelivery:
      cwl instanceof Unknown && cwl.refs.length === 0 ? cwl : cwl !== undefined && cwl !== null && cwl !== '',
    ...(cwl === undefined || cwl === null || cwl === ''
      ? {}
      : { metricFilters: metricFilters(cwl, r, ctx.graph) }),
    sinkStore: sink instanceof Unknown ? undefined : sink?.address,
    dataEvents:
      fromAdvanced instanceof Unknown
        ? fromAdvanced
        : (() => {
            const b = dataEvents(basic);
            return b instanceof Unknown ? b : combine(b, fromAdvanced);
          })(),
    dataEventSelectors: [...selectorList(basic), ...advancedSelectors(advanced, ctx.graph, r, SHAPE)],
  };
}

/**
 * `advanced_event_selector` blocks in CloudFormation's shape: each `field_selector { field, equals,
 * starts_with, ends_with, not_equals, not_starts_with, not_ends_with }` becomes a `FieldSelectors` entry.
 */
function advancedShape(v: Value | undefined): Value | undefined {
  if (v === undefined || v === null || isAfterApply(v)) return undefined;
  if (v instanceof Unknown) return v;
  const names: Readonly<Record<string, string>> = {
    field: 'Field',
    equals: 'Equals',
    starts_with: 'StartsWith',
    ends_with: 'EndsWith',
    not_equals: 'NotEquals',
    not_starts_with: 'NotStartsWith',
    not_ends_with: 'NotEndsWith',
  };
  return asList(v).map((s): Value => {
    if (s instanceof Unknown || !isObject(s)) return s;
    const fields = s.field_selector;
    if (fields instanceof Unknown) return { FieldSelectors: fields };
    return {
      FieldSelectors: asList(fields).map((f): Value => {
        if (f instanceof Unknown || !isObject(f)) return f;
        const out: ValueObject = {};
        for (const [k, name] of Object.entries(names)) {
          const x = f[k];
          if (x === undefined || x === null || isAfterApply(x)) continue;
          if (Array.isArray(x) && x.length === 0) continue;
          out[name] = x;
        }
        return out;
      }),
    };
  });
}

function selectorList(basic: Fact<DataEventSelector[]>): DataEventSelector[] {
  return basic instanceof Unknown ? [selector(basic, 'all', [], basic)] : basic;
}

/** Data events the selectors capture: the union of the access of those naming data resources. */
function dataEvents(basic: Fact<DataEventSelector[]>): Fact<DataEvents> {
  if (basic instanceof Unknown) return basic;
  let out: DataEvents = 'none';
  for (const s of basic) out = out === 'none' || out === s.access ? s.access : 'all';
  return out;
}

/** `event_selector` blocks: `data_resource { type, values }` with `read_write_type` (default `All`). */
function selectors(v: Value | undefined, graph: ResourceGraph, holder: Resource): Fact<DataEventSelector[]> {
  if (v instanceof Unknown) return v;
  const out: DataEventSelector[] = [];
  for (const s of asList(v)) {
    if (s instanceof Unknown) return s;
    if (!isObject(s)) continue;
    const rw = s.read_write_type ?? 'All';
    if (rw instanceof Unknown) return rw;
    const access: Access = rw === 'ReadOnly' ? 'read' : rw === 'WriteOnly' ? 'write' : 'all';
    if (s.data_resource instanceof Unknown) return s.data_resource;
    for (const d of asList(s.data_resource)) {
      if (!isObject(d)) continue;
      const type = d.type;
      const resourceType: Fact<string> =
        typeof type === 'string' ? type : new Unknown(`data resource type is ${show(type)}`);
      const values = d.values;
      if (values instanceof Unknown) out.push(selector(resourceType, access, [], values));
      else
        out.push(
          selector(
            resourceType,
            access,
            asList(values).map((x) => dataResourceScope(x, graph, holder, SHAPE)),
          ),
        );
    }
  }
  return out;
}

/**
 * Metric filters on the trail's log group (`cloud_watch_logs_group_arn`, by reference or by ARN):
 * those whose `log_group_name` names it, each with whether an `aws_cloudwatch_metric_alarm` on the
 * metric it publishes (its own metric or a `metric_query` metric) has `alarm_actions` and does not
 * turn its actions off.
 */
function metricFilters(
  logGroupArn: Value,
  trail: Resource,
  graph: ResourceGraph,
): Fact<readonly LogMetricFilter[]> {
  const group = graph.target(logGroupArn, trail, LOG_GROUP);
  if (group instanceof Unknown) return group;
  if (!group)
    return new Unknown(`log group \`${show(logGroupArn)}\` is not in the configuration`, refsIn(logGroupArn));
  const found = graph.attachedBy(group.address, METRIC_FILTER, (f) => f.properties.log_group_name);
  if (found.uncertain[0]) return found.uncertain[0].reason;
  return found.attached.map((f) => ({
    address: f.address,
    pattern:
      typeof f.properties.pattern === 'string'
        ? f.properties.pattern
        : f.properties.pattern instanceof Unknown
          ? f.properties.pattern
          : new Unknown(`filter pattern is ${show(f.properties.pattern)}`),
    alarmed: alarmed(f, graph),
  }));
}

function alarmed(filter: Resource, graph: ResourceGraph): Fact<boolean> {
  const metrics: { namespace: string; name: string }[] = [];
  const transformations = filter.properties.metric_transformation;
  if (transformations instanceof Unknown) return transformations;
  for (const t of asList(transformations)) {
    const namespace = isObject(t) ? t.namespace : undefined;
    const name = isObject(t) ? t.name : undefined;
    if (typeof namespace !== 'string' || typeof name !== 'string')
      return new Unknown(`metric \`${show(namespace)}/${show(name)}\` of the filter cannot be resolved`);
    metrics.push({ namespace, name });
  }
  let unresolved: Unknown | undefined;
  for (const alarm of graph.ofType(ALARM)) {
    const p = alarm.properties;
    const watched: { namespace: Value | undefined; name: Value | undefined }[] = [
      { namespace: p.namespace, name: p.metric_name },
    ];
    for (const q of asList(p.metric_query))
      for (const m of isObject(q) ? asList(q.metric) : [])
        if (isObject(m)) watched.push({ namespace: m.namespace, name: m.metric_name });
    for (const w of watched) {
      if (w.name === undefined || w.name === null) continue;
      if (w.name instanceof Unknown || w.namespace instanceof Unknown) {
        unresolved ??= new Unknown(`metric of alarm \`${alarm.address}\` cannot be resolved`);
        continue;
      }
      if (!metrics.some((m) => m.name === w.name && m.namespace === w.namespace)) continue;
      const enabled = asBool(p.actions_enabled);
      const actions = p.alarm_actions;
      if (enabled === false) continue;
      if (actions instanceof Unknown || enabled instanceof Unknown) {
        unresolved ??= enabled instanceof Unknown ? enabled : (actions as Unknown);
        continue;
      }
      if (asList(actions).length > 0) return true;
    }
  }
  return unresolved ?? false;
}

/** Audit-trail views for `aws_cloudtrail`. */
export function registerAudit(registry: AdapterRegistry): void {
  registry.register('terraform', 'aws_cloudtrail', trailView);
}
