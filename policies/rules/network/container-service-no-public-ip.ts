import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-024',
  title: 'Container services give their tasks no public IP address',
  severity: 'medium',
  controls: ['mcsb-v1:NS-1', 'mcsb-v1:NS-2', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'A task with a public address is reachable from the internet as soon as its security group allows it, and ' +
    'reaches the internet without passing a NAT gateway or egress firewall. Tasks run in private subnets; ' +
    'clients reach them through a load balancer, and images and AWS APIs through a NAT gateway or VPC endpoints.',
  fix: {
    cdk: 'Leave `assignPublicIp` unset (false) on the `FargateService` and place it in private subnets (`vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS }`); set `AssignPublicIp: DISABLED` in `AwsvpcConfiguration`.',
    terraform:
      'Leave `assign_public_ip` unset (false) in the `network_configuration` block of the `aws_ecs_service`, with `subnets` that are private.',
  },
  appliesTo: ['container-service'],
  check(view) {
    const ip = view.publicIp;
    if (ip instanceof Unknown)
      return unknown(`\`${view.name}\`: whether its tasks get a public IP cannot be resolved (${ip.reason})`);
    return ip
      ? fail(`\`${view.name}\` gives its tasks a public IP address (public IP assignment is on)`)
      : pass(`\`${view.name}\` gives its tasks no public IP address`);
  },
});
