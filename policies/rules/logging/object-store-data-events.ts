import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { reportOnce } from '../../../lib/engine/estate';
import { Unknown } from '../../../lib/graph/values';
import type { AuditTrailView, DataStoreType, DataStoreView, Fact } from '../../../lib/views/kinds';

/** CloudTrail data resource type of the stores whose data events a trail can capture. */
export const DATA_EVENT_TYPES: Partial<Record<DataStoreType, string>> = {
  'object-store': 'AWS::S3::Object',
  table: 'AWS::DynamoDB::Table',
};

/** Whether the trails of the graph capture read and write data events of the store at `address`. */
export interface DataEventCoverage {
  readonly read: Fact<boolean>;
  readonly write: Fact<boolean>;
}

/**
 * Read and write data events of one store across every trail: true when a logging trail's selector covers
 * the whole store (every resource of its type, or the store itself), Unknown when only an unresolved
 * selector or trail might, false otherwise.
 */
export function dataEventCoverage(
  address: string,
  resourceType: string,
  trails: readonly AuditTrailView[],
): DataEventCoverage {
  const found = { read: false as Fact<boolean>, write: false as Fact<boolean> };
  const mark = (access: 'read' | 'write' | 'all', value: Fact<boolean>) => {
    for (const k of ['read', 'write'] as const) {
      if (access !== 'all' && access !== k) continue;
      if (found[k] === true) continue;
      if (value === true || !(found[k] instanceof Unknown)) found[k] = value;
    }
  };
  for (const t of trails) {
    if (t.logging === false) continue;
    const logging: Fact<boolean> = t.logging;
    const selectors = t.dataEventSelectors;
    if (selectors === undefined) {
      if (t.dataEvents !== 'none')
        mark('all', new Unknown(`trail \`${t.name}\` captures data events of resources it does not list`));
      continue;
    }
    for (const s of selectors) {
      if (s.resourceType !== resourceType && !(s.resourceType instanceof Unknown)) continue;
      const covers = s.allResources || s.addresses.includes(address);
      if (covers && s.resourceType === resourceType) mark(s.access, logging);
      else if (covers) mark(s.access, s.resourceType as Unknown);
      else if (s.unresolved) mark(s.access, s.unresolved);
    }
  }
  return found;
}

/** What the input lacks when it holds no trail, and where the trail may be instead. */
export const NO_TRAIL =
  'no trail in the input (a trail of another stack or account, such as an organisation trail, may record data events)';

/**
 * Why a store's data events should not be recorded by the trails of the graph: it receives a trail's log files
 * (`sinkStore`), or only the server access logs of such stores. Recording them loops: each delivery is a data
 * event that the trail delivers again. Undefined for any other store.
 */
export function trailSinkReason(view: DataStoreView, trails: readonly AuditTrailView[]): string | undefined {
  const sinks = new Set(trails.map((t) => t.sinkStore).filter((a): a is string => a !== undefined));
  if (sinks.has(view.resource.address))
    return `\`${view.name}\` receives a trail's log files; recording its data events would record every delivery again`;
  const sources = view.receivesAccessLogsOf ?? [];
  if (sources.length > 0 && sources.every((a) => sinks.has(a)))
    return (
      `\`${view.name}\` only receives the server access logs of a trail's bucket; recording its data events would ` +
      'record every delivery again'
    );
  return undefined;
}

export default defineRule({
  id: 'BW-LT-009',
  title: 'A trail records object-level read and write events of every bucket',
  severity: 'low',
  controls: [
    'cis-aws-5.0:3.8',
    'cis-aws-5.0:3.9',
    'mcsb-v1:LT-3',
    'nist-csf-2.0:PR.PS-04',
    'nist-csf-2.0:DE.CM-03',
    'sox:404-AUDIT-TRAIL',
  ],
  threats: ['insider-misuse', 'data-breach'],
  rationale:
    'Management events show who changed a bucket, not who read or wrote its objects. CloudTrail S3 data events ' +
    'record each `GetObject`, `PutObject` and `DeleteObject` with the caller, which is what an investigation of a ' +
    'leak or a tampering needs. The trail may live in another stack of the same graph; one selector for all buckets ' +
    '(`arn:aws:s3`) covers every bucket. The bucket a trail delivers to, and a bucket holding only its server access ' +
    'logs, are exempt: recording their data events records each delivery again, in a loop. A trail outside the ' +
    'graph (an organisation trail) cannot be seen here: an input without any trail gets one `unknown` saying so, on ' +
    'its first bucket, rather than a failure on each.',
  fix: {
    cdk:
      'Add an S3 data event selector to a trail: `trail.addS3EventSelector([{ bucket }])` for a bucket, or ' +
      '`trail.logAllS3DataEvents()` for all, with `readWriteType: ReadWriteType.ALL`.',
    terraform:
      'Add an `event_selector` to an `aws_cloudtrail` with `read_write_type = "All"` and `data_resource { type = ' +
      '"AWS::S3::Object", values = ["${aws_s3_bucket.<name>.arn}/"] }` (or `["arn:aws:s3"]` for every bucket), or an ' +
      '`advanced_event_selector` selecting `eventCategory` `Data` and `resources.type` `AWS::S3::Object`.',
  },
  appliesTo: ['data-store'],
  check(view, ctx) {
    if (view.storeType !== 'object-store') return notApplicable('not an object store');
    if (view.dataAccessEvents === 'resource-logs')
      return notApplicable(
        `\`${view.name}\` records data access in its own resource logs, not in an audit trail`,
      );
    const trails = ctx.viewsOfKind('audit-trail');
    if (trails.length === 0)
      return reportOnce(view, {
        question: 'object-store-data-events',
        views: ctx.viewsOfKind('data-store'),
        concerned: (s) => s.storeType === 'object-store' && s.dataAccessEvents !== 'resource-logs',
        noun: 'bucket',
        missing: NO_TRAIL,
        whether: 'whether a trail records object-level read and write events (CIS 3.8, 3.9) of',
      });
    const sink = trailSinkReason(view, trails);
    if (sink !== undefined) return notApplicable(sink);
    const cover = dataEventCoverage(view.resource.address, 'AWS::S3::Object', trails);
    const out: CheckResult[] = [];
    for (const [access, control] of [
      ['write', '3.8'],
      ['read', '3.9'],
    ] as const) {
      const c = cover[access];
      if (c instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: whether a trail records ${access} data events cannot be told (${c.reason})`,
            access,
          ),
        );
      else if (!c)
        out.push(
          fail(
            `\`${view.name}\`: no trail records ${access} data events of its objects (CIS ${control})`,
            access,
          ),
        );
      else out.push(pass(`\`${view.name}\`: a trail records ${access} data events of its objects`, access));
    }
    return out;
  },
});
