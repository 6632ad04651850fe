import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** The Microsoft cloud security benchmark initiative of Azure Policy. */
export const MCSB_INITIATIVE =
  '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8';

export default defineRule({
  id: 'BW-PV-006',
  title: 'Every subscription whose posture is declared is assigned the Microsoft cloud security benchmark',
  severity: 'medium',
  controls: ['mcsb-v1:PV-1', 'mcsb-v1:PV-2', 'nist-csf-2.0:PR.PS-01', 'nist-csf-2.0:DE.CM-09'],
  threats: ['configuration-drift'],
  rationale:
    'The benchmark initiative is what Defender for Cloud measures a subscription against: its policies audit (or, ' +
    'enforced, deny) the configurations the benchmark names, and its compliance view is the evidence of the baseline. ' +
    'Defender assigns it by default when it is first enabled, but an assignment made that way lives outside the ' +
    'program: it can be removed or left without enforcement unseen. Declaring it beside the Defender plans keeps the ' +
    'baseline under review with the rest of the posture.',
  fix: {
    pulumi:
      'Declare an `authorization.PolicyAssignment` with `scope: "/subscriptions/<id>"` and `policyDefinitionId: "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"`.',
  },
  appliesTo: ['posture'],
  check(view, ctx) {
    if (view.scope === undefined || view.standards === undefined)
      return notApplicable('not a subscription-wide posture service');
    if (view.service === 'threat-detection') {
      const cspm = ctx
        .viewsOfKind('posture')
        .some((p) => p.service === 'cspm' && p.scope !== undefined && String(p.scope) === String(view.scope));
      if (cspm) return notApplicable('judged on the posture management plan of the subscription');
    } else if (view.service !== 'cspm') return notApplicable('not a posture management service');
    const ids = view.standards.subscribed;
    if (ids.some((id) => typeof id === 'string' && id.toLowerCase() === MCSB_INITIATIVE.toLowerCase()))
      return pass(
        `\`${view.name}\`: \`${String(view.scope)}\` is assigned the Microsoft cloud security benchmark`,
      );
    const open = ids.find((id): id is Unknown => id instanceof Unknown);
    if (open)
      return unknown(
        `\`${view.name}\`: whether \`${String(view.scope)}\` is assigned the benchmark cannot be told (${open.reason})`,
      );
    return fail(
      `\`${view.name}\`: \`${String(view.scope)}\` is not assigned the Microsoft cloud security benchmark initiative`,
    );
  },
});
