import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { describeRange, sourceRange, type SourceRange } from '../../../lib/views/common/cidr';

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
    'this rule accepts one limited to named ranges, an access control EKS documents. Any /0 is the internet ' +
    'whatever its address part, and so is a public range wider than a /8 (IPv4) or /16 (IPv6); a range that is ' +
    'not a CIDR is unknown. AKS API servers are public unless the cluster is private; authorized IP ranges limit who reaches them.',
  fix: {
    cdk: 'Use `endpointAccess: eks.EndpointAccess.PRIVATE` (or `PUBLIC_AND_PRIVATE.onlyFrom(...)` with your ranges) on the CDK cluster, or set `ResourcesVpcConfig.EndpointPublicAccess: false` and `EndpointPrivateAccess: true` on `AWS::EKS::Cluster` (or list `PublicAccessCidrs`).',
    terraform:
      'On `aws_eks_cluster` set `vpc_config { endpoint_public_access = false, endpoint_private_access = true }`, or list your ranges in `vpc_config.public_access_cidrs`.',
    pulumi:
      'On the `containerservice.ManagedCluster` set `apiServerAccessProfile: { enablePrivateCluster: true }`, or list your ranges in `apiServerAccessProfile.authorizedIPRanges`.',
  },
  appliesTo: ['kubernetes-cluster'],
  check(view) {
    const pub = view.apiPublic;
    if (pub instanceof Unknown)
      return unknown(
        `\`${view.name}\`: public access to the API endpoint cannot be resolved (${pub.reason})`,
      );
    if (!pub) return pass(`\`${view.name}\` has a private API endpoint only`);
    const ranges = view.apiAllowedCidrs.map(sourceRange);
    const world = ranges.find((r): r is SourceRange => !(r instanceof Unknown) && r.reach !== 'limited');
    if (world !== undefined)
      return fail(
        `\`${view.name}\` exposes its Kubernetes API endpoint to the internet (\`${world.text}\`${describeRange(world).slice(world.text.length)})`,
      );
    const open = ranges.find((r): r is Unknown => r instanceof Unknown);
    if (open)
      return unknown(
        `\`${view.name}\`: the ranges allowed to reach the public API endpoint cannot be resolved (${open.reason})`,
      );
    return pass(
      `\`${view.name}\` limits its public API endpoint to \`${(view.apiAllowedCidrs as string[]).join('`, `')}\``,
    );
  },
});
