import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-015',
  title: 'Virtual machines get no public IP address',
  severity: 'medium',
  controls: ['mcsb-v1:NS-1', 'mcsb-v1:NS-2', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'An instance with a public address is one security group rule away from the internet, and reaches it without ' +
    'passing a NAT gateway or egress firewall. Workloads sit in private subnets behind a load balancer; ' +
    'administration goes through SSM Session Manager.',
  fix: {
    cdk: 'Launch the instance in a private subnet (`vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS }`) and leave `associatePublicIpAddress` unset or false.',
    terraform:
      "Launch into a private subnet (`aws_subnet` without `map_public_ip_on_launch`) and leave `associate_public_ip_address` unset or `false` on `aws_instance`, `aws_launch_configuration` or the launch template's `network_interfaces`.",
  },
  appliesTo: ['virtual-machine'],
  check(view) {
    const ip = view.publicIp;
    if (ip === undefined)
      return notApplicable(`\`${view.name}\`: the subnets of the group that launches it decide`);
    if (ip instanceof Unknown)
      return unknown(`\`${view.name}\`: whether it gets a public IP cannot be resolved (${ip.reason})`);
    return ip
      ? fail(
          `\`${view.name}\` gets a public IP address (a public subnet, or a public IP address requested for it)`,
        )
      : pass(`\`${view.name}\` gets no public IP address`);
  },
});
