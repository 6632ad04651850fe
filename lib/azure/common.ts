import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import {
  CLASSIFICATION_TAG,
  Classification,
  OPT_OUT_TAG_PREFIX,
  atLeast,
  requirementsFor,
  tagValue,
} from '../classification';

/** Type token prefix of every component of `bulwark/azure`. */
export const COMPONENT_PREFIX = 'bulwark:azure';

/** Where a component's resources live. */
export interface AzurePlacement {
  /** Resource group of every resource the component creates. */
  readonly resourceGroupName: pulumi.Input<string>;
  /**
   * Azure region of every resource the component creates.
   * @default - the provider's `azure-native:location`
   */
  readonly location?: pulumi.Input<string>;
}

/** Props every classified component takes. */
export interface ClassifiedProps extends AzurePlacement {
  /**
   * Data classification level. Decides encryption, key, retention, backups, network access and TLS
   * (docs/classification.md).
   * @see classification:TAG, mcsb-v1:DP-1
   */
  readonly classification: Classification;
}

/** An explicit, reasoned opt-out of a secure default. */
export interface OptOut {
  /** Why the secure default does not fit here (at least 10 characters); shown in every report. */
  readonly reason: string;
}

/** One recorded opt-out: the resource it weakens, the rule (where one asserts it), the control, the prop, the reason. */
export interface OptOutRecord {
  /** Logical name of the resource whose setting the opt-out weakens. */
  readonly resource: string;
  /** The rule whose findings on that resource the opt-out acknowledges, where a rule asserts the setting. */
  readonly rule?: string;
  /** The control the secure default serves (`mcsb-v1:NS-2`). */
  readonly control: string;
  /** The component prop that opted out. */
  readonly prop: string;
  readonly reason: string;
}

/**
 * Tag key prefix of an opt-out recorded on the resource it weakens: `bulwark:opt-out:<prop>`, or
 * `bulwark:opt-out:<prop>:<rule>` when a rule asserts the setting (the checker reads it as an
 * acknowledgement of that rule's findings on the resource), with the reason as value (at most 256
 * characters, Azure's limit on tag values). The component also registers the full
 * {@link OptOutRecord}s as its `optOuts` input.
 */
export { OPT_OUT_TAG_PREFIX };

/** Longest tag value Azure accepts. */
const TAG_VALUE_MAX = 256;

/** Stable codes of component prop errors. */
export type ComponentErrorCode = `BULWARK_${string}`;

/** A component was given props that contradict each other or the classification policy. */
export class ComponentPropsError extends Error {
  constructor(
    readonly code: ComponentErrorCode,
    component: string,
    detail: string,
  ) {
    super(`${component}: ${detail} [${code}]`);
    this.name = 'ComponentPropsError';
  }
}

/** Collects every problem with a component's props, then throws once listing them all. */
export class PropsValidator {
  private readonly problems: { code: ComponentErrorCode; detail: string }[] = [];

  /** `component` names the component in messages: its type and logical name. */
  constructor(private readonly component: string) {}

  /** Record a problem unless `ok`. */
  check(ok: boolean, code: ComponentErrorCode, detail: string): void {
    if (!ok) this.problems.push({ code, detail });
  }

  /** Check an opt-out's reason: at least 10 characters. */
  checkReason(prop: string, optOut: OptOut | undefined): void {
    if (!optOut) return;
    this.check(
      typeof optOut.reason === 'string' && optOut.reason.trim().length >= 10,
      'BULWARK_OPT_OUT_REASON',
      `\`${prop}\` opts out of a secure default and needs a reason of at least 10 characters`,
    );
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    if (this.problems.length === 1)
      throw new ComponentPropsError(this.problems[0]!.code, this.component, this.problems[0]!.detail);
    const detail = this.problems.map((p) => `\n  - ${p.detail} [${p.code}]`).join('');
    throw new ComponentPropsError(
      this.problems[0]!.code,
      this.component,
      `${this.problems.length} problems:${detail}`,
    );
  }
}

/** The `data-classification` tag of a resource holding data of `level`. */
export function classificationTags(level: Classification): Record<string, string> {
  return { [CLASSIFICATION_TAG]: tagValue(level) };
}

/** Tags recording the opt-outs of `records` that weaken `resource`. */
export function optOutTags(records: readonly OptOutRecord[], resource: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of records) {
    if (r.resource !== resource) continue;
    out[`${OPT_OUT_TAG_PREFIX}${r.prop}${r.rule ? `:${r.rule}` : ''}`] = r.reason.slice(0, TAG_VALUE_MAX);
  }
  return out;
}

/** Tags of a classified resource: its level and the opt-outs that weaken it. */
export function resourceTags(
  level: Classification,
  records: readonly OptOutRecord[],
  resource: string,
): Record<string, string> {
  return { ...classificationTags(level), ...optOutTags(records, resource) };
}

