import * as pulumi from '@pulumi/pulumi';
import * as insights from '@pulumi/azure-native/monitor';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights';
import * as storage from '@pulumi/azure-native/storage';
import { AUDIT_LOG_MIN_RETENTION_DAYS, Classification } from '../classification';
import {
  COMPONENT_PREFIX,
  PropsValidator,
  childOf,
  deleteLock,
  resourceTags,
  type AzureAccount,
  type AzurePlacement,
  type OptOut,
  type OptOutRecord,
} from './common';
import { ClassifiedKeyVault, type CustomerManagedKey } from './key-vault';

/**
 * Level of the audit data (who did what to which resource, and the data-access logs of classified stores): as
 * the audit sinks of the other front ends.
 */
export const AUDIT_CLASSIFICATION = Classification.CONFIDENTIAL;

/**
 * Rules whose findings `serviceManagedKey` acknowledges on the workspace: stores use a customer key (BW-DP-002)
 * and the level's at-rest requirement (BW-DP-012).
 */
const SERVICE_MANAGED_KEY_RULES = ['BW-DP-002', 'BW-DP-012'] as const;

/** Rule whose findings `noArchiveBackup` acknowledges on the archive: classified stores are backed up (BW-BR-005). */
const ARCHIVE_BACKUP_RULE = 'BW-BR-005';

/** Rule whose findings `unmaskedLogs` acknowledges on the workspace: logs of CONFIDENTIAL data mask PII (BW-DP-014). */
const PII_MASKING_RULE = 'BW-DP-014';

/** Tables exported to the immutable archive unless `exportTables` says otherwise. */
export const DEFAULT_EXPORT_TABLES: readonly string[] = [
  'AzureActivity',
  'StorageBlobLogs',
  'AZKVAuditLogs',
  'SQLSecurityAuditEvents',
  'NTANetAnalytics',
];

/** Soft-delete window of the archive's blobs and containers, in days. */
const ARCHIVE_SOFT_DELETE_DAYS = 30;

/** Which logs a diagnostic setting sends. */
export interface DiagnosticsOptions {
  /**
   * Log category groups (`allLogs`, `audit`) or, for resources without groups, categories.
   * @default ['allLogs']
   */
  readonly categoryGroups?: readonly string[];
  /** Log categories, sent in addition to the groups. @default - none */
  readonly categories?: readonly string[];
  /** Send platform metrics too. @default true */
  readonly metrics?: boolean;
}

/** Props of {@link AuditWorkspace}. */
export interface AuditWorkspaceProps extends AzurePlacement, AzureAccount {
  /**
   * Days the workspace keeps logs: at least 365, whatever the levels of the data it audits.
   * @default 365
   * @see mcsb-v1:LT-6
   */
  readonly retentionInDays?: number;
  /**
   * Days each exported log blob is immutable (version-level WORM) in the archive account, and kept:
   * the archive's lifecycle policy deletes blobs and previous versions once this many days have passed.
   * At least 365 (audit logs); CONFIDENTIAL data is kept at most 365 days, so a longer period is
   * reported by BW-DP-016.
   * @default 365
   * @see mcsb-v1:LT-6, mcsb-v1:DP-8, classification:RETENTION
   */
  readonly immutabilityDays?: number;
  /**
   * State of the archive's immutability policy. Azure creates a policy `Unlocked` (retention can be
   * extended, and shortened or removed by a privileged principal) and locks it only once it exists:
   * set `Locked` from the second deployment on, which no one can undo.
   * @default 'Unlocked'
   * @see mcsb-v1:LT-6, mcsb-v1:DP-8
   */
  readonly archiveImmutability?: 'Unlocked' | 'Locked';
  /**
   * Workspace tables continuously exported to the immutable archive.
   * @default DEFAULT_EXPORT_TABLES
   * @see mcsb-v1:LT-5
   */
  readonly exportTables?: readonly string[];
  /**
   * Name of the archive storage account (3-24 lowercase letters and digits).
   * @default - generated
   */
  readonly archiveAccountName?: pulumi.Input<string>;
  /**
   * Name of the Key Vault holding the archive's customer-managed key (3-24 letters, digits and dashes).
   * @default - generated
   */
  readonly keyVaultName?: pulumi.Input<string>;
  /**
   * Accept that the workspace encrypts its CONFIDENTIAL audit data with Microsoft-managed keys. Log Analytics
   * takes a customer-managed key only through a dedicated cluster (a commitment tier of at least 100 GB a
   * day), which this component does not create: without this opt-out the workspace is reported as what it is
   * (BW-DP-002, BW-DP-012). The reason is recorded on the workspace. The archive is not concerned: it is
   * encrypted with a customer-managed key of the component's own vault, and twice (infrastructure encryption).
   * @default - none: the workspace's Microsoft-managed keys are reported
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly serviceManagedKey?: OptOut;
  /**
   * Accept that no backup vault protects the archive. Azure Backup copies block blobs only, and the workspace's
   * data exports write append blobs (a backup would copy flow logs alone): what keeps the exports is the
   * archive's immutability policy (lock it with `archiveImmutability`), its zone- and geo-redundant replicas and
   * its soft delete. Without this opt-out the
   * CONFIDENTIAL archive is reported as a store no backup selects (BW-BR-005). The reason is recorded on the
   * archive.
   * @default - none: an archive no backup selects is reported
   * @see classification:BACKUP, mcsb-v1:BR-1
   */
  readonly noArchiveBackup?: OptOut;
  /**
   * Accept that the workspace keeps its records unmasked. Log Analytics has no masking policy (CloudWatch Logs
   * masks at ingestion and unmasks for permitted readers); an ingestion-time transformation can only rewrite or
   * drop columns, which this component does not do to audit records (the caller and the address are what they
   * are kept for). Without this opt-out the workspace is reported by BW-DP-014. The reason is recorded on the
   * workspace.
   * @default - none: the workspace's unmasked records are reported
   * @see classification:PII-MASKING
   */
  readonly unmaskedLogs?: OptOut;
}

