import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor } from '../../../lib/classification';
import { reportOnce } from '../../../lib/engine/estate';
import {
  DATA_EVENT_TYPES,
  NO_TRAIL,
  dataEventCoverage,
  trailSinkReason,
} from '../logging/object-store-data-events';
import type { DataStoreView } from '../../../lib/views/kinds';

/**
 * The store needs its data events recorded by a trail: a type trails record, not recording them in its own resource
 * logs, classified at a level that asks for them.
 */
function needsDataEvents(s: DataStoreView): boolean {
  const c = s.classification;
  return (
    DATA_EVENT_TYPES[s.storeType] !== undefined &&
    s.dataAccessEvents !== 'resource-logs' &&
    c.state === 'tagged' &&
    requirementsFor(c.level).audit !== 'management'
  );
}

/** A store that records data access in its own resource logs: judged by what its diagnostic settings send. */
function ownLogs(
  view: DataStoreView,
  level: string,
  needed: readonly ('read' | 'write')[],
): CheckResult | CheckResult[] {
  const logged = view.dataAccessLogged;
  if (logged === undefined)
    return unknown(
      `\`${view.name}\`: which data events its resource logs record is not read from this source`,
    );
  const out: CheckResult[] = [];
  for (const access of needed) {
    const v = logged[access];
    if (v instanceof Unknown)
      out.push(
        unknown(
          `\`${view.name}\`: whether its resource logs record its ${access} data events cannot be told (${v.reason})`,
          access,
        ),
      );
    else if (!v)
      out.push(
        fail(
          `\`${view.name}\` is ${level} and no diagnostic setting sends its ${access} data events to a workspace or store`,
          access,
        ),
      );
  }
  if (out.length > 0) return out;
  return pass(`\`${view.name}\`: its resource logs record its ${needed.join(' and ')} data events`);
}

export default defineRule({
  id: 'BW-DP-018',
  title: 'Data events of CONFIDENTIAL and higher stores are recorded by a trail',
  severity: 'medium',
  controls: [
    'classification:AUDIT',
    'mcsb-v1:LT-3',
    'nist-csf-2.0:DE.CM-03',
    'nist-csf-2.0:PR.PS-04',
    'sox:404-AUDIT-TRAIL',
  ],
  threats: ['insider-misuse', 'data-breach'],
  rationale:
    'Who wrote and who read sensitive data must be on record. CONFIDENTIAL stores need their data-plane write events ' +
    'recorded, RESTRICTED and TOP_SECRET their read and write events (CloudTrail data events: S3 objects, DynamoDB ' +
    'tables), by a trail anywhere in the graph; a store that records data access in its own resource logs (Azure ' +
    'Storage) by a diagnostic setting sending its `StorageRead` and `StorageWrite` logs (or `allLogs`) to a workspace ' +
    'or store. The alarms the level also requires (on access denied for RESTRICTED, ' +
    'on every access for TOP_SECRET) are not asserted here. A trail outside the graph (an organisation trail) cannot ' +
    'be seen: acknowledge the rule with its name; an input without any trail gets one `unknown` saying so, on its ' +
    'first store concerned, rather than a failure on each. The bucket a trail delivers to, and a bucket holding only its ' +
    'server access logs, are exempt: recording their data events records each delivery again, in a loop.',
  fix: {
    cdk:
      "Add the store to a trail's data event selectors (`trail.addS3EventSelector([{ bucket }])`, or an advanced " +
      'selector on `AWS::DynamoDB::Table`), reading and writing from RESTRICTED up.',
    terraform:
      'Add the store to an `aws_cloudtrail` `event_selector` (`data_resource { type = "AWS::S3::Object", values = ' +
      '["${aws_s3_bucket.x.arn}/"] }`, or `AWS::DynamoDB::Table` with the table\'s ARN), with `read_write_type = "All"` ' +
      'from RESTRICTED up.',
    pulumi:
      'Add a `monitor.DiagnosticSetting` with `resourceUri` the blob service of the account (`<account id>/blobServices/default`), ' +
      'a `workspaceId` or `storageAccountId`, and `logs: [{ categoryGroup: "allLogs", enabled: true }]` (or the ' +
      '`StorageWrite` category, with `StorageRead` from RESTRICTED up).',
  },
  appliesTo: ['data-store'],
  check(view, ctx) {
    const type = DATA_EVENT_TYPES[view.storeType];
    if (type === undefined) return notApplicable(`${view.storeType} data events are not asserted`);
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    const audit = requirementsFor(c.level).audit;
    if (audit === 'management') return notApplicable(`${c.level} requires management events only`);
    const needed = audit === 'data-write' ? (['write'] as const) : (['write', 'read'] as const);
    if (view.dataAccessEvents === 'resource-logs') return ownLogs(view, c.level, needed);
    const trails = ctx.viewsOfKind('audit-trail');
    if (trails.length === 0)
      return reportOnce(view, {
        question: 'classification-data-events',
        views: ctx.viewsOfKind('data-store'),
        concerned: needsDataEvents,
        noun: 'store',
        missing: NO_TRAIL,
        whether: 'whether a trail records the data events their classification requires for',
      });
    const sink = trailSinkReason(view, trails);
    if (sink !== undefined) return notApplicable(sink);
    const cover = dataEventCoverage(view.resource.address, type, trails);
    const out: CheckResult[] = [];
    for (const access of needed) {
      const v = cover[access];
      if (v instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: whether a trail records its ${access} data events cannot be told (${v.reason})`,
            access,
          ),
        );
      else if (!v)
        out.push(
          fail(`\`${view.name}\` is ${c.level} and no trail records its ${access} data events`, access),
        );
    }
    if (out.length > 0) return out;
    return pass(`\`${view.name}\`: a trail records its ${needed.join(' and ')} data events`);
  },
});
