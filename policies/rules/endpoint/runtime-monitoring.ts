import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { detectorOf } from '../../../lib/views/common/posture';

export default defineRule({
  id: 'BW-ES-002',
  title: 'Threat detectors monitor workload runtime behaviour',
  severity: 'medium',
  controls: ['mcsb-v1:ES-1', 'nist-csf-2.0:DE.CM-09'],
  threats: ['malicious-code', 'privilege-escalation'],
  rationale:
    'GuardDuty Runtime Monitoring runs a managed agent on EC2 instances, ECS (Fargate included) and EKS nodes and ' +
    'reports process, file and network behaviour of compromise (reverse shells, crypto-miners, container escapes): ' +
    'the endpoint detection and response MCSB ES-1 asks for on cloud workloads. Unlike the other protection plans ' +
    'it is off unless turned on. `EKS_RUNTIME_MONITORING` alone covers EKS clusters only.',
  fix: {
    cdk: 'Enable `RUNTIME_MONITORING` on the detector with agent management for the compute you run (`additionalConfiguration`: `ECS_FARGATE_AGENT_MANAGEMENT`, `EC2_AGENT_MANAGEMENT`, `EKS_ADDON_MANAGEMENT`).',
    terraform:
      'Add an `aws_guardduty_detector_feature` with `name = "RUNTIME_MONITORING"`, `status = "ENABLED"` and an `additional_configuration` block per agent you need (`ECS_FARGATE_AGENT_MANAGEMENT`, `EC2_AGENT_MANAGEMENT`, `EKS_ADDON_MANAGEMENT`, each `status = "ENABLED"`).',
  },
  appliesTo: ['posture'],
  check(view) {
    if (view.service !== 'threat-detection') return notApplicable('not a threat detector');
    if (view.watches !== undefined)
      return notApplicable('a detector of one resource, not of the account its workloads run in');
    const runtime = detectorOf(view, 'workload-runtime')?.enabled;
    if (view.enabled === false)
      return fail(`\`${view.name}\` is disabled, so Runtime Monitoring does not run`);
    const u = [view.enabled, runtime].find((x): x is Unknown => x instanceof Unknown);
    if (u)
      return unknown(`\`${view.name}\`: whether Runtime Monitoring runs cannot be resolved (${u.reason})`);
    if (runtime === true) return pass(`\`${view.name}\` monitors workload runtime behaviour`);
    if (detectorOf(view, 'kubernetes-runtime')?.enabled === true)
      return fail(`\`${view.name}\` monitors the runtime of EKS clusters only (\`EKS_RUNTIME_MONITORING\`)`);
    return fail(`\`${view.name}\` does not enable Runtime Monitoring (\`RUNTIME_MONITORING\`)`);
  },
});
