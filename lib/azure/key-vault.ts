import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as keyvault from '@pulumi/azure-native/keyvault';
import * as managedidentity from '@pulumi/azure-native/managedidentity';
import { Classification, atLeast, requirementsFor } from '../classification';
import type { AuditWorkspace } from './audit-workspace';
import {
  BUILT_IN_ROLES,
  COMPONENT_PREFIX,
  ComponentPropsError,
  accountOf,
  type AzureAccount,
  PropsValidator,
  childOf,
  classificationTags,
  isoDays,
  requiresPrivateEndpoint,
  roleDefinitionId,
  type ClassifiedProps,
} from './common';
import type { SegmentedVirtualNetwork } from './segmented-network';

/** Days a deleted vault and its keys can be recovered (the most Azure allows). */
export const VAULT_SOFT_DELETE_DAYS = 90;

/** Key rotation period where the level sets none (yearly). */
const DEFAULT_ROTATION_DAYS = 365;

/** Days between a key version's rotation and its expiry: the margin for a rotation that fails. */
const EXPIRY_MARGIN_DAYS = 30;

/** RSA key size of customer-managed keys. */
const KEY_SIZE = 3072;

/** Props of {@link ClassifiedKeyVault}. */
export interface ClassifiedKeyVaultProps extends ClassifiedProps, AzureAccount {
  /**
   * Network whose data tier holds the vault's private endpoint. Required from RESTRICTED up; below, the vault
   * (public network access disabled) is reached by trusted Azure services only, and a private endpoint is added
   * when given.
   * @default - none below RESTRICTED; required from RESTRICTED up
   * @see classification:PUBLIC-ACCESS, mcsb-v1:NS-2
   */
  readonly network?: SegmentedVirtualNetwork;
  /** Where the vault's audit events go. @see mcsb-v1:LT-3 */
  readonly audit: AuditWorkspace;
  /**
   * Vault name (3-24 letters, digits and dashes, globally unique).
   * @default - generated
   */
  readonly vaultName?: pulumi.Input<string>;
}

/** A customer-managed key, the identity a service uses it with, and that identity's role on it. */
export interface CustomerManagedKey {
  readonly key: keyvault.Key;
  /** Name of the key in the vault. */
  readonly keyName: pulumi.Output<string>;
  /** Versionless key URI: services follow its rotations. */
  readonly keyUri: pulumi.Output<string>;
  /** The vault's URI. */
  readonly vaultUri: pulumi.Output<string>;
  /** User-assigned identity the service reads the key with. */
  readonly identity: managedidentity.UserAssignedIdentity;
  /** Key Vault Crypto Service Encryption User for `identity`, on the key only. */
  readonly grant: authorization.RoleAssignment;
}

/** Options of {@link ClassifiedKeyVault.customerManagedKey}. */
export interface CustomerManagedKeyOptions {
  /** Level of the data the key encrypts: decides rotation. */
  readonly classification: Classification;
  /** Component the key, identity and grant belong to. */
  readonly parent: pulumi.Resource;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location?: pulumi.Input<string>;
}

/**
 * A Key Vault for the keys of classified data: Azure RBAC authorization (no access policies), soft
 * delete kept 90 days, purge protection, public network access disabled and the network ACL denying
 * by default (trusted Azure services only), reached through a private endpoint in the data tier (from
 * RESTRICTED up; below, when a network is given);
 * HSM-backed (premium) from RESTRICTED up; audit events to the audit workspace. Keys it creates
 * rotate as their data's level requires.
 */
export class ClassifiedKeyVault extends pulumi.ComponentResource {
  readonly vault: keyvault.Vault;
  /** The vault's private endpoint, when it has one. */
  readonly privateEndpoint?: pulumi.Resource;
  readonly classification: Classification;
  /** Whether keys are HSM-backed. */
  readonly hsm: boolean;

  private readonly subscriptionId: pulumi.Input<string>;
  private readonly vaultName: string;

