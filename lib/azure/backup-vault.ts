import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as dataprotection from '@pulumi/azure-native/dataprotection';
import { Classification, atLeast, requirementsFor } from '../classification';
import type { AuditWorkspace } from './audit-workspace';
import {
  BUILT_IN_ROLES,
  COMPONENT_PREFIX,
  accountOf,
  type AzureAccount,
  PropsValidator,
  backupRetentionDays,
  childOf,
  classificationTags,
  isoDays,
  requiresCustomerKey,
  requiresDoubleEncryption,
  roleDefinitionId,
  type ClassifiedProps,
} from './common';
import type { ClassifiedKeyVault, CustomerManagedKey } from './key-vault';
import type { ClassifiedStorageAccount } from './storage-account';

/** Days soft-deleted backups stay recoverable: the least Azure Backup allows. */
export const BACKUP_SOFT_DELETE_DAYS = 14;

/** Data source type of blob backups. */
const BLOB_DATASOURCE = 'Microsoft.Storage/storageAccounts/blobServices';

/** Daily vaulted backup at 02:00 UTC. */
const DAILY = 'R/2026-01-01T02:00:00+00:00/P1D';

/** Props of {@link ClassifiedBackupVault}. */
export interface ClassifiedBackupVaultProps extends ClassifiedProps, AzureAccount {
  /** Where the vault's job and policy logs go. @see mcsb-v1:BR-3 */
  readonly audit: AuditWorkspace;
  /**
   * Vault holding the backup vault's customer-managed key. Required from INTERNAL up.
   * @default - none at PUBLIC (Microsoft-managed keys); required from INTERNAL up
   * @see classification:AT-REST, mcsb-v1:BR-2
   */
  readonly keyVault?: ClassifiedKeyVault;
  /**
   * Vault name.
   * @default - generated
   */
  readonly vaultName?: pulumi.Input<string>;
}

/**
 * A Data Protection backup vault for the blobs of one classification level: immutability locked (no
 * one can shorten retention or delete a recovery point early), soft delete always on, job failures
 * alerted through Azure Monitor, logs to the audit workspace; geo-redundant with cross-region restore
 * from RESTRICTED up, zone-redundant below; customer-managed key from INTERNAL up, with
 * infrastructure encryption at TOP_SECRET. Its policy follows the level:
 *
 * | | INTERNAL | CONFIDENTIAL | RESTRICTED | TOP_SECRET |
 * |---|---|---|---|---|
 * | vaulted daily | 35 days | 35 days | 35 days | 30 days |
 * | continuous (point in time) | - | 35 days | 35 days | 30 days |
 *
 * Backups are never kept longer than the level keeps its data. {@link protect} enrols a storage account.
 */
export class ClassifiedBackupVault extends pulumi.ComponentResource {
  readonly vault: dataprotection.BackupVault;
  readonly policy: dataprotection.BackupPolicy;
  readonly customerKey?: CustomerManagedKey;
  readonly classification: Classification;

  private readonly resourceGroupName: pulumi.Input<string>;
  private readonly subscriptionId: pulumi.Input<string>;

  constructor(name: string, props: ClassifiedBackupVaultProps, opts?: pulumi.ComponentResourceOptions) {
    const level = props.classification;
    const v = new PropsValidator(`${COMPONENT_PREFIX}:ClassifiedBackupVault ${name}`);
    v.check(
      backupRetentionDays(level) !== undefined,
      'BULWARK_BACKUP_LEVEL',
      `\`classification\` ${level} keeps no backups: back up INTERNAL data and above`,
    );
    v.check(
      !requiresCustomerKey(level) || props.keyVault !== undefined,
      'BULWARK_CUSTOMER_KEY_REQUIRED',
      `\`classification\` ${level} requires a customer-managed key: set \`keyVault\``,
    );
    v.throwIfAny();
    super(`${COMPONENT_PREFIX}:ClassifiedBackupVault`, name, { classification: level }, opts);
    this.classification = level;
    this.resourceGroupName = props.resourceGroupName;
    const { resourceGroupName, location } = props;
    this.subscriptionId = accountOf(props, this).subscriptionId;
    const req = requirementsFor(level);
    const retention = backupRetentionDays(level)!;

    const key = requiresCustomerKey(level)
      ? props.keyVault!.customerManagedKey(name, {
          classification: level,
          parent: this,
          resourceGroupName,
          location,
        })
      : undefined;
    this.customerKey = key;

    this.vault = new dataprotection.BackupVault(
      `${name}-vault`,
      {
        resourceGroupName,
        location,
        vaultName: props.vaultName,
        identity: key
          ? { type: 'SystemAssigned,UserAssigned', userAssignedIdentities: [key.identity.id] }
          : { type: 'SystemAssigned' },
        properties: {
          storageSettings: [
            {
              datastoreType: 'VaultStore',
              type: req.backup.crossRegionCopy ? 'GeoRedundant' : 'ZoneRedundant',
            },
          ],
          securitySettings: {
            immutabilitySettings: { state: 'Locked' },
            softDeleteSettings: { state: 'AlwaysOn', retentionDurationInDays: BACKUP_SOFT_DELETE_DAYS },
            ...(key
              ? {
                  encryptionSettings: {
                    state: 'Enabled',
                    keyVaultProperties: { keyUri: key.keyUri },
                    kekIdentity: { identityType: 'UserAssigned', identityId: key.identity.id },
                    infrastructureEncryption: requiresDoubleEncryption(level) ? 'Enabled' : 'Disabled',
                  },
                }
              : {}),
          },
          featureSettings: {
            crossRegionRestoreSettings: { state: req.backup.crossRegionCopy ? 'Enabled' : 'Disabled' },
          },
          monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Enabled' } },
        },
        tags: classificationTags(level),
      },
      childOf(this, { protect: req.deletionProtection, dependsOn: key ? [key.grant] : [] }),
    );

    this.policy = new dataprotection.BackupPolicy(
      `${name}-blob-policy`,
      {
        resourceGroupName,
        vaultName: this.vault.name,
        backupPolicyName: `blobs-${level.toLowerCase().replace(/_/g, '-')}`,
        properties: blobPolicy(level, retention),
      },
      childOf(this),
    );
    props.audit.diagnostics(`${name}-vault`, this.vault.id, this);
    this.registerOutputs({ vaultId: this.vault.id });
  }

