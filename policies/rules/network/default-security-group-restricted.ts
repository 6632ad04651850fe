import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-014',
  title: 'The default security group of every network allows no traffic',
  severity: 'medium',
  controls: ['cis-aws-5.0:5.5', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'EC2 gives every VPC a default security group that admits all traffic from its own members and all egress, ' +
    'and attaches it to any instance or interface launched without a group. Stripping its rules means a resource ' +
    'that forgets its group is isolated instead of joining an open segment. CloudFormation cannot declare the ' +
    'default group, so only a custom resource can restrict it; Terraform adopts it as `aws_default_security_group`.',
  fix: {
    cdk: 'Set `restrictDefaultSecurityGroup: true` on the `ec2.Vpc` (the default with the `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` feature flag).',
    terraform:
      'Declare an `aws_default_security_group` with `vpc_id` set to the VPC and no `ingress` or `egress` blocks (the provider then removes every rule of the default group).',
  },
  appliesTo: ['network'],
  check(view) {
    const r = view.defaultSecurityGroupRestricted;
    if (r === undefined) return notApplicable(`\`${view.name}\`: the network has no default security group`);
    if (r instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether the default security group is restricted cannot be resolved (${r.reason})`,
      );
    return r
      ? pass(`\`${view.name}\` strips the rules of its default security group`)
      : fail(`\`${view.name}\` leaves its default security group open to its members (nothing restricts it)`);
  },
});
