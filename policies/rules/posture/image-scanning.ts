import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-PV-002',
  title: 'Container images are scanned for vulnerabilities automatically',
  severity: 'medium',
  controls: ['mcsb-v1:PV-5', 'mcsb-v1:DS-6', 'nist-csf-2.0:ID.RA-01'],
  threats: ['vulnerable-dependency', 'malicious-code'],
  rationale:
    'Images carry their operating system packages and libraries; scanning on push (or continuously) reports known ' +
    'CVEs before and while the image runs, instead of when someone thinks to look.',
  fix: {
    cdk: 'Set `imageScanOnPush: true` on the repository, or declare a registry scanning configuration with a `SCAN_ON_PUSH` or `CONTINUOUS_SCAN` rule whose filter matches it.',
    terraform:
      'Set `image_scanning_configuration { scan_on_push = true }` on the `aws_ecr_repository`, or declare an ' +
      '`aws_ecr_registry_scanning_configuration` with a `SCAN_ON_PUSH` or `CONTINUOUS_SCAN` rule whose ' +
      '`repository_filter` matches it.',
  },
  appliesTo: ['posture'],
  check(view) {
    if (view.service !== 'vulnerability-scanning')
      return notApplicable('not a vulnerability scanning setting');
    const on = view.enabled;
    if (on instanceof Unknown)
      return unknown(`\`${view.name}\`: whether images are scanned cannot be resolved (${on.reason})`);
    return on
      ? pass(`\`${view.name}\` scans images automatically`)
      : fail(`\`${view.name}\` does not scan images on push or continuously`);
  },
});
