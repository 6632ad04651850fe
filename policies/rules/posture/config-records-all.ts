import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-PV-001',
  title: 'Configuration recorders record every resource type, global IAM types included',
  severity: 'medium',
  controls: ['cis-aws-5.0:3.3', 'mcsb-v1:PV-2', 'mcsb-v1:PV-4', 'mcsb-v1:AM-1', 'nist-csf-2.0:ID.AM-02'],
  threats: ['configuration-drift', 'unauthorized-access'],
  rationale:
    'AWS Config is the inventory and configuration history that audits and investigations rely on; Security Hub ' +
    'and Config rules evaluate only what it records. A recorder limited to some types, without the global IAM ' +
    'types, or not started, leaves changes to the rest unrecorded.',
  fix: {
    cdk: 'Declare the recorder with `recordingGroup: { allSupported: true, includeGlobalResourceTypes: true }` and leave `startedOnCreate` on its default (true).',
    terraform:
      'Declare the `aws_config_configuration_recorder` with `recording_group { all_supported = true, include_global_resource_types = true }` and start it with an `aws_config_configuration_recorder_status` whose `is_enabled = true`.',
  },
  appliesTo: ['posture'],
  check(view) {
    const recording = view.recording;
    if (view.service !== 'config-recorder' || recording === undefined)
      return notApplicable('not a configuration recorder');
    const out: CheckResult[] = [];
    const facts: [string, unknown, string][] = [
      ['started', view.enabled, 'is not started (recording is off)'],
      ['all-supported', recording.allSupported, 'does not record all supported resource types'],
      ['global', recording.globalTypes, 'does not record global IAM resource types'],
    ];
    for (const [key, v, bad] of facts) {
      if (v instanceof Unknown)
        out.push(unknown(`\`${view.name}\`: ${key} cannot be resolved (${v.reason})`, key));
      else if (v !== true) out.push(fail(`\`${view.name}\` ${bad}`, key));
    }
    return out.length ? out : [pass(`\`${view.name}\` records every resource type`)];
  },
});