  /**
   * Back up `account`'s blobs (the given containers) with the vault's policy; the vault's identity
   * is granted Storage Account Backup Contributor on the account. The account must hold data of the
   * vault's level.
   * @see mcsb-v1:BR-1
   */
  protect(
    name: string,
    account: ClassifiedStorageAccount,
    containers: readonly string[],
  ): dataprotection.BackupInstance {
    if (account.classification !== this.classification) {
      throw new Error(
        `${COMPONENT_PREFIX}:ClassifiedBackupVault: \`${name}\` holds ${account.classification} data and this vault backs up ${this.classification} data: use a vault of its level [BULWARK_BACKUP_LEVEL_MISMATCH]`,
      );
    }
    const grant = new authorization.RoleAssignment(
      `${name}-backup-grant`,
      {
        scope: account.account.id,
        principalId: this.vault.identity.apply((i) => i?.principalId ?? ''),
        principalType: 'ServicePrincipal',
        roleDefinitionId: roleDefinitionId(
          this.subscriptionId,
          BUILT_IN_ROLES.storageAccountBackupContributor,
        ),
      },
      { parent: this },
    );
    const datasource = {
      datasourceType: BLOB_DATASOURCE,
      objectType: 'Datasource',
      resourceID: account.account.id,
      resourceName: account.account.name,
      resourceType: 'Microsoft.Storage/storageAccounts',
      resourceUri: account.account.id,
      resourceLocation: account.account.location,
    };
    return new dataprotection.BackupInstance(
      `${name}-backup`,
      {
        resourceGroupName: this.resourceGroupName,
        vaultName: this.vault.name,
        properties: {
          objectType: 'BackupInstance',
          dataSourceInfo: datasource,
          dataSourceSetInfo: { ...datasource, objectType: 'DatasourceSet' },
          policyInfo: {
            policyId: this.policy.id,
            policyParameters: {
              backupDatasourceParametersList: [
                { objectType: 'BlobBackupDatasourceParameters', containersList: [...containers] },
              ],
            },
          },
        },
        tags: classificationTags(this.classification),
      },
      { parent: this, dependsOn: [grant] },
    );
  }
}

/**
 * The blob backup policy of a level: vaulted daily, plus continuous (operational) from CONFIDENTIAL
 * up, in the shape Azure Backup documents for blobs (each store's retention rule named `Default`).
 */
function blobPolicy(
  level: Classification,
  retentionDays: number,
): dataprotection.BackupPolicyArgs['properties'] {
  const store = (dataStoreType: string) => ({ dataStoreType, objectType: 'DataStoreInfoBase' });
  const keep = (dataStoreType: string) => ({
    objectType: 'AzureRetentionRule' as const,
    name: 'Default',
    isDefault: true,
    lifecycles: [
      {
        deleteAfter: { objectType: 'AbsoluteDeleteOption' as const, duration: isoDays(retentionDays) },
        sourceDataStore: store(dataStoreType),
        targetDataStoreCopySettings: [],
      },
    ],
  });
  const continuous = atLeast(level, Classification.CONFIDENTIAL);
  return {
    objectType: 'BackupPolicy',
    datasourceTypes: [BLOB_DATASOURCE],
    policyRules: [
      ...(continuous ? [keep('OperationalStore')] : []),
      keep('VaultStore'),
      {
        objectType: 'AzureBackupRule',
        name: 'BackupDaily',
        backupParameters: { objectType: 'AzureBackupParams', backupType: 'Discrete' },
        dataStore: store('VaultStore'),
        trigger: {
          objectType: 'ScheduleBasedTriggerContext',
          schedule: { repeatingTimeIntervals: [DAILY], timeZone: 'UTC' },
          taggingCriteria: [{ isDefault: true, tagInfo: { tagName: 'Default' }, taggingPriority: 99 }],
        },
      },
    ],
  };
}
