import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-011',
  title: 'CDN distributions reach object-store origins through origin access control',
  severity: 'medium',
  controls: ['mcsb-v1:NS-2', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'With origin access control, CloudFront signs its requests (SigV4) and the bucket policy admits only that ' +
    'distribution, so the bucket stays private and cannot be read around the CDN. Without any, the bucket must be ' +
    'public for the distribution to work. The legacy origin access identity does not sign requests to buckets ' +
    'encrypted with KMS keys and is being phased out.',
  fix: {
    cdk: 'Use `origins.S3BucketOrigin.withOriginAccessControl(bucket)` (it creates the `OriginAccessControl` and the bucket policy statement).',
    terraform:
      'Create an `aws_cloudfront_origin_access_control` (`origin_access_control_origin_type = "s3"`, `signing_behavior = "always"`) and set its id as `origin_access_control_id` on the bucket origin, instead of `s3_origin_config.origin_access_identity`; grant `cloudfront.amazonaws.com` read in the bucket policy on the distribution\'s `AWS:SourceArn`.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'cdn-distribution') return notApplicable('not a CDN distribution');
    const stores = (view.origins ?? []).filter((o) => o.originType === 'object-store');
    if (stores.length === 0) return notApplicable(`\`${view.name}\` has no object-store origin`);
    return stores.map((o): CheckResult => {
      const access = o.accessControl;
      if (access === undefined || access instanceof Unknown)
        return unknown(`\`${view.name}\`: how origin \`${o.id}\` is accessed cannot be resolved`, o.id);
      if (access === 'origin-access-control')
        return pass(`\`${view.name}\` signs requests to origin \`${o.id}\` with origin access control`, o.id);
      if (access === 'origin-access-identity')
        return fail(`\`${view.name}\` reaches origin \`${o.id}\` with a legacy origin access identity`, o.id);
      return fail(
        `\`${view.name}\` reaches origin \`${o.id}\` with unsigned requests (no origin access control)`,
        o.id,
      );
    });
  },
});
