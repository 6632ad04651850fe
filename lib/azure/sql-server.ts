import * as pulumi from '@pulumi/pulumi';
import * as sql from '@pulumi/azure-native/sql';
import { Classification, requirementsFor } from '../classification';
import type { AuditWorkspace } from './audit-workspace';
import {
  COMPONENT_PREFIX,
  accountOf,
  type AzureAccount,
  PropsValidator,
  backupRetentionDays,
  childOf,
  classificationTags,
  prefersTls13,
  requiresCustomerKey,
  requiresPrivateEndpoint,
  type ClassifiedProps,
} from './common';
import type { ClassifiedKeyVault, CustomerManagedKey } from './key-vault';
import type { SegmentedVirtualNetwork } from './segmented-network';

/** Longest point-in-time restore window Azure SQL offers, in days. */
const MAX_PITR_DAYS = 35;

/** Point-in-time restore window where the level keeps no backups (PUBLIC): Azure's default. */
const DEFAULT_PITR_DAYS = 7;

/** Audit action groups of every server: authentications and every batch run. */
export const SQL_AUDIT_ACTION_GROUPS: readonly string[] = [
  'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP',
  'FAILED_DATABASE_AUTHENTICATION_GROUP',
  'BATCH_COMPLETED_GROUP',
];

/** The Entra ID principal administering the server. */
export interface SqlAdministrator {
  /** Display name of the principal (a group, ideally). */
  readonly login: pulumi.Input<string>;
  /** Object id of the principal. */
  readonly objectId: pulumi.Input<string>;
  /** @default 'Group' */
  readonly principalType?: 'Group' | 'User' | 'Application';
}

/** Props of {@link ClassifiedSqlServer}. */
export interface ClassifiedSqlServerProps extends ClassifiedProps, AzureAccount {
  /**
   * The Entra ID administrator. The server accepts Entra ID authentication only: no SQL logins.
   * @see mcsb-v1:IM-1
   */
  readonly administrator: SqlAdministrator;
  /** Where the server's audit events and databases' logs go. @see mcsb-v1:LT-3 */
  readonly audit: AuditWorkspace;
  /** Network whose data tier holds the server's private endpoint (public access is disabled). @see mcsb-v1:NS-2 */
  readonly network: SegmentedVirtualNetwork;
  /**
   * Vault holding the server's TDE protector, a key dedicated to the server. Required from
   * INTERNAL up.
   * @default - none at PUBLIC (service-managed TDE); required from INTERNAL up
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly keyVault?: ClassifiedKeyVault;
  /**
   * Server name (lowercase letters, digits and dashes, globally unique).
   * @default - generated
   */
  readonly serverName?: pulumi.Input<string>;
}

/** Options of {@link ClassifiedSqlServer.addDatabase}. */
export interface ClassifiedDatabaseOptions {
  /** @default - Azure's default (General Purpose serverless Gen5, 2 vCores) */
  readonly sku?: sql.DatabaseArgs['sku'];
  /** @default - the service's default */
  readonly maxSizeBytes?: number;
}

/**
 * An Azure SQL logical server for data of one classification level: Entra ID-only authentication,
 * public network access disabled and reached through a private endpoint in the data tier, TLS 1.2
 * minimum (1.3 from RESTRICTED up, where the level prefers it), outbound network access restricted
 * from RESTRICTED up, auditing to the audit workspace (the master database's `SQLSecurityAuditEvents`),
 * threat detection alerts, and from INTERNAL up transparent data encryption with a customer-managed
 * key dedicated to the server. Its databases ({@link addDatabase}) encrypt with TDE, keep point-in-time
 * backups as their level requires (never longer than its data), zone- and geo-redundant from
 * RESTRICTED up.
 */
export class ClassifiedSqlServer extends pulumi.ComponentResource {
  readonly server: sql.Server;
  readonly auditing: sql.ExtendedServerBlobAuditingPolicy;
  readonly customerKey?: CustomerManagedKey;
  readonly privateEndpoint: pulumi.Resource;
  readonly classification: Classification;

  private readonly audit: AuditWorkspace;
  private readonly resourceGroupName: pulumi.Input<string>;
  private readonly location?: pulumi.Input<string>;

