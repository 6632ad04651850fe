import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { detectorLabel as named, detectorOf } from '../../../lib/views/common/posture';

export default defineRule({
  id: 'BW-LT-107',
  title: 'Threat detectors watch data-plane access to object stores',
  severity: 'medium',
  controls: ['mcsb-v1:DP-2', 'mcsb-v1:LT-1', 'nist-csf-2.0:DE.CM-09'],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'GuardDuty S3 Protection analyses S3 data events (GetObject, PutObject, DeleteObject) for anomalous access to ' +
    'data: exfiltration from unusual locations, access by known-bad hosts, disabled logging before a download. ' +
    'Foundational GuardDuty sees only management events, so data theft through valid credentials goes unseen ' +
    'without it. A new detector enables it unless the template turns it off. On Azure, Defender for Storage ' +
    'watches the data-plane operations of storage accounts the same way.',
  fix: {
    cdk: 'Leave `S3_DATA_EVENTS` enabled on the detector (`features: [{ name: "S3_DATA_EVENTS", status: "ENABLED" }]`), and keep the detector enabled.',
    terraform:
      'Leave S3 Protection on: no `aws_guardduty_detector_feature` with `name = "S3_DATA_EVENTS"` and `status = "DISABLED"` (nor `datasources { s3_logs { enable = false } }`), and keep `enable = true` on the `aws_guardduty_detector`.',
    pulumi:
      'Set `pricingTier: "Standard"` on the `security.Pricing` of `StorageAccounts` (Defender for Storage, `subPlan: "DefenderForStorageV2"`) for the subscription.',
  },
  appliesTo: ['posture'],
  check(view) {
    if (view.service !== 'threat-detection') return notApplicable('not a threat detector');
    if (view.watches !== undefined)
      return notApplicable('a detector of one resource, not of the account its workloads run in');
    const detector = detectorOf(view, 'object-store-data', 'threat-detection');
    const s3 = detector?.enabled;
    const on = view.enabled;
    // A subscription's plans (Defender for Cloud) each say whether they are on; a service covering its own
    // account (GuardDuty) is switched off as a whole, and names every plan.
    const scope = view.scope;
    if (scope !== undefined) {
      if (!detector) return notApplicable(`\`${view.name}\` runs no plan that watches storage data access`);
      if (s3 instanceof Unknown)
        return unknown(`\`${view.name}\`: whether ${named(detector)} runs cannot be resolved (${s3.reason})`);
      return s3
        ? pass(`\`${view.name}\` watches data-plane access to storage (${named(detector)})`)
        : fail(
            `\`${view.name}\`: ${named(detector)} of \`${String(scope)}\` is off, so data-plane access to storage is not watched`,
          );
    }
    if (on === false) return fail(`\`${view.name}\` is disabled, so S3 Protection does not run`);
    if (s3 === false) return fail(`\`${view.name}\` turns off S3 Protection (\`S3_DATA_EVENTS\`)`);
    const u = [on, s3].find((x): x is Unknown => x instanceof Unknown);
    if (u || s3 === undefined)
      return unknown(
        `\`${view.name}\`: whether S3 Protection runs cannot be resolved${u ? ` (${u.reason})` : ''}`,
      );
    return pass(`\`${view.name}\` watches S3 data events`);
  },
});
