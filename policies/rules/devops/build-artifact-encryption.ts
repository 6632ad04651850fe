import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DS-008',
  title: 'Build projects encrypt artifacts with a customer-managed key',
  severity: 'low',
  controls: ['mcsb-v1:DS-3', 'mcsb-v1:DP-5', 'nist-csf-2.0:PR.DS-01', 'nist-csf-2.0:PR.PS-06'],
  threats: ['malicious-code', 'data-breach'],
  rationale:
    'Build artifacts are what gets deployed: whoever can read them learns the code, and whoever can replace them ' +
    'ships it. CodeBuild encrypts them with the AWS managed `aws/s3` key by default, which every principal with S3 ' +
    'access to the bucket can use. A customer-managed key puts reading and writing artifacts behind a key policy ' +
    'the pipeline owns.',
  fix: {
    cdk: "Set `encryptionKey` on the `codebuild.Project` (and the pipeline's artifact bucket) to a customer-managed KMS key.",
    terraform:
      'Set `encryption_key` on `aws_codebuild_project` to a customer-managed `aws_kms_key`, and leave `encryption_disabled` unset on its artifacts.',
  },
  appliesTo: ['build-project'],
  check(view) {
    const at = view.encryption.atRest;
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: the artifact key cannot be resolved (${at.reason})`);
    if (at === 'none')
      return fail(`\`${view.name}\` writes artifacts unencrypted (artifact encryption is disabled)`);
    if (at === 'customer-key' || at === 'double')
      return pass(`\`${view.name}\` encrypts artifacts with a customer-managed key`);
    return fail(`\`${view.name}\` encrypts artifacts with the AWS managed key, not a customer-managed key`);
  },
});
