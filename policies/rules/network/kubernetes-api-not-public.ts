import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** A CIDR with a prefix length of 0 (`0.0.0.0/0`, `::/0`, or any address written with `/0`): the whole internet. */
function isWorld(cidr: string): boolean {
  return /\/0+$/.test(cidr.trim());
}

export default defineRule({
  id: 'BW-NS-027',
  title: 'Kubernetes API endpoints are not open to the internet',
  severity: 'high',
  controls: ['mcsb-v1:NS-2', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access', 'privilege-escalation'],
  rationale:
    'The Kubernetes API server is the control plane of every workload in the cluster. EKS exposes it on a public ' +
    'endpoint open to `0.0.0.0/0` unless told otherwise, so a leaked kubeconfig, token or role credential, or a flaw ' +
    'in the API server, is usable from anywhere. A private endpoint (reachable from the VPC) or a public endpoint ' +
    "limited to the operators' address ranges removes that exposure. Security Hub EKS.1 fails every public endpoint; " +
    'this rule accepts one limited to named ranges, an access control EKS documents.',
  fix: 'Use `endpointAccess: eks.EndpointAccess.PRIVATE` (or `PUBLIC_AND_PRIVATE.onlyFrom(...)` with your ranges) on the CDK cluster, or set `ResourcesVpcConfig.EndpointPublicAccess: false` and `EndpointPrivateAccess: true` on `AWS::EKS::Cluster` (or list `PublicAccessCidrs`).',
  appliesTo: ['kubernetes-cluster'],
  check(view) {
    const pub = view.apiPublic;
    if (pub instanceof Unknown)
      return unknown(
        `\`${view.name}\`: public access to the API endpoint cannot be resolved (${pub.reason})`,
      );
    if (!pub) return pass(`\`${view.name}\` has a private API endpoint only`);
    const world = view.apiAllowedCidrs.find((c) => typeof c === 'string' && isWorld(c));
    if (world !== undefined)
      return fail(
        `\`${view.name}\` exposes its Kubernetes API endpoint to the internet (\`${world as string}\`)`,
      );
    const open = view.apiAllowedCidrs.find((c): c is Unknown => c instanceof Unknown);
    if (open)
      return unknown(
        `\`${view.name}\`: the ranges allowed to reach the public API endpoint cannot be resolved (${open.reason})`,
      );
    return pass(
      `\`${view.name}\` limits its public API endpoint to \`${(view.apiAllowedCidrs as string[]).join('`, `')}\``,
    );
  },
});
