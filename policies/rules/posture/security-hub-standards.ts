import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** Standards that audit the account's configuration against a benchmark. */
const BENCHMARKS = [
  /standards\/aws-foundational-security-best-practices\//,
  /cis-aws-foundations-benchmark\//,
];

export default defineRule({
  id: 'BW-PV-003',
  title: 'Security Hub is enabled with the foundational or CIS standard',
  severity: 'medium',
  controls: [
    'cis-aws-5.0:4.16',
    'mcsb-v1:PV-1',
    'mcsb-v1:PV-2',
    'mcsb-v1:LT-5',
    'nist-csf-2.0:PR.PS-01',
    'nist-csf-2.0:DE.AE-03',
  ],
  threats: ['configuration-drift', 'unauthorized-access'],
  rationale:
    'Security Hub evaluates the account continuously against benchmark controls and gathers the findings of ' +
    'GuardDuty, Inspector, Macie and Config in one place. A hub with its default standards turned off and no ' +
    'standard enabled runs no checks of its own: it is enabled in name only. The enabled standards are the ' +
    'secure configuration baseline the account is held to.',
  fix: {
    cdk: 'Leave `enableDefaultStandards` on, or declare `CfnStandard` resources for `aws-foundational-security-best-practices/v/1.0.0` and `cis-aws-foundations-benchmark/v/5.0.0` beside the `CfnHub` (the `SecurityPosture` construct does both).',
    terraform:
      'Leave `enable_default_standards` on the `aws_securityhub_account` (its default), or declare `aws_securityhub_standards_subscription` resources for `aws-foundational-security-best-practices/v/1.0.0` and `cis-aws-foundations-benchmark/v/5.0.0`.',
  },
  appliesTo: ['posture'],
  check(view) {
    const standards = view.standards;
    if (view.service !== 'cspm' || standards === undefined) return notApplicable('not a CSPM service');
    const std = standards.subscribed.find(
      (k): k is string => typeof k === 'string' && BENCHMARKS.some((re) => re.test(k)),
    );
    if (std) return pass(`\`${view.name}\` enables standard \`${std.split('::').pop()}\``);
    const defaults = standards.defaults;
    if (defaults === true) return pass(`\`${view.name}\` enables the default standards`);
    const open =
      defaults instanceof Unknown
        ? defaults
        : [...standards.subscribed, standards.autoEnableControls].find(
            (v): v is Unknown => v instanceof Unknown,
          );
    if (open)
      return unknown(`\`${view.name}\`: which standards are enabled cannot be resolved (${open.reason})`);
    return fail(`\`${view.name}\` turns off the default standards and enables no benchmark standard`);
  },
});
