import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { Fact, PolicyStatement } from '../../../lib/views/kinds';

/** Whether one of `values` is `all` (for actions: `*` or `service:*`); Unknown when an unresolved value might be. */
function covers(values: readonly Fact<string>[], all: (v: string) => boolean): boolean | Unknown {
  if (values.some((v) => typeof v === 'string' && all(v))) return true;
  return values.find((v): v is Unknown => v instanceof Unknown) ?? false;
}

/**
 * Whether a statement allows every principal every action on every resource, unconditionally (the
 * policy AWS attaches to an endpoint that declares none).
 */
function fullAccess(s: PolicyStatement): boolean | Unknown {
  if (s.effect instanceof Unknown) return s.effect;
  if (s.effect !== 'Allow' || Object.keys(s.conditions).length > 0) return false;
  if (s.notActions.length > 0 || s.notResources.length > 0) return false;
  const parts = [
    covers(s.principals, (p) => p === '*'),
    covers(s.actions, (a) => a === '*' || /^[A-Za-z0-9-]+:\*$/.test(a)),
    covers(s.resources, (r) => r === '*'),
  ];
  if (parts.includes(false)) return false;
  return parts.find((x): x is Unknown => x instanceof Unknown) ?? true;
}

export default defineRule({
  id: 'BW-NS-023',
  title: 'Private service endpoints carry a policy narrower than full access',
  severity: 'low',
  controls: ['mcsb-v1:NS-2', 'nist-csf-2.0:PR.IR-01', 'nist-csf-2.0:PR.AA-05'],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'A gateway or interface VPC endpoint without a policy gets one that lets any principal reach any resource of ' +
    'the service through it: a workload in the network can copy data to a bucket or queue in an account the ' +
    'organisation does not own, and the traffic never crosses an egress control. An endpoint policy naming the ' +
    "organisation's principals or resources (`aws:PrincipalOrgID`, `aws:ResourceOrgID`, bucket ARNs) closes that " +
    'exfiltration path. Advisory by default: some services reject endpoint policies, and identity and resource ' +
    'policies still apply.',
  fix: {
    cdk: 'Call `endpoint.addToPolicy(...)` with statements limited to your resources or organisation (for example `aws:ResourceOrgID`), or set `PolicyDocument` on the `AWS::EC2::VPCEndpoint`.',
    terraform:
      "Set `policy` on the `aws_vpc_endpoint` (a JSON document or an `aws_iam_policy_document`'s `json`) with statements limited to your resources or organisation (for example a `aws:ResourceOrgID` condition).",
  },
  appliesTo: ['private-endpoint'],
  check(view) {
    const supported = view.policySupported;
    if (supported instanceof Unknown)
      return unknown(`\`${view.name}\`: the endpoint type cannot be resolved (${supported.reason})`);
    if (!supported) return notApplicable(`\`${view.name}\` is a type of endpoint that takes no policy`);
    const service = view.service instanceof Unknown ? view.service.toString() : view.service;
    const policy = view.policy;
    if (policy === undefined)
      return fail(
        `\`${view.name}\` has no endpoint policy: any principal may reach any resource of \`${service}\` through it`,
      );
    if (policy.unresolved)
      return unknown(
        `\`${view.name}\`: the endpoint policy cannot be resolved (${policy.unresolved.reason})`,
      );
    const results: CheckResult[] = [];
    policy.statements.forEach((s, i) => {
      const full = fullAccess(s);
      const label = s.sid ?? `statement ${i + 1}`;
      if (full instanceof Unknown)
        results.push(
          unknown(
            `\`${view.name}\`: whether ${label} of the endpoint policy allows everything cannot be resolved (${full.reason})`,
            label,
          ),
        );
      else if (full)
        results.push(
          fail(
            `\`${view.name}\`: ${label} of the endpoint policy allows every principal every action on every resource of \`${service}\``,
            label,
          ),
        );
    });
    return results.length
      ? results
      : pass(`\`${view.name}\` limits what can be reached through it with an endpoint policy`);
  },
});