  constructor(name: string, props: ClassifiedSqlServerProps, opts?: pulumi.ComponentResourceOptions) {
    const level = props.classification;
    const v = new PropsValidator(`${COMPONENT_PREFIX}:ClassifiedSqlServer ${name}`);
    v.check(
      !requiresCustomerKey(level) || props.keyVault !== undefined,
      'BULWARK_CUSTOMER_KEY_REQUIRED',
      `\`classification\` ${level} requires a customer-managed key: set \`keyVault\``,
    );
    v.throwIfAny();
    super(`${COMPONENT_PREFIX}:ClassifiedSqlServer`, name, { classification: level }, opts);
    this.classification = level;
    this.audit = props.audit;
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    const { resourceGroupName, location } = props;
    const { tenantId } = accountOf(props, this);

    const key = requiresCustomerKey(level)
      ? props.keyVault!.customerManagedKey(name, {
          classification: level,
          parent: this,
          resourceGroupName,
          location,
        })
      : undefined;
    this.customerKey = key;

    this.server = new sql.Server(
      `${name}-server`,
      {
        resourceGroupName,
        location,
        serverName: props.serverName,
        version: '12.0',
        administrators: {
          administratorType: 'ActiveDirectory',
          azureADOnlyAuthentication: true,
          login: props.administrator.login,
          sid: props.administrator.objectId,
          principalType: props.administrator.principalType ?? 'Group',
          tenantId,
        },
        minimalTlsVersion: prefersTls13(level) ? '1.3' : '1.2',
        publicNetworkAccess: 'Disabled',
        restrictOutboundNetworkAccess: requiresPrivateEndpoint(level) ? 'Enabled' : 'Disabled',
        ...(key
          ? {
              identity: { type: 'UserAssigned', userAssignedIdentities: [key.identity.id] },
              primaryUserAssignedIdentityId: key.identity.id,
              keyId: key.keyUri,
            }
          : {}),
        tags: classificationTags(level),
      },
      childOf(this, {
        protect: requirementsFor(level).deletionProtection,
        dependsOn: key ? [key.grant] : [],
      }),
    );

    this.auditing = new sql.ExtendedServerBlobAuditingPolicy(
      `${name}-auditing`,
      {
        resourceGroupName,
        serverName: this.server.name,
        blobAuditingPolicyName: 'default',
        state: 'Enabled',
        isAzureMonitorTargetEnabled: true,
        auditActionsAndGroups: [...SQL_AUDIT_ACTION_GROUPS],
      },
      childOf(this),
    );
    // Audit events reach Azure Monitor through the master database's diagnostic setting.
    props.audit.diagnostics(`${name}-master`, pulumi.interpolate`${this.server.id}/databases/master`, this, {
      categoryGroups: [],
      categories: ['SQLSecurityAuditEvents', 'DevOpsOperationsAudit'],
      metrics: false,
    });

    new sql.ServerSecurityAlertPolicy(
      `${name}-threat-detection`,
      {
        resourceGroupName,
        serverName: this.server.name,
        securityAlertPolicyName: 'Default',
        state: 'Enabled',
        emailAccountAdmins: true,
      },
      childOf(this),
    );

    this.privateEndpoint = props.network.privateEndpoint(`${name}-sql`, {
      resourceId: this.server.id,
      groupId: 'sqlServer',
      parent: this,
      tags: classificationTags(level),
    });
    this.registerOutputs({ serverId: this.server.id });
  }

  /**
   * A database of the server's level: TDE on (with the server's protector), point-in-time restore
   * for the level's backup retention (at most 35 days, never longer than the data), zone-redundant
   * with geo-redundant backups from RESTRICTED up, zone-redundant backups below; logs to the audit
   * workspace.
   * @see mcsb-v1:DP-4, mcsb-v1:BR-1
   */
  addDatabase(name: string, options: ClassifiedDatabaseOptions = {}): sql.Database {
    const level = this.classification;
    const req = requirementsFor(level);
    const database = new sql.Database(
      `${name}-db`,
      {
        resourceGroupName: this.resourceGroupName,
        location: this.location,
        serverName: this.server.name,
        databaseName: name,
        sku: options.sku,
        maxSizeBytes: options.maxSizeBytes,
        zoneRedundant: req.backup.crossRegionCopy,
        requestedBackupStorageRedundancy: req.backup.crossRegionCopy ? 'Geo' : 'Zone',
        tags: classificationTags(level),
      },
      { parent: this, protect: req.deletionProtection },
    );
    new sql.TransparentDataEncryption(
      `${name}-tde`,
      {
        resourceGroupName: this.resourceGroupName,
        serverName: this.server.name,
        databaseName: database.name,
        tdeName: 'current',
        state: 'Enabled',
      },
      { parent: this },
    );
    new sql.BackupShortTermRetentionPolicy(
      `${name}-pitr`,
      {
        resourceGroupName: this.resourceGroupName,
        serverName: this.server.name,
        databaseName: database.name,
        policyName: 'default',
        retentionDays: Math.min(MAX_PITR_DAYS, backupRetentionDays(level) ?? DEFAULT_PITR_DAYS),
        diffBackupIntervalInHours: 12,
      },
      { parent: this },
    );
    this.audit.diagnostics(`${name}-db`, database.id, this);
    return database;
  }
}