/**
 * Where every component's logs go: a Log Analytics workspace keeping logs at least 365 days, local
 * (shared key) authentication off, access by resource permissions; its tables continuously exported
 * to a storage account whose blobs are immutable (version-level WORM policy) for at least 365 days
 * (`archiveImmutability` locks the policy once it exists) and deleted, with their previous versions,
 * once that period is over; the archive is encrypted with a customer-managed key of a CONFIDENTIAL Key
 * Vault of its own (rotated yearly) and by the infrastructure, TLS 1.2, HTTPS only, no anonymous or
 * shared-key access, network default deny (trusted Azure services only). The workspace's own audit
 * log, the vault's and the archive's blob logs are diagnostic settings on this workspace.
 * {@link diagnostics} adds one for any resource. Workspace and archive hold CONFIDENTIAL data and are
 * tagged `data-classification` so; what the services cannot give them is reported unless an opt-out
 * accepts it: the workspace's Microsoft-managed keys (`serviceManagedKey`), its unmasked records
 * (`unmaskedLogs`), the archive's lack of a backup (`noArchiveBackup`). Both are protected from
 * deletion (`protect`, and a `CanNotDelete` lock on the archive): audit logs outlive the stack that wrote them.
 */
export class AuditWorkspace extends pulumi.ComponentResource {
  /** The Log Analytics workspace. */
  readonly workspace: operationalinsights.Workspace;
  /** The archive storage account, immutable. */
  readonly archive: storage.StorageAccount;
  /** The `CanNotDelete` lock on the archive. */
  readonly archiveLock: pulumi.Resource;
  /** The archive's lifecycle policy: blobs and previous versions deleted after `immutabilityDays`. */
  readonly archiveLifecycle: storage.ManagementPolicy;
  /** The vault holding the archive's key. */
  readonly keyVault: ClassifiedKeyVault;
  /** The archive's customer-managed key, its identity and grant. */
  readonly archiveKey: CustomerManagedKey;
  /** The continuous export of the workspace's tables to the archive. */
  readonly export: operationalinsights.DataExport;
  /** Days the workspace keeps logs. */
  readonly retentionInDays: number;
  /** The recorded opt-outs. */
  readonly optOuts: readonly OptOutRecord[];

  private readonly name: string;

