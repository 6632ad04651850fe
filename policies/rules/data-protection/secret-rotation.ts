import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-020',
  title: 'Secrets rotate automatically',
  severity: 'medium',
  controls: ['mcsb-v1:IM-8', 'mcsb-v1:IM-3', 'nist-csf-2.0:PR.AA-01'],
  threats: ['unauthorized-access', 'insider-misuse'],
  rationale:
    "A credential that never changes stays valid wherever it leaked: in a log, a laptop, a former employee's notes. " +
    'Secrets Manager rotation (a rotation schedule with a rotation function, or a managed rotation) replaces the ' +
    'secret on a schedule and bounds how long a leaked copy is useful.',
  fix: {
    cdk:
      'Add a rotation schedule: `secret.addRotationSchedule(id, { hostedRotation })` for database credentials, or ' +
      '`{ rotationLambda }` with a function that rotates the credential.',
    terraform:
      'Add an `aws_secretsmanager_secret_rotation` with `secret_id` set to the secret, a `rotation_lambda_arn` that rotates the credential, and `rotation_rules { automatically_after_days = ... }`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'secret' || view.rotation === undefined) return notApplicable('not a secret');
    const r = view.rotation;
    if (r instanceof Unknown) return unknown(`\`${view.name}\`: rotation cannot be resolved (${r.reason})`);
    if (!r) return fail(`\`${view.name}\` has no rotation schedule`);
    return pass(`\`${view.name}\` rotates automatically`);
  },
});
