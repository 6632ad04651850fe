import { defineRule } from '../../../lib/engine/rule';
import { checkActionsOnAll, type SensitiveAction } from './no-privilege-escalation-on-all';

/**
 * Read actions that return stored secrets or data, not metadata: secret values, Parameter Store values (SecureString
 * included, decrypted with `WithDecryption`), object contents, and table items. `kms:Decrypt` is BW-PA-006.
 */
const SENSITIVE_READS: readonly SensitiveAction[] = [
  { action: 'secretsmanager:GetSecretValue' },
  { action: 'secretsmanager:BatchGetSecretValue' },
  { action: 'ssm:GetParameter' },
  { action: 'ssm:GetParameters' },
  { action: 'ssm:GetParametersByPath' },
  { action: 'ssm:GetParameterHistory' },
  { action: 's3:GetObject' },
  { action: 's3:GetObjectVersion' },
  { action: 'dynamodb:GetItem' },
  { action: 'dynamodb:BatchGetItem' },
  { action: 'dynamodb:Query' },
  { action: 'dynamodb:Scan' },
];

export default defineRule({
  id: 'BW-PA-008',
  title: 'IAM policies do not allow reading secrets or data from every resource',
  severity: 'high',
  controls: ['mcsb-v1:PA-7', 'mcsb-v1:IM-8', 'nist-csf-2.0:PR.AA-05', 'nist-csf-2.0:PR.DS-01'],
  threats: ['data-breach', 'privilege-escalation', 'insider-misuse'],
  rationale:
    '`secretsmanager:GetSecretValue`, `ssm:GetParameter*`, `s3:GetObject` or `dynamodb:Scan`/`Query`/`GetItem` on ' +
    '`Resource: "*"` lets one workload read every secret, parameter, object or item of the account, not the ones it ' +
    'owns. High rather than medium: the secrets of the account are the credentials of every other workload (a ' +
    'lateral move to their privileges), and a wildcard read erases the per-store boundary the classification access ' +
    'model relies on, so one compromised function is a breach of every store. CDK `grantRead` names the store and its ' +
    'objects (`bucket/*`), which is not every resource.',
  fix: {
    cdk: 'Name the secrets, parameters, buckets (`arn:aws:s3:::bucket/*`) and tables the workload reads (CDK `secret.grantRead`, `parameter.grantRead`, `bucket.grantRead`, `table.grantReadData`), or restrict `*` with `aws:ResourceTag` conditions.',
    terraform:
      "Name the secrets, parameters, buckets (`${aws_s3_bucket.x.arn}/*`) and tables the workload reads in the statement's `resources`, or restrict `*` with a `condition` on `aws:ResourceTag`.",
  },
  appliesTo: ['identity', 'permission-policy'],
  check(view) {
    return checkActionsOnAll(view, SENSITIVE_READS, 'reads of secrets or stored data');
  },
});
