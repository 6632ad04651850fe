import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';

export default defineRule({
  id: 'BW-IM-004',
  title: 'Virtual machines use an instance role for AWS access',
  severity: 'medium',
  controls: ['cis-aws-5.0:1.17', 'mcsb-v1:IM-3', 'mcsb-v1:IM-8', 'nist-csf-2.0:PR.AA-01'],
  threats: ['unauthorized-access', 'privilege-escalation'],
  rationale:
    'An instance without an instance profile has no managed identity: software on it that calls AWS APIs needs ' +
    'long-lived access keys on disk or in user data, where they leak and never rotate. An instance role gives it ' +
    "short-lived credentials through the metadata service, scoped by the role's policies.",
  fix: {
    cdk: 'Give the instance a role (`role` on `ec2.Instance` or `ec2.LaunchTemplate`; the L2 `Instance` creates one by default) and grant it what the software needs.',
    terraform:
      'Give the instance a role through an `aws_iam_instance_profile`: `iam_instance_profile` on `aws_instance` and `aws_launch_configuration`, the `iam_instance_profile { arn }` block on `aws_launch_template`; grant the role what the software needs.',
  },
  appliesTo: ['virtual-machine'],
  check(view) {
    const p = view.instanceProfile;
    // An Azure machine's identity is a managed identity, not an instance profile.
    const azure = cloudOfResource(view.resource) === 'azure';
    const what = azure ? 'a managed identity' : 'an instance profile';
    if (p instanceof Unknown)
      return unknown(`\`${view.name}\`: whether ${what} is attached cannot be resolved (${p.reason})`);
    return p
      ? pass(`\`${view.name}\` has ${what}`)
      : fail(
          azure
            ? `\`${view.name}\` has no managed identity (no Entra ID identity for calls to Azure services)`
            : `\`${view.name}\` has no instance profile (no IAM role for AWS access)`,
        );
  },
});