  constructor(name: string, props: ClassifiedKeyVaultProps, opts?: pulumi.ComponentResourceOptions) {
    const v = new PropsValidator(`${COMPONENT_PREFIX}:ClassifiedKeyVault ${name}`);
    v.check(
      Object.values(Classification).includes(props.classification),
      'BULWARK_CLASSIFICATION',
      `\`classification\` \`${String(props.classification)}\` is not a level`,
    );
    v.check(
      !requiresPrivateEndpoint(props.classification) || props.network !== undefined,
      'BULWARK_PRIVATE_ENDPOINT_REQUIRED',
      `\`classification\` ${props.classification} admits access only through private endpoints: set \`network\``,
    );
    v.throwIfAny();
    super(`${COMPONENT_PREFIX}:ClassifiedKeyVault`, name, { classification: props.classification }, opts);
    const level = props.classification;
    this.classification = level;
    this.vaultName = name;
    this.hsm = atLeast(level, Classification.RESTRICTED);
    const { tenantId, subscriptionId } = accountOf(props, this);
    this.subscriptionId = subscriptionId;

    this.vault = new keyvault.Vault(
      `${name}-vault`,
      {
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        vaultName: props.vaultName,
        properties: {
          tenantId,
          sku: { family: 'A', name: this.hsm ? 'premium' : 'standard' },
          enableRbacAuthorization: true,
          enableSoftDelete: true,
          softDeleteRetentionInDays: VAULT_SOFT_DELETE_DAYS,
          enablePurgeProtection: true,
          publicNetworkAccess: 'Disabled',
          networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
          enabledForDeployment: false,
          enabledForDiskEncryption: false,
          enabledForTemplateDeployment: false,
        },
        tags: classificationTags(level),
      },
      childOf(this, { protect: requirementsFor(level).deletionProtection }),
    );
    this.privateEndpoint = props.network?.privateEndpoint(`${name}-vault`, {
      resourceId: this.vault.id,
      groupId: 'vault',
      parent: this,
      tags: classificationTags(level),
    });
    props.audit.diagnostics(`${name}-vault`, this.vault.id, this, { categoryGroups: ['audit', 'allLogs'] });
    this.registerOutputs({ vaultId: this.vault.id });
  }

  /**
   * A key dedicated to one store, rotating as the store's level requires (yearly at CONFIDENTIAL,
   * every 180 days at RESTRICTED, every 90 days at TOP_SECRET), each version expiring 30 days after
   * its rotation is due; a user-assigned identity for the store, granted Key Vault Crypto Service
   * Encryption User on this key only. The store's level may not exceed the vault's.
   * @see mcsb-v1:DP-5, mcsb-v1:DP-6
   */
  customerManagedKey(name: string, options: CustomerManagedKeyOptions): CustomerManagedKey {
    if (!atLeast(this.classification, options.classification)) {
      throw new ComponentPropsError(
        'BULWARK_KEY_VAULT_LEVEL',
        `${COMPONENT_PREFIX}:ClassifiedKeyVault ${this.vaultName}`,
        `\`${name}\` holds ${options.classification} data and this vault is ${this.classification}: keys live in a vault of at least their data's level`,
      );
    }
    const rotation = requirementsFor(options.classification).keyRotationDays ?? DEFAULT_ROTATION_DAYS;
    const key = new keyvault.Key(
      `${name}-key`,
      {
        resourceGroupName: options.resourceGroupName,
        vaultName: this.vault.name,
        properties: {
          kty: this.hsm ? 'RSA-HSM' : 'RSA',
          keySize: KEY_SIZE,
          keyOps: ['wrapKey', 'unwrapKey'],
          rotationPolicy: {
            attributes: { expiryTime: isoDays(rotation + EXPIRY_MARGIN_DAYS) },
            lifetimeActions: [
              { trigger: { timeAfterCreate: isoDays(rotation) }, action: { type: 'rotate' } },
              { trigger: { timeBeforeExpiry: isoDays(EXPIRY_MARGIN_DAYS) }, action: { type: 'notify' } },
            ],
          },
        },
        tags: classificationTags(options.classification),
      },
      { parent: options.parent },
    );
    const identity = new managedidentity.UserAssignedIdentity(
      `${name}-identity`,
      { resourceGroupName: options.resourceGroupName, location: options.location },
      { parent: options.parent },
    );
    const grant = new authorization.RoleAssignment(
      `${name}-key-grant`,
      {
        scope: key.id,
        principalId: identity.principalId,
        principalType: 'ServicePrincipal',
        roleDefinitionId: roleDefinitionId(
          this.subscriptionId,
          BUILT_IN_ROLES.keyVaultCryptoServiceEncryptionUser,
        ),
        description: `${name} encrypts its data with key ${name}-key of vault ${this.vaultName}`,
      },
      { parent: options.parent },
    );
    return {
      key,
      keyName: key.name,
      keyUri: key.keyUri,
      vaultUri: this.vault.properties.apply((p) => p.vaultUri),
      identity,
      grant,
    };
  }
}
