import * as pulumi from '@pulumi/pulumi';
import * as insights from '@pulumi/azure-native/monitor';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights';
import * as storage from '@pulumi/azure-native/storage';
import { AUDIT_LOG_MIN_RETENTION_DAYS, Classification } from '../classification';
import {
  COMPONENT_PREFIX,
  PropsValidator,
  childOf,
  resourceTags,
  type AzurePlacement,
  type OptOut,
  type OptOutRecord,
} from './common';

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
export interface AuditWorkspaceProps extends AzurePlacement {
  /**
   * Days the workspace keeps logs: at least 365, whatever the levels of the data it audits.
   * @default 365
   * @see mcsb-v1:LT-6
   */
  readonly retentionInDays?: number;
  /**
   * Days each exported log blob is immutable (version-level WORM) in the archive account:
   * at least 365.
   * @default 365
   * @see mcsb-v1:LT-6, mcsb-v1:DP-8
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
   * Accept that the workspace encrypts its CONFIDENTIAL audit data with Microsoft-managed keys. Log Analytics
   * takes a customer-managed key only through a dedicated cluster (a commitment tier of at least 100 GB a
   * day), which this component does not create: without this opt-out the workspace is reported as what it is
   * (BW-DP-002, BW-DP-012). The reason is recorded on the workspace. The archive is not concerned: its
   * blobs are encrypted twice (infrastructure encryption).
   * @default - none: the workspace's Microsoft-managed keys are reported
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly serviceManagedKey?: OptOut;
}

/**
 * Where every component's logs go: a Log Analytics workspace keeping logs at least 365 days, local
 * (shared key) authentication off, access by resource permissions; its tables continuously exported
 * to a storage account whose blobs are immutable (version-level WORM policy) for at least 365 days
 * (`archiveImmutability` locks the policy once it exists), TLS 1.2, HTTPS only, no anonymous or shared-key access, infrastructure encryption, network
 * default deny (trusted Azure services only). The workspace's own audit log and the archive's blob
 * logs are diagnostic settings on this workspace. {@link diagnostics} adds one for any resource. Both
 * hold CONFIDENTIAL data and are tagged `data-classification` so; the workspace's Microsoft-managed keys
 * are reported unless `serviceManagedKey` accepts them. Both are protected from deletion (`protect`): audit
 * logs outlive the stack that wrote them.
 */
export class AuditWorkspace extends pulumi.ComponentResource {
  /** The Log Analytics workspace. */
  readonly workspace: operationalinsights.Workspace;
  /** The archive storage account, immutable. */
  readonly archive: storage.StorageAccount;
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
    v.throwIfAny();
    const workspaceResource = `${name}-workspace`;
    const optOuts: OptOutRecord[] = props.serviceManagedKey
      ? SERVICE_MANAGED_KEY_RULES.map((rule) => ({
          resource: workspaceResource,
          rule,
          control: 'mcsb-v1:DP-5',
          prop: 'serviceManagedKey',
          reason: props.serviceManagedKey!.reason,
        }))
      : [];

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

    this.archive = new storage.StorageAccount(
      `${name}-archive`,
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
        encryption: {
          keySource: 'Microsoft.Storage',
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
        tags: resourceTags(AUDIT_CLASSIFICATION, [], `${name}-archive`),
      },
      childOf(this, { protect: true }),
    );

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
