import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-PV-005',
  title: 'Virtual machines require IMDSv2',
  severity: 'high',
  controls: ['cis-aws-5.0:5.7', 'mcsb-v1:PV-3', 'mcsb-v1:IM-8', 'nist-csf-2.0:PR.PS-01'],
  threats: ['unauthorized-access', 'privilege-escalation'],
  rationale:
    'IMDSv1 answers any plain GET to 169.254.169.254, so a server-side request forgery or an open proxy on the ' +
    "instance hands out the instance role's credentials. IMDSv2 requires a session token obtained with a PUT and a " +
    'hop limit, which those attacks cannot produce. Unless its metadata options require tokens the instance keeps IMDSv1 unless ' +
    'its image says otherwise: Amazon Linux 2023 images (named by their SSM public parameter) carry ' +
    '`imds-support v2.0` and require IMDSv2 by default. An account-level default is not seen in the configuration.',
  fix: {
    cdk: 'Set `requireImdsv2: true` on `ec2.Instance`, `ec2.LaunchTemplate` or the `AutoScalingGroup` (or `metadataOptions: { httpTokens: "required" }` on the L1).',
    terraform:
      'Add `metadata_options { http_tokens = "required" }` to `aws_instance`, `aws_launch_template` and `aws_launch_configuration`.',
  },
  appliesTo: ['virtual-machine'],
  check(view) {
    const v2 = view.imdsV2Required;
    if (v2 === undefined)
      return notApplicable(`\`${view.name}\`: its metadata service has no session-token mode`);
    if (v2 instanceof Unknown)
      return unknown(`\`${view.name}\`: whether IMDSv2 is required cannot be resolved (${v2.reason})`);
    return v2
      ? pass(`\`${view.name}\` requires IMDSv2`)
      : fail(`\`${view.name}\` allows IMDSv1 (IMDSv2 session tokens are not required)`);
  },
});
