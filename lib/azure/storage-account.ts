import * as pulumi from '@pulumi/pulumi';
import * as storage from '@pulumi/azure-native/storage';
import { Classification, atLeast, requirementsFor } from '../classification';
import type { AuditWorkspace } from './audit-workspace';
import {
  COMPONENT_PREFIX,
  PropsValidator,
  backupRetentionDays,
  childOf,
  classificationTags,
  deleteLock,
  refusesSharedKeys,
  requiresCustomerKey,
  requiresDoubleEncryption,
  requiresPrivateEndpoint,
  resourceTags,
  type ClassifiedProps,
  type OptOut,
  type OptOutRecord,
} from './common';
import type { ClassifiedKeyVault, CustomerManagedKey } from './key-vault';
import type { SegmentedVirtualNetwork } from './segmented-network';

/**
 * Rules whose findings `anonymousRead` acknowledges on the account: object stores block public
 * access (BW-DP-008) and data services have no endpoint open to the internet (BW-DP-027).
 */
const ANONYMOUS_READ_RULES = ['BW-DP-008', 'BW-DP-027'] as const;

/** Soft-delete window where the level keeps no backups (PUBLIC), in days. */
const MIN_SOFT_DELETE_DAYS = 7;

/** Props of {@link ClassifiedStorageAccount}. */
export interface ClassifiedStorageAccountProps extends ClassifiedProps {
  /** Where the account's blob logs go. @see mcsb-v1:LT-3 */
  readonly audit: AuditWorkspace;
  /**
   * Vault holding the account's customer-managed key (one dedicated to the account). Required from
   * INTERNAL up.
   * @default - none at PUBLIC (Microsoft-managed keys); required from INTERNAL up
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly keyVault?: ClassifiedKeyVault;
  /**
   * Network whose data tier holds the account's blob private endpoint. Required from RESTRICTED up,
   * where public network access is disabled; below, a private endpoint is added when given.
   * @default - none below RESTRICTED; required from RESTRICTED up
   * @see classification:PUBLIC-ACCESS, mcsb-v1:NS-2
   */
  readonly network?: SegmentedVirtualNetwork;
  /**
   * Let anonymous clients read blobs of containers that allow it (PUBLIC only): anonymous blob access
   * and public network access are allowed. The reason is recorded on the account.
   * @default - no anonymous access; network default deny
   * @see classification:PUBLIC-ACCESS, mcsb-v1:NS-2
   */
  readonly anonymousRead?: OptOut;
  /**
   * Keep shared-key (account key and SAS) authorization from CONFIDENTIAL up, for clients that cannot
   * use Entra ID. The reason is recorded on the account.
   * @default - shared keys refused from CONFIDENTIAL up (Entra ID only); allowed below
   * @see classification:ACCESS, mcsb-v1:IM-1
   */
  readonly sharedKeyAccess?: OptOut;
  /**
   * Account name (3-24 lowercase letters and digits, globally unique).
   * @default - generated
   */
  readonly accountName?: pulumi.Input<string>;
}

/**
 * A StorageV2 account holding data of one classification level, each setting derived from the
 * level as the CDK and CDKTF object stores derive theirs:
 *
 * | | PUBLIC | INTERNAL | CONFIDENTIAL | RESTRICTED | TOP_SECRET |
 * |---|---|---|---|---|---|
 * | encryption | Microsoft-managed | Microsoft-managed | customer key | dedicated customer key | + infrastructure encryption |
 * | shared keys | allowed | allowed | refused | refused | refused |
 * | network | default deny | default deny | default deny | private endpoint only | private endpoint only |
 * | blob expiry | - | 730 days | 365 days | 180 days | 30 days |
 * | redundancy | ZRS | ZRS | ZRS | GZRS | GZRS |
 *
 * Always: TLS 1.2 minimum (Azure Storage offers nothing higher), HTTPS only, no anonymous blob access
 * (unless `anonymousRead` at PUBLIC), no cross-tenant replication, OAuth by default in the portal,
 * blob versioning and change feed, blob and container soft delete and, from CONFIDENTIAL up,
 * point-in-time restore, each kept at most as long as the level keeps backups; previous versions
 * expire with the same bound; blob logs to the audit workspace; protected from deletion from
 * INTERNAL up (`protect` and a `CanNotDelete` management lock); tagged `data-classification`.
 */
