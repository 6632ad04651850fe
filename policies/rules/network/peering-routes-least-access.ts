import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { parseCidr } from '../../../lib/views/common/cidr';

/** Prefix lengths shorter than these cover more than one VPC could hold (VPCs are /16 at most). */
const WIDEST = { ipv4: 16, ipv6: 56 };

/**
 * Whether a destination covers more than a VPC (any /0 is the default route); Unknown when it is
 * neither a CIDR nor a prefix list id (a route's destination is one or the other).
 */
function tooWide(destination: string): boolean | Unknown {
  const cidr = parseCidr(destination);
  if (cidr) return cidr.prefix < WIDEST[cidr.family];
  if (!destination.includes('/')) return false; // a prefix list: the list's owner decides its entries
  return new Unknown(`\`${destination}\` is not an IPv4 or IPv6 CIDR`);
}

export default defineRule({
  id: 'BW-NS-018',
  title: 'Routes through VPC peering connections cover only the ranges that need them',
  severity: 'medium',
  controls: ['cis-aws-5.0:5.6', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'A peering route for the default route, or for a block wider than any VPC, sends traffic for every network ' +
    'behind the peer through the connection, joining segments that were meant to stay apart. "Least access" ' +
    'routing names the subnets (or at most the VPC range) that must talk to each other.',
  fix: {
    cdk: 'Route only the peer subnets (or the peer VPC CIDR) that the workload needs through the peering connection, per route table of the subnets that need it.',
    terraform:
      'Give each `route` of the `aws_route_table` (or `aws_route`) with `vpc_peering_connection_id` a `cidr_block` / `destination_cidr_block` no wider than the peer subnets (or peer VPC CIDR) the workload needs.',
  },
  appliesTo: ['route-table'],
  check(view) {
    const peering = view.routes.filter((r) => r.via === 'peering');
    if (peering.length === 0) return notApplicable(`\`${view.name}\` has no peering route`);
    return peering.map((r): CheckResult => {
      const where = r.declaredBy.split('/').pop()!;
      const d = r.destination;
      if (d instanceof Unknown)
        return unknown(
          `\`${view.name}\`: the destination of peering route \`${where}\` cannot be resolved (${d.reason})`,
          where,
        );
      const wide = tooWide(d);
      if (wide instanceof Unknown)
        return unknown(
          `\`${view.name}\`: peering route \`${where}\` cannot be judged (${wide.reason})`,
          where,
        );
      return wide
        ? fail(`\`${view.name}\` routes \`${d}\` through a peering connection (route \`${where}\`)`, where)
        : pass(`\`${view.name}\` routes \`${d}\` through a peering connection`, where);
    });
  },
});
