import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { DetectorScope, PostureView } from '../../../lib/views/kinds';

/** What a subscription-wide threat protection service must watch: workloads, data, keys, clusters and the control plane. */
const REQUIRED: readonly { readonly scope: DetectorScope; readonly what: string }[] = [
  { scope: 'workload-runtime', what: 'virtual machines' },
  { scope: 'object-store-data', what: 'storage data access' },
  { scope: 'database-logins', what: 'databases' },
  { scope: 'key-stores', what: 'key vaults' },
  { scope: 'kubernetes-audit-logs', what: 'Kubernetes clusters' },
  { scope: 'account-activity', what: 'control-plane activity' },
];

const sameScope = (a: PostureView, b: PostureView): boolean =>
  typeof a.scope === 'string' && typeof b.scope === 'string'
    ? a.scope.toLowerCase() === b.scope.toLowerCase()
    : a.scope !== undefined && b.scope !== undefined && String(a.scope) === String(b.scope);

export default defineRule({
  id: 'BW-LT-109',
  title: 'Subscription-wide threat protection runs every plan, with posture management (CSPM) beside it',
  severity: 'high',
  controls: [
    'cis-azure-6.0:8.1.1.1',
    'cis-azure-6.0:8.1.3.1',
    'cis-azure-6.0:8.1.4.1',
    'cis-azure-6.0:8.1.5.1',
    'cis-azure-6.0:8.1.8.1',
    'mcsb-v1:LT-1',
    'mcsb-v1:PV-2',
    'nist-csf-2.0:DE.CM-01',
    'nist-csf-2.0:DE.CM-09',
  ],
  threats: ['unauthorized-access', 'malicious-code', 'configuration-drift'],
  rationale:
    'Defender for Cloud is priced and switched per plan and subscription: a plan left at the `Free` tier, or never ' +
    'declared, watches nothing of its resource type, while the others suggest the subscription is covered. Servers, ' +
    'storage, databases, key vaults, Kubernetes and the resource manager are where attacks land and move, so each ' +
    'needs its plan on; Defender CSPM (`CloudPosture`) adds attack-path analysis and the agentless scanning the ' +
    'benchmark recommendations rely on. A plan declared outside the program (another stack, the portal) cannot be ' +
    'seen here: declare them where the subscription is governed.',
  fix: {
    pulumi:
      'Declare a `security.Pricing` with `pricingTier: "Standard"` for every plan (`VirtualMachines`, `StorageAccounts`, `SqlServers`, `KeyVaults`, `Containers`, `Arm`...) and for `CloudPosture` at the subscription\'s `scopeId`.',
  },
  appliesTo: ['posture'],
  check(view, ctx) {
    if (view.scope === undefined) return notApplicable('not a subscription-wide posture service');
    if (view.service === 'cspm') {
      const on = view.enabled;
      if (on instanceof Unknown)
        return unknown(
          `\`${view.name}\`: whether posture management is on cannot be resolved (${on.reason})`,
        );
      return on
        ? pass(`\`${view.name}\` runs posture management (CSPM) for \`${String(view.scope)}\``)
        : fail(`\`${view.name}\` turns posture management (CSPM) off for \`${String(view.scope)}\``);
    }
    if (view.service !== 'threat-detection') return notApplicable('not a threat protection service');
    const out: CheckResult[] = [];
    const off = new Set<string>();
    // Add-ons of a plan (an extension) are judged by the rules of their own type, not as plans.
    for (const d of view.detectors.filter((x) => x.partOf === undefined)) {
      if (d.enabled === false) off.add(d.name);
      else if (d.enabled instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: whether plan \`${d.name}\` is on cannot be resolved (${d.enabled.reason})`,
            d.name,
          ),
        );
    }
    for (const name of off)
      out.push(fail(`\`${view.name}\`: plan \`${name}\` of \`${String(view.scope)}\` is off`, name));
    for (const r of REQUIRED)
      if (!view.detectors.some((d) => d.scope === r.scope))
        out.push(fail(`\`${view.name}\`: no plan of \`${String(view.scope)}\` watches ${r.what}`, r.scope));
    const cspm = ctx.viewsOfKind('posture').some((p) => p.service === 'cspm' && sameScope(p, view));
    if (!cspm)
      out.push(
        fail(`\`${view.name}\`: \`${String(view.scope)}\` has no posture management (CSPM) plan`, 'cspm'),
      );
    return out.length ? out : [pass(`\`${view.name}\` runs every plan for \`${String(view.scope)}\``)];
  },
});
