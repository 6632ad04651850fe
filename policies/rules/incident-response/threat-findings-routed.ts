import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { EventRouteView, Fact } from '../../../lib/views/kinds';

/** Where findings are published: the service's event source and detail type. */
const GUARDDUTY = { source: 'aws.guardduty', detailType: 'GuardDuty Finding', name: 'GuardDuty' };
const SECURITY_HUB = {
  source: 'aws.securityhub',
  detailType: 'Security Hub Findings - Imported',
  name: 'Security Hub',
};

/** Whether an event route delivers the findings of one service to at least one target. */
function routes(
  r: EventRouteView,
  f: { readonly source: string; readonly detailType: string },
): Fact<boolean> {
  for (const fact of [r.enabled, r.bus, r.sources, r.detailTypes]) if (fact instanceof Unknown) return fact;
  if (r.enabled !== true || r.bus !== 'default' || r.targets.length === 0) return false;
  const sources = r.sources as readonly string[] | undefined;
  const types = r.detailTypes as readonly string[] | undefined;
  if (sources === undefined || types === undefined) return false; // scheduled rule
  if (sources.length === 0 && types.length === 0) return false; // matches on content only
  if (sources.length > 0 && !sources.includes(f.source)) return false;
  return types.length === 0 || types.includes(f.detailType);
}

export default defineRule({
  id: 'BW-IR-001',
  title: 'Threat detection findings are routed to responders',
  severity: 'medium',
  controls: [
    'cis-azure-6.0:8.1.14',
    'mcsb-v1:IR-2',
    'mcsb-v1:IR-3',
    'nist-csf-2.0:RS.CO-02',
    'nist-csf-2.0:DE.AE-06',
  ],
  threats: ['malicious-code', 'unauthorized-access', 'insider-misuse'],
  rationale:
    'A finding nobody sees is a detection wasted. GuardDuty publishes its findings as events on the default ' +
    'EventBridge bus; an enabled rule matching them (`source: aws.guardduty`), or Security Hub findings into which ' +
    'GuardDuty reports when Security Hub is on, must send them to a target (a notification topic, a queue, a ' +
    'response function). A rule in another account (a delegated administrator) cannot be seen here. ' +
    'Defender for Cloud mails its alerts to the security contacts of the subscription: an enabled contact that ' +
    'names responders and takes the `Alert` source routes them.',
  fix: {
    cdk:
      'Add `IncidentRouting` (which routes GuardDuty and Security Hub findings by severity to notification topics), or ' +
      "an `events.Rule` with `eventPattern: { source: ['aws.guardduty'], detailType: ['GuardDuty Finding'] }` and a target.",
    terraform:
      'Add an `aws_cloudwatch_event_rule` on the default bus whose `event_pattern` matches `"source": ["aws.guardduty"]` ' +
      '(and `"detail-type": ["GuardDuty Finding"]`), with an `aws_cloudwatch_event_target` sending them to a topic, ' +
      'queue or response function.',
    pulumi:
      'Declare a `security.SecurityContact` with `isEnabled: true`, `emails` of the responders and `notificationsSources: [{ sourceType: "Alert", minimalSeverity: "Medium" }]` (and `notificationsByRole: { state: "On", roles: ["Owner"] }`).',
  },
  appliesTo: ['posture'],
  check(view, ctx) {
    if (view.service !== 'threat-detection') return notApplicable('not a threat detector');
    if (view.enabled === false) return notApplicable('the detector is disabled (BW-LT-102 reports it)');
    const own = view.alerts;
    if (own !== undefined) {
      let open: Unknown | undefined;
      for (const route of ctx.viewsOfKind('event-route')) {
        const r = routes(route, own);
        if (r === true)
          return pass(`\`${view.name}\` alerts reach people through \`${route.name}\` (${own.name})`);
        if (r instanceof Unknown) open ??= r;
      }
      if (open)
        return unknown(
          `\`${view.name}\`: whether a contact receives its alerts cannot be told (${open.reason})`,
        );
      return fail(
        `\`${view.name}\` findings are not routed: no enabled contact or route receives ${own.name}`,
      );
    }
    const hubOn = ctx.viewsOfKind('posture').some((p) => p.service === 'cspm' && p.enabled === true);
    let unresolved: Unknown | undefined;
    for (const route of ctx.viewsOfKind('event-route')) {
      for (const f of hubOn ? [GUARDDUTY, SECURITY_HUB] : [GUARDDUTY]) {
        const r = routes(route, f);
        if (r === true)
          return pass(`\`${view.name}\` findings reach a target through \`${route.name}\` (${f.name})`);
        if (r instanceof Unknown) unresolved ??= r;
      }
    }
    if (unresolved)
      return unknown(
        `\`${view.name}\`: whether an event rule routes its findings cannot be told (${unresolved.reason})`,
      );
    return fail(`\`${view.name}\` findings are not routed: no enabled event rule sends them to a target`);
  },
});
