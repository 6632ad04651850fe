import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-101',
  title: 'Networks record flow logs of all traffic',
  severity: 'medium',
  controls: ['cis-aws-5.0:3.7', 'mcsb-v1:LT-4', 'nist-csf-2.0:DE.CM-01'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'Flow logs are the record of who talked to what inside a network: without them an investigation cannot tell ' +
    'which hosts a compromised workload reached or where data left. Accepted and rejected traffic are both needed: ' +
    'rejected flows show scanning and lateral-movement attempts, accepted flows show what succeeded.',
  fix: {
    cdk: 'Add a flow log with traffic type `ALL` to the VPC (`vpc.addFlowLog(...)` or the `flowLogs` prop with `trafficType: ec2.FlowLogTrafficType.ALL`).',
    terraform:
      'Add an `aws_flow_log` with `vpc_id` set to the VPC and `traffic_type = "ALL"`, delivering to a log group or bucket.',
    pulumi:
      'Add a `network.FlowLog` with `targetResourceId` set to the virtual network, `enabled: true`, a `storageId` and traffic analytics (`flowAnalyticsConfiguration`) into the log workspace.',
  },
  appliesTo: ['network'],
  check(view) {
    if (view.flowLogs.length === 0) return fail(`\`${view.name}\` has no flow log`);
    const off = view.flowLogs.filter((f) => f.enabled === false);
    const unsure = view.flowLogs.find((f) => f.enabled instanceof Unknown)?.enabled;
    const active = view.flowLogs.filter((f) => f.enabled === undefined || f.enabled === true);
    if (active.length === 0) {
      if (unsure instanceof Unknown)
        return unknown(
          `\`${view.name}\`: whether its flow log is enabled cannot be resolved (${unsure.reason})`,
        );
      return fail(
        `\`${view.name}\` has no enabled flow log (\`${off.map((f) => f.address.split(/\/|::/).pop()).join('`, `')}\` disabled)`,
      );
    }
    const types = active.map((f) => f.trafficType);
    const known = new Set(
      types.filter((t): t is string => typeof t === 'string').map((t) => t.toUpperCase()),
    );
    if (known.has('ALL') || (known.has('ACCEPT') && known.has('REJECT')))
      return pass(`\`${view.name}\` records flow logs of all traffic`);
    const u = types.find((t): t is Unknown => t instanceof Unknown);
    if (u)
      return unknown(`\`${view.name}\`: the traffic type of a flow log cannot be resolved (${u.reason})`);
    return fail(
      `\`${view.name}\` records flow logs of ${[...known].join(' and ')} traffic only, not \`ALL\``,
    );
  },
});
