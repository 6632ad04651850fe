import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor } from '../../../lib/classification';
import type { DataStoreType } from '../../../lib/views/kinds';

/** Stores whose data lives elsewhere: deleting them loses no data of their own. */
const TRANSIENT: Partial<Record<DataStoreType, string>> = {
  topic: 'topics hold no data at rest',
  'delivery-stream': 'a delivery stream only buffers data on its way to its destination',
  'processing-cluster': 'a processing cluster works on data that lives in the stores it reads and writes',
  'replication-endpoint': 'a replication endpoint is a connection, not a copy of the data',
};

export default defineRule({
  id: 'BW-DP-017',
  title: 'Classified data stores from INTERNAL up survive stack deletion and have deletion protection',
  severity: 'medium',
  controls: [
    'classification:DELETION-PROTECTION',
    'mcsb-v1:AM-3',
    'nist-csf-2.0:PR.DS-01',
    'nist-csf-2.0:PR.IR-03',
  ],
  threats: ['insider-misuse', 'configuration-drift'],
  rationale:
    'Deleting a stack, renaming a construct or replacing a resource deletes the data with it unless the resource is ' +
    'retained (CloudFormation `DeletionPolicy: Retain` or `Snapshot`, Terraform `lifecycle { prevent_destroy = true }`). Services that offer deletion protection ' +
    '(DynamoDB, RDS, CloudWatch Logs) also refuse a direct delete call until it is turned off; an Azure management ' +
    'lock (`CanNotDelete` or `ReadOnly`) on a storage account, its resource group or its subscription does the same. From INTERNAL up both ' +
    'are required. SNS topics hold no data at rest beyond delivery retries and are not held to it, nor are delivery streams, processing clusters and replication endpoints (their data lives in other stores) or in-memory caches.',
  fix: {
    cdk:
      'Set `removalPolicy: RemovalPolicy.RETAIN` (or `SNAPSHOT` for databases) on the store, and `deletionProtection: ' +
      'true` (tables, databases) or `deletionProtectionEnabled: true` (log groups) where the service has it.',
    terraform:
      'Add `lifecycle { prevent_destroy = true }` to the store, and set `deletion_protection_enabled = true` ' +
      '(`aws_dynamodb_table`, `aws_cloudwatch_log_group`) or `deletion_protection = true` (`aws_db_instance`, ' +
      '`aws_rds_cluster`) where the service has it. Cover an `azurerm_storage_account` with an `azurerm_management_lock` ' +
      '(`scope = azurerm_storage_account.<name>.id`, `lock_level = "CanNotDelete"`).',
    pulumi:
      'Create the store with `{ protect: true }` (or `retainOnDelete: true`), and put an `authorization.ManagementLockByScope` ' +
      'on a storage account (`scope: account.id, level: "CanNotDelete"`) so Azure refuses to delete it.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const transient = TRANSIENT[view.storeType];
    if (transient) return notApplicable(transient);
    if (view.memoryOnly) return notApplicable('the store keeps its data in memory only, lost on any restart');
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    if (!requirementsFor(c.level).deletionProtection)
      return notApplicable(`${c.level} does not require deletion protection`);
    const out: CheckResult[] = [];
    const retained = view.retainedOnDelete;
    if (retained !== undefined) {
      if (retained instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: whether it is kept on delete cannot be resolved (${retained.reason})`,
            'retain',
          ),
        );
      else if (!retained)
        out.push(
          fail(
            `\`${view.name}\` is ${c.level} and is deleted with its stack or configuration (not retained on delete)`,
            'retain',
          ),
        );
    }
    const dp = view.deletionProtection;
    if (dp !== undefined) {
      if (dp instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: deletion protection cannot be resolved (${dp.reason})`,
            'deletion-protection',
          ),
        );
      else if (!dp)
        out.push(
          fail(`\`${view.name}\` is ${c.level} and has deletion protection off`, 'deletion-protection'),
        );
    }
    if (out.length > 0) return out;
    if (retained === undefined && dp === undefined)
      return notApplicable(`${view.storeType} has no deletion setting`);
    return pass(`\`${view.name}\` is ${c.level}, retained on delete and protected where the service allows`);
  },
});
