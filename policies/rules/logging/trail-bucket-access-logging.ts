import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-006',
  title: 'The bucket receiving trail logs records server access logs',
  severity: 'low',
  controls: ['cis-aws-5.0:3.4', 'mcsb-v1:LT-3', 'nist-csf-2.0:PR.PS-04'],
  threats: ['insider-misuse'],
  rationale:
    'The trail bucket holds the record of everything done in the account, so who read, overwrote or deleted its ' +
    'objects is itself evidence. S3 server access logging records every request to the bucket, in another bucket. ' +
    'A trail writing to a bucket outside the graph cannot be checked here.',
  fix: {
    cdk: "Give the trail's bucket `serverAccessLogsBucket` (a separate bucket), or pass the trail a `bucket` that has it.",
    terraform:
      "Add an `aws_s3_bucket_logging` for the bucket named in the `aws_cloudtrail`'s `s3_bucket_name`, with a separate `target_bucket`.",
    pulumi:
      "Add a `monitor.DiagnosticSetting` on the archive's blob service (`<archive id>/blobServices/default`) sending " +
      '`allLogs` to the workspace; `AuditWorkspace` adds it.',
  },
  appliesTo: ['audit-trail'],
  check(view, ctx) {
    if (view.sinkStore === undefined)
      return unknown(
        `\`${view.name}\` writes to a bucket outside the input: its access logging cannot be read`,
      );
    const sink = ctx.viewOf(view.sinkStore, 'data-store');
    if (!sink)
      return unknown(`\`${view.name}\`: its log bucket \`${view.sinkStore}\` has no data-store view`);
    const logging = sink.accessLogging;
    if (logging === undefined)
      return unknown(`\`${view.name}\`: its log bucket \`${sink.name}\` has no access logging setting`);
    if (logging instanceof Unknown)
      return unknown(
        `\`${view.name}\`: access logging of \`${sink.name}\` cannot be resolved (${logging.reason})`,
      );
    if (!logging)
      return fail(`\`${view.name}\` writes to \`${sink.name}\`, which records no server access logs`);
    return pass(`\`${view.name}\` writes to \`${sink.name}\`, which records server access logs`);
  },
});