/** Whether the level admits access only through private endpoints (RESTRICTED and up). */
export function requiresPrivateEndpoint(level: Classification): boolean {
  const access = requirementsFor(level).publicAccess;
  return access === 'private-endpoints-only' || access === 'private-endpoints-and-mfa';
}

/**
 * Whether the level requires a customer-managed key: every level whose encryption at rest asks more
 * than the provider's own (`kms` from INTERNAL up). Azure holds no provider-managed key in a key
 * service (as AWS's KMS-managed keys are): Microsoft-managed keys are the storage service's own, their
 * use neither logged nor revocable apart from the data, so the least key the table's `kms` admits on
 * Azure is a Key Vault key.
 */
export function requiresCustomerKey(level: Classification): boolean {
  return requirementsFor(level).atRest !== 'provider';
}

/** Whether the level refuses shared-key (account key and SAS) access: Entra ID only (CONFIDENTIAL and up). */
export function refusesSharedKeys(level: Classification): boolean {
  return atLeast(level, Classification.CONFIDENTIAL);
}

/** Whether the level requires two layers of encryption at rest (TOP_SECRET). */
export function requiresDoubleEncryption(level: Classification): boolean {
  return requirementsFor(level).atRest === 'double';
}

/** Whether the level prefers TLS 1.3 where the service offers it (RESTRICTED and up). */
export function prefersTls13(level: Classification): boolean {
  const t = requirementsFor(level).inTransit;
  return t === 'tls1.3-preferred' || t === 'tls1.3-pq-preferred';
}

/**
 * Days backups (and soft-deleted data) of a level are kept: the level's backup retention, never
 * longer than its data retention. `undefined` where the level requires no backups.
 */
export function backupRetentionDays(level: Classification): number | undefined {
  const req = requirementsFor(level);
  const backup = req.backup.retentionDays;
  if (backup === undefined) return undefined;
  return req.dataRetentionDays === undefined ? backup : Math.min(backup, req.dataRetentionDays);
}

/** An ISO 8601 duration of `days` days (`P35D`). */
export function isoDays(days: number): string {
  return `P${days}D`;
}

/** Options placing a child resource under `parent`. */
export function childOf(
  parent: pulumi.Resource,
  opts: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
  return { ...opts, parent };
}

/**
 * A `CanNotDelete` management lock on `target`: Resource Manager refuses to delete it until the lock is removed (a
 * deliberate step, apart from a stack update), while reads and writes go on. `protect` guards the stack, the lock
 * every other way in (portal, CLI, another tool).
 * @see classification:DELETION-PROTECTION, mcsb-v1:AM-3
 */
export function deleteLock(
  name: string,
  target: pulumi.CustomResource,
  parent: pulumi.Resource,
): authorization.ManagementLockByScope {
  return new authorization.ManagementLockByScope(
    name,
    {
      scope: target.id,
      level: 'CanNotDelete',
      notes: 'Holds classified data: deleting it deletes the data.',
    },
    childOf(parent),
  );
}

/**
 * Azure built-in role definition ids used by the components (the same in every tenant).
 * Learn: "Azure built-in roles".
 */
export const BUILT_IN_ROLES = {
  /** Key Vault Crypto Service Encryption User: wrap and unwrap with a key (services' customer-managed keys). */
  keyVaultCryptoServiceEncryptionUser: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  /** Storage Account Backup Contributor: lets a Backup vault protect a storage account's blobs. */
  storageAccountBackupContributor: 'e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1',
  /** Storage Blob Data Contributor: write blobs (flow logs delivered with an identity). */
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
} as const;

/** The full id of a built-in role definition in the current subscription. */
export function roleDefinitionId(subscriptionId: pulumi.Input<string>, role: string): pulumi.Output<string> {
  return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}

/** The tenant and subscription a component works in. */
export interface AzureAccount {
  /**
   * Entra tenant id.
   * @default - the provider's client configuration
   */
  readonly tenantId?: pulumi.Input<string>;
  /**
   * Subscription id, for role definition ids.
   * @default - the provider's client configuration
   */
  readonly subscriptionId?: pulumi.Input<string>;
}

/** Tenant and subscription ids: those given, else the provider's client configuration. */
export function accountOf(
  account: AzureAccount,
  parent: pulumi.Resource,
): { tenantId: pulumi.Input<string>; subscriptionId: pulumi.Input<string> } {
  if (account.tenantId !== undefined && account.subscriptionId !== undefined) {
    return { tenantId: account.tenantId, subscriptionId: account.subscriptionId };
  }
  const config = authorization.getClientConfigOutput({ parent });
  return {
    tenantId: account.tenantId ?? config.tenantId,
    subscriptionId: account.subscriptionId ?? config.subscriptionId,
  };
}
