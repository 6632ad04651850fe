import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-102',
  title: 'Threat detectors are enabled',
  severity: 'high',
  controls: [
    'mcsb-v1:LT-1',
    'mcsb-v1:LT-2',
    'nist-csf-2.0:DE.CM-01',
    'nist-csf-2.0:DE.CM-09',
    'nist-csf-2.0:DE.AE-02',
  ],
  threats: ['unauthorized-access', 'malicious-code', 'insider-misuse'],
  rationale:
    'GuardDuty analyses CloudTrail, VPC flow and DNS logs for credential misuse, crypto-mining, exfiltration and ' +
    'known-bad hosts. A detector declared with `Enable: false` produces no findings while suggesting coverage. ' +
    'Defender for Cloud plans do the same on Azure subscriptions; a plan at the `Free` tier detects nothing.',
  fix: {
    cdk: 'Set `enable: true` on the `CfnDetector` (and turn on the protection plans your workloads need through `features`).',
    terraform:
      'Set `enable = true` on the `aws_guardduty_detector` (its default) and turn on the protection plans your workloads need with `aws_guardduty_detector_feature`.',
    pulumi:
      'Set `pricingTier: "Standard"` on the `security.Pricing` plans of the subscription (`VirtualMachines`, `StorageAccounts`, `SqlServers`, `Containers`, `KeyVaults`, `Arm`...); `Free` turns Defender for Cloud threat protection off. On a `sql.ServerSecurityAlertPolicy`, set `state: "Enabled"`.',
  },
  appliesTo: ['posture'],
  check(view, ctx) {
    if (view.service !== 'threat-detection') return notApplicable('not a threat detector');
    const on = view.enabled;
    if (on instanceof Unknown)
      return unknown(`\`${view.name}\`: whether the detector is enabled cannot be resolved (${on.reason})`);
    const watched =
      view.watches === undefined ? undefined : (ctx.viewOf(view.watches, 'data-store')?.name ?? view.watches);
    return on
      ? pass(`\`${view.name}\` is enabled`)
      : fail(
          watched !== undefined
            ? `\`${view.name}\` is disabled: threat detection of \`${watched}\` is off`
            : view.scope === undefined
              ? `\`${view.name}\` is disabled (\`Enable: false\`)`
              : `\`${view.name}\` is disabled: no threat-protection plan of \`${String(view.scope)}\` is on (${view.detectors
                  .filter((d) => d.partOf === undefined)
                  .map((d) => `\`${d.name}\``)
                  .filter((n, i, a) => a.indexOf(n) === i)
                  .join(', ')} off)`,
        );
  },
});
