import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-105',
  title: 'CDN distributions write access logs',
  severity: 'medium',
  controls: ['mcsb-v1:LT-3', 'nist-csf-2.0:PR.PS-04', 'nist-csf-2.0:DE.CM-01'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'CloudFront access logs record each viewer request (client address, path, status, bytes, TLS version). They are ' +
    'the only record of what the edge served: origin logs miss cache hits, which is where scraping and data ' +
    'harvesting through the CDN show up.',
  fix: {
    cdk: 'Set `enableLogging: true` with a `logBucket` on the distribution, or deliver `ACCESS_LOGS` through a CloudWatch Logs delivery source.',
    terraform:
      'Add a `logging_config { bucket = "<bucket>.s3.amazonaws.com" }` block to the `aws_cloudfront_distribution`, or deliver its logs with an `aws_cloudwatch_log_delivery_source` (`log_type = "ACCESS_LOGS"`, `resource_arn` the distribution\'s ARN) and a delivery.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'cdn-distribution') return notApplicable('not a CDN distribution');
    const on = view.accessLogging;
    if (on === undefined || on instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether access logs are written cannot be resolved${on ? ` (${on.reason})` : ''}`,
      );
    return on ? pass(`\`${view.name}\` writes access logs`) : fail(`\`${view.name}\` writes no access logs`);
  },
});