  constructor(name: string, props: AuditWorkspaceProps, opts?: pulumi.ComponentResourceOptions) {
    const retention = props.retentionInDays ?? AUDIT_LOG_MIN_RETENTION_DAYS;
    const immutability = props.immutabilityDays ?? AUDIT_LOG_MIN_RETENTION_DAYS;
    const tables = props.exportTables ?? DEFAULT_EXPORT_TABLES;
    const v = new PropsValidator(`${COMPONENT_PREFIX}:AuditWorkspace ${name}`);
    v.check(
      retention >= AUDIT_LOG_MIN_RETENTION_DAYS,
      'BULWARK_AUDIT_RETENTION',
      `\`retentionInDays\` ${retention} is below ${AUDIT_LOG_MIN_RETENTION_DAYS}: audit logs are kept at least a year`,
    );
    v.check(
      immutability >= AUDIT_LOG_MIN_RETENTION_DAYS,
      'BULWARK_AUDIT_IMMUTABILITY',
      `\`immutabilityDays\` ${immutability} is below ${AUDIT_LOG_MIN_RETENTION_DAYS}: exported audit logs stay immutable at least a year`,
    );
    v.check(tables.length > 0, 'BULWARK_AUDIT_EXPORT', '`exportTables` must name at least one table');
    v.checkReason('serviceManagedKey', props.serviceManagedKey);
    v.checkReason('noArchiveBackup', props.noArchiveBackup);
    v.checkReason('unmaskedLogs', props.unmaskedLogs);
    v.throwIfAny();
    const workspaceResource = `${name}-workspace`;
    const archiveResource = `${name}-archive`;
    const optOuts: OptOutRecord[] = [];
    if (props.serviceManagedKey)
      for (const rule of SERVICE_MANAGED_KEY_RULES)
        optOuts.push({
          resource: workspaceResource,
          rule,
          control: 'mcsb-v1:DP-5',
          prop: 'serviceManagedKey',
          reason: props.serviceManagedKey.reason,
        });
    if (props.unmaskedLogs)
      optOuts.push({
        resource: workspaceResource,
        rule: PII_MASKING_RULE,
        control: 'classification:PII-MASKING',
        prop: 'unmaskedLogs',
        reason: props.unmaskedLogs.reason,
      });
    if (props.noArchiveBackup)
      optOuts.push({
        resource: archiveResource,
        rule: ARCHIVE_BACKUP_RULE,
        control: 'mcsb-v1:BR-1',
        prop: 'noArchiveBackup',
        reason: props.noArchiveBackup.reason,
      });

    super(
      `${COMPONENT_PREFIX}:AuditWorkspace`,
      name,
      { retentionInDays: retention, immutabilityDays: immutability, optOuts },
      opts,
    );
    this.optOuts = optOuts;
    this.name = name;
    this.retentionInDays = retention;
    const { resourceGroupName, location } = props;

    this.workspace = new operationalinsights.Workspace(
      workspaceResource,
      {
        resourceGroupName,
        location,
        sku: { name: 'PerGB2018' },
        retentionInDays: retention,
        features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
        tags: resourceTags(AUDIT_CLASSIFICATION, optOuts, workspaceResource),
      },
      childOf(this, { protect: true }),
    );

    // The archive's key lives in a vault of the audit data's level, whose own audit log comes here.
    this.keyVault = new ClassifiedKeyVault(
      `${name}-keys`,
      {
        resourceGroupName,
        location,
        tenantId: props.tenantId,
        subscriptionId: props.subscriptionId,
        classification: AUDIT_CLASSIFICATION,
        audit: this,
        vaultName: props.keyVaultName,
      },
      { parent: this },
    );
    const key = this.keyVault.customerManagedKey(archiveResource, {
      classification: AUDIT_CLASSIFICATION,
      parent: this,
      resourceGroupName,
      location,
    });
    this.archiveKey = key;

    this.archive = new storage.StorageAccount(
      archiveResource,
      {
        resourceGroupName,
        location,
        accountName: props.archiveAccountName,
        kind: 'StorageV2',
        sku: { name: 'Standard_GZRS' },
        minimumTlsVersion: 'TLS1_2',
        enableHttpsTrafficOnly: true,
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: false,
        allowCrossTenantReplication: false,
        defaultToOAuthAuthentication: true,
        publicNetworkAccess: 'Enabled',
        networkRuleSet: { defaultAction: 'Deny', bypass: 'AzureServices' },
        identity: { type: 'UserAssigned', userAssignedIdentities: [key.identity.id] },
        encryption: {
          keySource: 'Microsoft.Keyvault',
          keyVaultProperties: { keyName: key.keyName, keyVaultUri: key.vaultUri },
          encryptionIdentity: { encryptionUserAssignedIdentity: key.identity.id },
          requireInfrastructureEncryption: true,
          services: { blob: { enabled: true, keyType: 'Account' } },
        },
        immutableStorageWithVersioning: {
          enabled: true,
          immutabilityPolicy: {
            immutabilityPeriodSinceCreationInDays: immutability,
            state: props.archiveImmutability ?? 'Unlocked',
            allowProtectedAppendWrites: true,
          },
        },
        tags: resourceTags(AUDIT_CLASSIFICATION, optOuts, archiveResource),
      },
      childOf(this, { protect: true, dependsOn: [key.grant] }),
    );
    this.archiveLock = deleteLock(`${name}-archive-lock`, this.archive, this);

    new storage.BlobServiceProperties(
      `${name}-archive-blobs`,
      {
        resourceGroupName,
        accountName: this.archive.name,
        blobServicesName: 'default',
        isVersioningEnabled: true,
        deleteRetentionPolicy: { enabled: true, days: ARCHIVE_SOFT_DELETE_DAYS },
        containerDeleteRetentionPolicy: { enabled: true, days: ARCHIVE_SOFT_DELETE_DAYS },
      },
      childOf(this),
    );

    // Records leave the archive once no policy holds them any more: an immutable blob cannot be deleted before.
    this.archiveLifecycle = new storage.ManagementPolicy(
      `${name}-archive-lifecycle`,
      {
        resourceGroupName,
        accountName: this.archive.name,
        managementPolicyName: 'default',
        policy: { rules: archiveExpiry(immutability) },
      },
      childOf(this),
    );

    this.export = new operationalinsights.DataExport(
      `${name}-export`,
      {
        resourceGroupName,
        workspaceName: this.workspace.name,
        dataExportName: 'immutable-archive',
        enable: true,
        resourceId: this.archive.id,
        tableNames: [...tables],
      },
      childOf(this),
    );

    this.diagnostics(`${name}-workspace`, this.workspace.id, this, { categoryGroups: ['audit'] });
    this.diagnostics(
      `${name}-archive-blobs`,
      pulumi.interpolate`${this.archive.id}/blobServices/default`,
      this,
    );

    this.registerOutputs({ workspaceId: this.workspace.id, archiveId: this.archive.id });
  }

