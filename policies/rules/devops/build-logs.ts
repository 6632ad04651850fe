import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DS-009',
  title: 'Build projects keep their build logs',
  severity: 'medium',
  controls: ['mcsb-v1:DS-7', 'mcsb-v1:LT-3', 'nist-csf-2.0:PR.PS-04', 'nist-csf-2.0:PR.PS-06'],
  threats: ['malicious-code', 'insider-misuse'],
  rationale:
    'Build logs are the record of what a pipeline fetched, ran and produced: the evidence for tracing a poisoned ' +
    'dependency or a tampered build step back to the run that shipped it. A project with both CloudWatch Logs ' +
    'and S3 logs disabled keeps none.',
  fix: {
    cdk: 'Leave CloudWatch Logs on for the project (the default), or send logs to S3 (`logging: { cloudWatch: { logGroup } }` / `{ s3: { bucket } }`).',
    terraform:
      'Leave `logs_config.cloudwatch_logs` on for `aws_codebuild_project` (the default), or add `logs_config { s3_logs { status = "ENABLED", location = ... } }`.',
  },
  appliesTo: ['build-project'],
  check(view) {
    const l = view.logging;
    if (l instanceof Unknown)
      return unknown(`\`${view.name}\`: whether logs are kept cannot be resolved (${l.reason})`);
    return l
      ? pass(`\`${view.name}\` keeps its build logs`)
      : fail(`\`${view.name}\` turns off every build log destination`);
  },
});