export class ClassifiedStorageAccount extends pulumi.ComponentResource {
  readonly account: storage.StorageAccount;
  readonly blobService: storage.BlobServiceProperties;
  readonly lifecycle: storage.ManagementPolicy;
  /** The customer-managed key, from INTERNAL up. */
  readonly customerKey?: CustomerManagedKey;
  /** The `CanNotDelete` lock on the account, from INTERNAL up. */
  readonly lock?: pulumi.Resource;
  /** The blob private endpoint, when the account has one. */
  readonly privateEndpoint?: pulumi.Resource;
  readonly classification: Classification;
  /** The recorded opt-outs. */
  readonly optOuts: readonly OptOutRecord[];

  constructor(name: string, props: ClassifiedStorageAccountProps, opts?: pulumi.ComponentResourceOptions) {
    const level = props.classification;
    const req = requirementsFor(level);
    const privateOnly = requiresPrivateEndpoint(level);
    const v = new PropsValidator(`${COMPONENT_PREFIX}:ClassifiedStorageAccount ${name}`);
    v.check(
      !requiresCustomerKey(level) || props.keyVault !== undefined,
      'BULWARK_CUSTOMER_KEY_REQUIRED',
      `\`classification\` ${level} requires a customer-managed key: set \`keyVault\``,
    );
    v.check(
      !privateOnly || props.network !== undefined,
      'BULWARK_PRIVATE_ENDPOINT_REQUIRED',
      `\`classification\` ${level} admits access only through private endpoints: set \`network\``,
    );
    v.check(
      !props.anonymousRead || level === Classification.PUBLIC,
      'BULWARK_PUBLIC_READ_LEVEL',
      `\`classification\` ${level} blocks public access: remove \`anonymousRead\` (only PUBLIC data may be public)`,
    );
    v.check(
      !props.sharedKeyAccess || refusesSharedKeys(level),
      'BULWARK_OPT_OUT_UNNEEDED',
      `\`classification\` ${level} allows shared keys already: remove \`sharedKeyAccess\``,
    );
    v.checkReason('anonymousRead', props.anonymousRead);
    v.checkReason('sharedKeyAccess', props.sharedKeyAccess);
    v.throwIfAny();

    const accountResource = `${name}-account`;
    const optOuts: OptOutRecord[] = [];
    // Anonymous reads need the account's public access open and its network open to the internet.
    if (props.anonymousRead)
      for (const rule of ANONYMOUS_READ_RULES)
        optOuts.push({
          resource: accountResource,
          rule,
          control: 'mcsb-v1:NS-2',
          prop: 'anonymousRead',
          reason: props.anonymousRead.reason,
        });
    if (props.sharedKeyAccess)
      optOuts.push({
        resource: accountResource,
        control: 'mcsb-v1:IM-1',
        prop: 'sharedKeyAccess',
        reason: props.sharedKeyAccess.reason,
      });

    super(`${COMPONENT_PREFIX}:ClassifiedStorageAccount`, name, { classification: level, optOuts }, opts);
    this.classification = level;
    this.optOuts = optOuts;
    const { resourceGroupName, location } = props;

    const key = requiresCustomerKey(level)
      ? props.keyVault!.customerManagedKey(name, {
          classification: level,
          parent: this,
          resourceGroupName,
          location,
        })
      : undefined;
    this.customerKey = key;

    const sharedKeys = !refusesSharedKeys(level) || props.sharedKeyAccess !== undefined;
    const open = props.anonymousRead !== undefined;
    this.account = new storage.StorageAccount(
      accountResource,
      {
        resourceGroupName,
        location,
        accountName: props.accountName,
        kind: 'StorageV2',
        sku: { name: req.backup.crossRegionCopy ? 'Standard_GZRS' : 'Standard_ZRS' },
        minimumTlsVersion: 'TLS1_2',
        enableHttpsTrafficOnly: true,
        allowBlobPublicAccess: open,
        allowSharedKeyAccess: sharedKeys,
        allowCrossTenantReplication: false,
        defaultToOAuthAuthentication: true,
        isLocalUserEnabled: false,
        isSftpEnabled: false,
        allowedCopyScope: privateOnly ? 'PrivateLink' : 'AAD',
        publicNetworkAccess: privateOnly ? 'Disabled' : 'Enabled',
        networkRuleSet: { defaultAction: open ? 'Allow' : 'Deny', bypass: 'AzureServices' },
        ...(key ? { identity: { type: 'UserAssigned', userAssignedIdentities: [key.identity.id] } } : {}),
        encryption: {
          requireInfrastructureEncryption: requiresDoubleEncryption(level),
          services: {
            blob: { enabled: true, keyType: 'Account' },
            file: { enabled: true, keyType: 'Account' },
            queue: { enabled: true, keyType: 'Account' },
            table: { enabled: true, keyType: 'Account' },
          },
          ...(key
            ? {
                keySource: 'Microsoft.Keyvault',
                keyVaultProperties: { keyName: key.keyName, keyVaultUri: key.vaultUri },
                encryptionIdentity: { encryptionUserAssignedIdentity: key.identity.id },
              }
            : { keySource: 'Microsoft.Storage' }),
        },
        tags: resourceTags(level, optOuts, accountResource),
      },
      childOf(this, { protect: req.deletionProtection, dependsOn: key ? [key.grant] : [] }),
    );
    if (req.deletionProtection) this.lock = deleteLock(`${name}-lock`, this.account, this);

    const softDelete = backupRetentionDays(level) ?? MIN_SOFT_DELETE_DAYS;
    const pitr = atLeast(level, Classification.CONFIDENTIAL);
    this.blobService = new storage.BlobServiceProperties(
      `${name}-blobs`,
      {
        resourceGroupName,
        accountName: this.account.name,
        blobServicesName: 'default',
        isVersioningEnabled: true,
        changeFeed: { enabled: true, retentionInDays: softDelete },
        deleteRetentionPolicy: { enabled: true, days: softDelete },
        containerDeleteRetentionPolicy: { enabled: true, days: softDelete },
        // A restore point must lie inside the soft-delete window.
        ...(pitr ? { restorePolicy: { enabled: true, days: softDelete - 1 } } : {}),
      },
      childOf(this),
    );

    this.lifecycle = new storage.ManagementPolicy(
      `${name}-lifecycle`,
      {
        resourceGroupName,
        accountName: this.account.name,
        managementPolicyName: 'default',
        policy: { rules: lifecycleRules(level, softDelete) },
      },
      childOf(this),
    );

    if (props.network) {
      this.privateEndpoint = props.network.privateEndpoint(`${name}-blob`, {
        resourceId: this.account.id,
        groupId: 'blob',
        parent: this,
        tags: classificationTags(level),
      });
    }
    props.audit.diagnostics(`${name}-account`, this.account.id, this, { categoryGroups: [] });
    props.audit.diagnostics(
      `${name}-blobs`,
      pulumi.interpolate`${this.account.id}/blobServices/default`,
      this,
      {
        categoryGroups: ['audit', 'allLogs'],
      },
    );
    this.registerOutputs({ accountId: this.account.id });
  }
}

/**
 * The level's lifecycle rules: current blobs expire after the level's data retention, previous
 * versions and snapshots of block blobs after the soft-delete window (never later than the data).
 */
function lifecycleRules(level: Classification, previousVersionDays: number) {
  const retention = requirementsFor(level).dataRetentionDays;
  const previous = retention === undefined ? previousVersionDays : Math.min(previousVersionDays, retention);
  const expire =
    retention !== undefined ? { baseBlob: { delete: { daysAfterModificationGreaterThan: retention } } } : {};
  const rules = [
    {
      name: 'classification-expiry',
      enabled: true,
      type: 'Lifecycle',
      definition: {
        filters: { blobTypes: ['blockBlob'] },
        actions: {
          ...expire,
          version: { delete: { daysAfterCreationGreaterThan: previous } },
          snapshot: { delete: { daysAfterCreationGreaterThan: previous } },
        },
      },
    },
  ];
  if (retention !== undefined) {
    rules.push({
      name: 'classification-expiry-append',
      enabled: true,
      type: 'Lifecycle',
      definition: {
        filters: { blobTypes: ['appendBlob'] },
        actions: { ...expire } as (typeof rules)[0]['definition']['actions'],
      },
    });
  }
  return rules;
}
