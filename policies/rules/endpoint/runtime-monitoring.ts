import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { detectorLabel as named, detectorOf } from '../../../lib/views/common/posture';

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
    'it is off unless turned on. `EKS_RUNTIME_MONITORING` alone covers EKS clusters only. On Azure, Defender for ' +
    'Servers brings the same to virtual machines through Defender for Endpoint (endpoint detection and response).',
  fix: {
    cdk: 'Enable `RUNTIME_MONITORING` on the detector with agent management for the compute you run (`additionalConfiguration`: `ECS_FARGATE_AGENT_MANAGEMENT`, `EC2_AGENT_MANAGEMENT`, `EKS_ADDON_MANAGEMENT`).',
    terraform:
      'Add an `aws_guardduty_detector_feature` with `name = "RUNTIME_MONITORING"`, `status = "ENABLED"` and an `additional_configuration` block per agent you need (`ECS_FARGATE_AGENT_MANAGEMENT`, `EC2_AGENT_MANAGEMENT`, `EKS_ADDON_MANAGEMENT`, each `status = "ENABLED"`).',
    pulumi:
      'Set `pricingTier: "Standard"` on the `security.Pricing` of `VirtualMachines` (Defender for Servers, `subPlan` `P1` or `P2`) for the subscription.',
  },
  appliesTo: ['posture'],
  check(view) {
    if (view.service !== 'threat-detection') return notApplicable('not a threat detector');
    if (view.watches !== undefined)
      return notApplicable('a detector of one resource, not of the account its workloads run in');
    const detector = detectorOf(view, 'workload-runtime');
    const runtime = detector?.enabled;
    // A subscription's plans (Defender for Cloud) each say whether they are on; a service covering its own
    // account (GuardDuty) is switched off as a whole, and names every plan.
    const scope = view.scope;
    if (scope !== undefined) {
      if (!detector) return notApplicable(`\`${view.name}\` runs no plan that watches workload runtime`);
      if (runtime instanceof Unknown)
        return unknown(
          `\`${view.name}\`: whether ${named(detector)} runs cannot be resolved (${runtime.reason})`,
        );
      return runtime
        ? pass(`\`${view.name}\` monitors workload runtime behaviour (${named(detector)})`)
        : fail(
            `\`${view.name}\`: ${named(detector)} of \`${String(scope)}\` is off, so nothing monitors workload runtime behaviour`,
          );
    }
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
