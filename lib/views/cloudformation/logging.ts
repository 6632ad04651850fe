import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, get, refsIn, show, type Value } from '../../graph/values';
import type { ResourceGraph } from '../../graph/graph';
import type { AuditTrailView, DataEventSelector, Fact, LogMetricFilter } from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
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

/**
 * `AWS::CloudTrail::Trail` -> audit trail. Defaults as CloudTrail applies them: single-region, global
 * service events included, no log file validation, log files under the bucket's own encryption
 * unless `KMSKeyId` names a key.
 */
export function trailView(r: Resource, ctx: AdapterContext): AuditTrailView {
  const p = r.properties;
  const cwl = p.CloudWatchLogsLogGroupArn;
  const sink = ctx.graph.target(p.S3BucketName, r, BUCKET);
  return {
    kind: 'audit-trail',
    resource: r,
    name: displayName(r),
    logging: asBool(p.IsLogging) ?? new Unknown('`IsLogging` is required and not set'),
    multiRegion: asBool(p.IsMultiRegionTrail) ?? false,
    includesGlobalEvents: asBool(p.IncludeGlobalServiceEvents) ?? true,
    integrityValidation: asBool(p.EnableLogFileValidation) ?? false,
    encryption: kmsEncryption(p.KMSKeyId, ctx.graph, 'provider', r),
    cloudWatchDelivery:
      cwl instanceof Unknown && (cwl.refs.length === 0 || (cwl.display ?? '').includes('${If:'))
        ? cwl
        : cwl !== undefined && cwl !== null,
    ...(cwl === undefined || cwl === null ? {} : { metricFilters: metricFilters(cwl, r, ctx.graph) }),
    sinkStore: sink instanceof Unknown ? undefined : sink?.address,
    dataEvents: dataEvents(p.EventSelectors, p.AdvancedEventSelectors),
    dataEventSelectors: [
      ...basicSelectors(p.EventSelectors, ctx.graph, r),
      ...advancedSelectors(p.AdvancedEventSelectors, ctx.graph, r, SHAPE),
    ],
  };
}

const BUCKET = 'AWS::S3::Bucket';
const SHAPE: DataResourceShape = { bucketType: BUCKET, arnAttribute: 'Arn' };
const LOG_GROUP = 'AWS::Logs::LogGroup';
const METRIC_FILTER = 'AWS::Logs::MetricFilter';
const ALARM = 'AWS::CloudWatch::Alarm';

/**
 * Metric filters on the trail's log group (`CloudWatchLogsLogGroupArn`, by reference or by ARN), those
 * whose `LogGroupName` names the group (by reference or by name), each with whether an
 * `AWS::CloudWatch::Alarm` on the metric it publishes (same `MetricName` and `Namespace`, as the
 * alarm's own metric or a `MetricStat` of its `Metrics`) has an `AlarmActions` entry and does not turn
 * its actions off.
 */
function metricFilters(
  logGroupArn: Value,
  trail: Resource,
  graph: ResourceGraph,
): Fact<readonly LogMetricFilter[]> {
  const group = graph.target(logGroupArn, trail, LOG_GROUP);
  if (group instanceof Unknown) return group;
  if (!group)
    return new Unknown(`log group \`${show(logGroupArn)}\` is not in the template`, refsIn(logGroupArn));
  const found = graph.attachedBy(group.address, METRIC_FILTER, (f) => f.properties.LogGroupName);
  if (found.uncertain[0]) return found.uncertain[0].reason;
  return found.attached.map((f) => ({
    address: f.address,
    pattern: patternOf(f.properties.FilterPattern),
    alarmed: alarmed(f, graph),
  }));
}

function patternOf(v: Value | undefined): Fact<string> {
  if (typeof v === 'string') return v;
  if (v instanceof Unknown) return v;
  return new Unknown(`filter pattern is ${show(v)}`, refsIn(v));
}

