import { defineRule } from '../../../lib/engine/rule';
import {
  checkActionsOnAll,
  checkGrantActionsOnAll,
  type SensitiveAction,
} from './no-privilege-escalation-on-all';

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

/**
 * Role-assignment actions that hand out the keys of a store, which read and write all of its data: storage and Cosmos DB
 * account keys.
 */
const GRANT_SENSITIVE_READS: readonly string[] = [
  'Microsoft.Storage/storageAccounts/listkeys/action',
  'Microsoft.DocumentDB/databaseAccounts/listKeys/action',
];

export default defineRule({
  id: 'BW-PA-008',
  title: 'Permission policies and role assignments do not allow reading secrets or data from every resource',
  severity: 'high',
  controls: ['mcsb-v1:PA-7', 'mcsb-v1:IM-8', 'nist-csf-2.0:PR.AA-05', 'nist-csf-2.0:PR.DS-01'],
  threats: ['data-breach', 'privilege-escalation', 'insider-misuse'],
  rationale:
    '`secretsmanager:GetSecretValue`, `ssm:GetParameter*`, `s3:GetObject` or `dynamodb:Scan`/`Query`/`GetItem` on ' +
    '`Resource: "*"` lets one workload read every secret, parameter, object or item of the account, not the ones it ' +
    'owns. High rather than medium: the secrets of the account are the credentials of every other workload (a ' +
    'lateral move to their privileges), and a wildcard read erases the per-store boundary the classification access ' +
    'model relies on, so one compromised function is a breach of every store. CDK `grantRead` names the store and its ' +
    'objects (`bucket/*`), which is not every resource. On Azure, a role that may list storage or Cosmos DB account ' +
    'keys (Owner, Contributor, `*`) assigned on a subscription, a management group or the tenant root reads and ' +
    'writes every account there with its keys.',
  fix: {
    cdk: 'Name the secrets, parameters, buckets (`arn:aws:s3:::bucket/*`) and tables the workload reads (CDK `secret.grantRead`, `parameter.grantRead`, `bucket.grantRead`, `table.grantReadData`), or restrict `*` with `aws:ResourceTag` conditions.',
    terraform:
      "Name the secrets, parameters, buckets (`${aws_s3_bucket.x.arn}/*`) and tables the workload reads in the statement's `resources`, or restrict `*` with a `condition` on `aws:ResourceTag`.",
    pulumi:
      'On the `authorization.RoleAssignment`, give the workload the data role of the stores it reads (Storage Blob Data Reader, Key Vault Secrets User) on those stores, not Owner or Contributor on the subscription; turn off account keys (`allowSharedKeyAccess: false`, `disableLocalAuth: true`).',
  },
  appliesTo: ['identity', 'permission-policy', 'access-grant'],
  check(view) {
    if (view.kind === 'access-grant')
      return checkGrantActionsOnAll(view, GRANT_SENSITIVE_READS, 'reads of secrets or stored data');
    return checkActionsOnAll(view, SENSITIVE_READS, 'reads of secrets or stored data');
  },
});