  /**
   * A diagnostic setting sending `resourceUri`'s logs (all logs by default) and metrics to the
   * workspace, in resource-specific tables.
   * @see mcsb-v1:LT-3, mcsb-v1:LT-5
   */
  diagnostics(
    name: string,
    resourceUri: pulumi.Input<string>,
    parent: pulumi.Resource,
    options: DiagnosticsOptions = {},
  ): insights.DiagnosticSetting {
    const groups = options.categoryGroups ?? (options.categories ? [] : ['allLogs']);
    return new insights.DiagnosticSetting(
      `${name}-diagnostics`,
      {
        name: `bulwark-${this.name}`,
        resourceUri,
        workspaceId: this.workspace.id,
        logAnalyticsDestinationType: 'Dedicated',
        logs: [
          ...groups.map((categoryGroup) => ({ categoryGroup, enabled: true })),
          ...(options.categories ?? []).map((category) => ({ category, enabled: true })),
        ],
        metrics: options.metrics === false ? [] : [{ category: 'AllMetrics', enabled: true }],
      },
      { parent },
    );
  }
}

/**
 * The archive's lifecycle rules: block blobs (with their previous versions) and append blobs (the data exports')
 * deleted `days` after they were last written, when their immutability has ended.
 */
function archiveExpiry(days: number) {
  const expire = { delete: { daysAfterModificationGreaterThan: days } };
  return [
    {
      name: 'audit-expiry',
      enabled: true,
      type: 'Lifecycle',
      definition: {
        filters: { blobTypes: ['blockBlob'] },
        actions: { baseBlob: expire, version: { delete: { daysAfterCreationGreaterThan: days } } },
      },
    },
    {
      name: 'audit-expiry-append',
      enabled: true,
      type: 'Lifecycle',
      definition: { filters: { blobTypes: ['appendBlob'] }, actions: { baseBlob: expire } },
    },
  ];
}
