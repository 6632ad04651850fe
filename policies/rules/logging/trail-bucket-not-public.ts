import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-007',
  title: 'The bucket receiving trail logs is not public',
  severity: 'high',
  controls: ['mcsb-v1:NS-2', 'mcsb-v1:LT-3', 'nist-csf-2.0:PR.AA-05', 'sox:404-AUDIT-TRAIL'],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'Trail logs map the whole account: principals, resources, source addresses, failed calls. A public trail bucket ' +
    'hands that map to anyone, and a writable one lets them cover their tracks. The bucket must block public access ' +
    'with all four settings and its policy must grant nothing to everyone (the CloudTrail service grant names the ' +
    'service, not everyone).',
  fix: {
    cdk:
      'Keep `blockPublicAccess: BlockPublicAccess.BLOCK_ALL` on the trail\'s bucket and remove any `Principal: "*"` grant ' +
      'from its policy.',
    terraform:
      "Give the bucket named in the `aws_cloudtrail`'s `s3_bucket_name` an `aws_s3_bucket_public_access_block` with all " +
      'four settings true, and remove any `Principal: "*"` grant from its `aws_s3_bucket_policy`.',
    pulumi:
      'Keep `allowBlobPublicAccess: false` on the storage account archiving the activity log, and no container with ' +
      '`publicAccess` (`AuditWorkspace` sets both).',
  },
  appliesTo: ['audit-trail'],
  check(view, ctx) {
    if (view.sinkStore === undefined)
      return unknown(
        `\`${view.name}\` writes to a bucket outside the input: its public access cannot be read`,
      );
    const sink = ctx.viewOf(view.sinkStore, 'data-store');
    if (!sink)
      return unknown(`\`${view.name}\`: its log bucket \`${view.sinkStore}\` has no data-store view`);
    const out: CheckResult[] = [];
    const block = sink.publicAccess;
    if (block === undefined || block instanceof Unknown)
      out.push(
        unknown(
          `\`${view.name}\`: public access block of \`${sink.name}\` cannot be resolved` +
            (block ? ` (${block.reason})` : ''),
          'block',
        ),
      );
    else if (block !== 'blocked')
      out.push(
        fail(
          `\`${view.name}\` writes to \`${sink.name}\`, which does not block public access (${block})`,
          'block',
        ),
      );
    const policy = sink.policyAllowsPublic;
    if (policy instanceof Unknown)
      out.push(
        unknown(
          `\`${view.name}\`: the policy of \`${sink.name}\` cannot be resolved (${policy.reason})`,
          'policy',
        ),
      );
    else if (policy)
      out.push(
        fail(`\`${view.name}\` writes to \`${sink.name}\`, whose policy grants access to everyone`, 'policy'),
      );
    if (out.length > 0) return out;
    return pass(`\`${view.name}\` writes to \`${sink.name}\`, which is not public`);
  },
});