/** The metrics (namespace, name) a metric filter publishes. */
function publishedMetrics(filter: Resource): Fact<readonly { namespace: string; name: string }[]> {
  const out: { namespace: string; name: string }[] = [];
  const transformations = filter.properties.MetricTransformations;
  if (transformations instanceof Unknown) return transformations;
  for (const t of asList(transformations)) {
    const namespace = get(t, 'MetricNamespace');
    const name = get(t, 'MetricName');
    if (typeof namespace !== 'string' || typeof name !== 'string')
      return new Unknown(`metric \`${show(namespace)}/${show(name)}\` of the filter cannot be resolved`);
    out.push({ namespace, name });
  }
  return out;
}

/** Metrics (namespace, name) an alarm watches: its own metric, or the `MetricStat`s of its metric math. */
function watchedMetrics(alarm: Resource): { namespace: Value | undefined; name: Value | undefined }[] {
  const p = alarm.properties;
  const out: { namespace: Value | undefined; name: Value | undefined }[] = [
    { namespace: p.Namespace, name: p.MetricName },
  ];
  for (const m of asList(p.Metrics)) {
    const metric = get(m, 'MetricStat', 'Metric');
    if (metric !== undefined)
      out.push({ namespace: get(metric, 'Namespace'), name: get(metric, 'MetricName') });
  }
  return out.filter((m) => m.name !== undefined);
}

function alarmed(filter: Resource, graph: ResourceGraph): Fact<boolean> {
  const metrics = publishedMetrics(filter);
  if (metrics instanceof Unknown) return metrics;
  let unresolved: Unknown | undefined;
  for (const alarm of graph.ofType(ALARM)) {
    for (const w of watchedMetrics(alarm)) {
      if (w.name instanceof Unknown || w.namespace instanceof Unknown) {
        unresolved ??= new Unknown(`metric of alarm \`${alarm.logicalId}\` cannot be resolved`);
        continue;
      }
      if (!metrics.some((m) => m.name === w.name && m.namespace === w.namespace)) continue;
      const enabled = asBool(alarm.properties.ActionsEnabled);
      const actions = alarm.properties.AlarmActions;
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

type Access = DataEventSelector['access'];

/** Basic selectors: `DataResources[]` (`Type`, `Values`) with the selector's `ReadWriteType` (default `All`). */
function basicSelectors(
  basic: Value | undefined,
  graph: ResourceGraph,
  holder: Resource,
): DataEventSelector[] {
  if (basic instanceof Unknown) return [selector(basic, 'all', [], basic)];
  const out: DataEventSelector[] = [];
  for (const s of asList(basic)) {
    if (s instanceof Unknown) {
      out.push(selector(s, 'all', [], s));
      continue;
    }
    const rw = get(s, 'ReadWriteType') ?? 'All';
    if (rw instanceof Unknown) {
      out.push(selector(rw, 'all', [], rw));
      continue;
    }
    const access: Access = rw === 'ReadOnly' ? 'read' : rw === 'WriteOnly' ? 'write' : 'all';
    const resources = get(s, 'DataResources');
    if (resources instanceof Unknown) {
      out.push(selector(resources, access, [], resources));
      continue;
    }
    for (const d of asList(resources)) {
      const type = get(d, 'Type');
      const values = get(d, 'Values');
      const resourceType: Fact<string> =
        typeof type === 'string' ? type : new Unknown(`data resource type is ${show(type)}`);
      if (values instanceof Unknown) out.push(selector(resourceType, access, [], values));
      else
        out.push(
          selector(
            resourceType,
            access,
            asList(values).map((v) => dataResourceScope(v, graph, holder, SHAPE)),
          ),
        );
    }
  }
  return out;
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
  const fromAdvanced = advancedDataEvents(advanced);
  if (fromAdvanced instanceof Unknown) return fromAdvanced;
  return combine(out, fromAdvanced);
}

/** Audit-trail views for `AWS::CloudTrail::Trail`. */
export function registerLogging(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::CloudTrail::Trail', trailView);
}
