import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { Classification, atLeast } from '../../../lib/classification';

export default defineRule({
  id: 'BW-NS-016',
  title: 'Functions handling confidential data and above run inside a network',
  severity: 'low',
  controls: ['mcsb-v1:NS-2', 'classification:PUBLIC-ACCESS', 'nist-csf-2.0:PR.IR-01'],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'A function outside a VPC reaches data stores over public endpoints and can send data anywhere on the internet. ' +
    'Attached to private subnets it reaches classified stores through VPC endpoints, which RESTRICTED and ' +
    'TOP_SECRET stores require, and its egress passes the network controls. Functions are tagged with the level of ' +
    'the data they handle.',
  fix: {
    cdk: 'Attach the function to private subnets (`vpc` and `vpcSubnets` on `lambda.Function`) and reach AWS services through VPC endpoints.',
    terraform:
      'Attach the function to private subnets (`vpc_config { subnet_ids, security_group_ids }` on `aws_lambda_function`) and reach AWS services through `aws_vpc_endpoint`s.',
  },
  appliesTo: ['function'],
  check(view) {
    const c = view.classification;
    if (c === undefined || c.state === 'untagged')
      return notApplicable(`\`${view.name}\` carries no classification`);
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: the classification tag cannot be resolved (${c.value.reason})`);
    if (c.state === 'invalid') return notApplicable(`\`${view.name}\`: invalid classification \`${c.raw}\``);
    if (!atLeast(c.level, Classification.CONFIDENTIAL))
      return notApplicable(`\`${view.name}\` handles ${c.level} data`);
    const n = view.inNetwork;
    if (n instanceof Unknown)
      return unknown(`\`${view.name}\`: whether it runs in a VPC cannot be resolved (${n.reason})`);
    return n
      ? pass(`\`${view.name}\` (${c.level}) runs in a VPC`)
      : fail(`\`${view.name}\` handles ${c.level} data and runs outside any VPC`);
  },
});
