import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-003',
  title: 'Trails are logging in all regions',
  severity: 'high',
  controls: ['cis-aws-5.0:3.1', 'mcsb-v1:LT-3', 'nist-csf-2.0:PR.PS-04', 'sox:404-AUDIT-TRAIL'],
  threats: ['insider-misuse', 'unauthorized-access'],
  rationale:
    'An attacker works in whichever region nobody watches. A multi-region trail records API activity in every region, ' +
    'including regions enabled later, and a trail that is not logging records nothing at all.',
  fix: {
    cdk: 'Set `isMultiRegionTrail: true` on the trail (the `Trail` construct default) and keep it logging.',
    terraform: 'Set `is_multi_region_trail = true` on the `aws_cloudtrail` (and keep `enable_logging` true).',
    pulumi:
      'Send the `Administrative` category (with `Security` and `Policy`) in the `monitor.SubscriptionDiagnosticSetting`: ' +
      "`logs: [{ category: 'Administrative', enabled: true }, ...]`; the activity log covers every region.",
  },
  appliesTo: ['audit-trail'],
  check(view) {
    const out: CheckResult[] = [];
    const { logging, multiRegion } = view;
    if (logging instanceof Unknown)
      out.push(unknown(`\`${view.name}\`: logging state cannot be resolved (${logging.reason})`, 'logging'));
    else if (!logging) out.push(fail(`\`${view.name}\` is not logging (logging is off)`, 'logging'));
    if (multiRegion instanceof Unknown) {
      out.push(
        unknown(`\`${view.name}\`: multi-region cannot be resolved (${multiRegion.reason})`, 'multi-region'),
      );
    } else if (!multiRegion) {
      out.push(
        fail(`\`${view.name}\` logs only its own region (it is not a multi-region trail)`, 'multi-region'),
      );
    }
    return out.length > 0 ? out : pass(`\`${view.name}\` is logging in all regions`);
  },
});
