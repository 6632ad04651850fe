import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { DataStoreView } from '../../../lib/views/kinds';

/** What logs a bucket holds for others, when it is a log bucket: server access logs or service log deliveries. */
function logsHeld(view: DataStoreView): string | undefined {
  const sources = view.receivesAccessLogsOf ?? [];
  if (sources.length > 0)
    return `the server access logs of ${sources.length} bucket${sources.length === 1 ? '' : 's'}`;
  return view.logDeliveries?.[0]?.what;
}

export default defineRule({
  id: 'BW-LT-008',
  title: 'Object stores record server access logs',
  severity: 'low',
  controls: ['mcsb-v1:LT-3', 'nist-csf-2.0:PR.PS-04', 'nist-csf-2.0:DE.CM-03'],
  threats: ['insider-misuse', 'data-breach'],
  rationale:
    'S3 server access logs record every request to a bucket (requester, operation, key, status, TLS version), ' +
    'including anonymous and denied ones that CloudTrail data events do not all show, at no charge beyond storage. ' +
    'They are how a leak through a presigned URL or a mistaken policy is traced. A bucket that receives access logs ' +
    'logs to another bucket, never to itself; a log bucket (one holding the server access logs of other buckets, or ' +
    'load balancer access logs) is not asserted, since logging it needs yet another log bucket. The bucket a trail ' +
    "delivers to is asserted by BW-LT-006 (CIS 3.4). An Azure storage account records them as its blob service's " +
    '`StorageRead`, `StorageWrite` and `StorageDelete` resource logs, sent by a diagnostic setting to a workspace or store.',
  fix: {
    cdk: 'Set `serverAccessLogsBucket` (and `serverAccessLogsPrefix`) on the bucket, pointing at a dedicated log bucket.',
    terraform:
      'Add an `aws_s3_bucket_logging` for the bucket with `target_bucket` naming a dedicated log bucket (and a ' +
      '`target_prefix`).',
    pulumi:
      'Add a `monitor.DiagnosticSetting` with `resourceUri` the blob service (`<account id>/blobServices/default`), a ' +
      '`workspaceId` or `storageAccountId`, and `logs: [{ categoryGroup: "allLogs", enabled: true }]`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'object-store' || view.accessLogging === undefined)
      return notApplicable('not an object store');
    const logging = view.accessLogging;
    const held = logsHeld(view);
    if (held !== undefined && logging !== true)
      return notApplicable(
        `\`${view.name}\` is a log bucket (it holds ${held}); its own access logs would need another log bucket, ` +
          'without end',
      );
    if (logging instanceof Unknown)
      return unknown(`\`${view.name}\`: server access logging cannot be resolved (${logging.reason})`);
    if (!logging) return fail(`\`${view.name}\` records no server access logs`);
    return pass(`\`${view.name}\` records server access logs`);
  },
});
