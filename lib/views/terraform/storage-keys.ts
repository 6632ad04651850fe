import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  isObject,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type { BackupPlanView, BackupVaultView, DataStoreView, Fact, KeyView, PolicyDocument } from '../kinds';
import { planRule, selectionOf } from '../common/backup-plans';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import {
  expiryDays,
  minTls,
  noncurrentDays,
  objectLock,
  publicAccessBlock,
  versioning,
} from '../common/object-store';
import { documentAllowsPublic, deniesInsecureTransport, type TlsDenyScope } from '../common/policy';
import { terraformPolicyDocument } from '../common/terraform-policy';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { block, blocks, unset } from './arguments';
import { retainedOnDelete } from './lifecycle';
import { terraformLogDeliveriesInto } from './log-delivery';

/*
 * AWS provider adapters of the storage-keys family: S3 buckets with their split configuration
 * resources and the older inline arguments, KMS keys, Secrets Manager secrets. They map the
 * provider's arguments onto the facts the CloudFormation adapters derive, so one rule judges both.
 */

const BUCKET = 'aws_s3_bucket';

/**
 * The one resource of `type` that configures `target` through its argument `argument` (by reference
 * or by a value the target claims). Several, or one that may name it, make the setting unknown.
 */
function configuredBy(
  target: Resource,
  graph: ResourceGraph,
  type: string,
  argument: string,
): Resource | Unknown | undefined {
  const found = graph.attachedBy(target.address, type, (x) => x.properties[argument]);
  if (found.attached.length > 1)
    return new Unknown(
      `several \`${type}\` configure \`${displayName(target)}\`: ${found.attached.map((x) => `\`${x.address}\``).join(', ')}`,
    );
  const uncertain = found.uncertain[0];
  if (uncertain)
    return new Unknown(
      `\`${uncertain.resource.address}\` may configure \`${displayName(target)}\` (${uncertain.reason.reason})`,
    );
  return found.attached[0];
}

/** A setting read from a split resource when one configures the target, else from the inline argument. */
function splitOrInline<T>(
  split: Resource | Unknown | undefined,
  fromSplit: (r: Resource) => T,
  inline: () => T,
  onUnknown: (u: Unknown) => T,
): T {
  if (split instanceof Unknown) return onUnknown(split);
  return split ? fromSplit(split) : inline();
}

// S3 -----------------------------------------------------------------------------------------

/** Encryption of `apply_server_side_encryption_by_default` (split resource or inline rule). */
function sseEncryption(
  rules: Value | undefined,
  graph: ResourceGraph,
  holder: Resource,
): DataStoreView['encryption'] {
  const rule = block(rules);
  if (rule instanceof Unknown) return { atRest: rule };
  const dflt = block(rule?.apply_server_side_encryption_by_default);
  if (dflt instanceof Unknown) return { atRest: dflt };
  const algorithm = dflt?.sse_algorithm;
  if (algorithm === undefined || algorithm === null) return { atRest: 'provider' };
  if (algorithm instanceof Unknown) return { atRest: algorithm };
  if (algorithm === 'AES256') return { atRest: 'provider' };
  const key = dflt?.kms_master_key_id;
  const keyValue = key === '' ? undefined : key;
  if (algorithm === 'aws:kms') return kmsEncryption(keyValue, graph, 'kms-provider-key', holder);
  if (algorithm === 'aws:kms:dsse') {
    const kms = kmsEncryption(keyValue, graph, 'kms-provider-key', holder);
    return kms.atRest instanceof Unknown ? kms : { atRest: 'double', key: kms.key };
  }
  return { atRest: new Unknown(`unrecognised SSE algorithm ${show(algorithm)}`) };
}

/** Public access block arguments in CloudFormation's shape; Terraform's arguments default to false. */
function blockSettings(r: Resource): ValueObject {
  const p = r.properties;
  const setting = (v: Value | undefined): Value => (unset(v) ? false : v!);
  return {
    BlockPublicAcls: setting(p.block_public_acls),
    BlockPublicPolicy: setting(p.block_public_policy),
    IgnorePublicAcls: setting(p.ignore_public_acls),
    RestrictPublicBuckets: setting(p.restrict_public_buckets),
  };
}

/**
 * Public access of a bucket: its `aws_s3_bucket_public_access_block`, else S3's default for new
 * buckets (blocked); an `aws_s3_account_public_access_block` of the graph with all four settings on
 * blocks every bucket of the account whatever the bucket's own settings.
 */
function bucketPublicAccess(r: Resource, graph: ResourceGraph): DataStoreView['publicAccess'] {
  const accountBlocked = graph
    .ofType('aws_s3_account_public_access_block')
    .some((a) => publicAccessBlock(blockSettings(a)) === 'blocked');
  if (accountBlocked) return 'blocked';
  const pab = configuredBy(r, graph, 'aws_s3_bucket_public_access_block', 'bucket');
  if (pab instanceof Unknown) return pab;
  return publicAccessBlock(pab ? blockSettings(pab) : undefined);
}

/** `Enabled`, `Suspended` or `Disabled` from `aws_s3_bucket_versioning`, else from the inline block. */
function versioningStatus(r: Resource, graph: ResourceGraph): Value | undefined {
  return splitOrInline<Value | undefined>(
    configuredBy(r, graph, 'aws_s3_bucket_versioning', 'bucket'),
    (v) => {
      const cfg = block(v.properties.versioning_configuration);
      return cfg instanceof Unknown ? cfg : cfg?.status;
    },
    () => {
      const cfg = block(r.properties.versioning);
      if (cfg instanceof Unknown) return cfg;
      const on = asBool(cfg?.enabled);
      return on instanceof Unknown ? on : on ? 'Enabled' : cfg === undefined ? undefined : 'Suspended';
    },
    (u) => u,
  );
}

/** Whether a lifecycle filter narrows the rule (a prefix, tag, size or `and` block). */
function narrows(filter: Value | undefined): boolean | Unknown {
  if (unset(filter)) return false;
  if (filter instanceof Unknown) return filter;
  for (const f of asList(filter)) {
    if (f instanceof Unknown) return f;
    if (!isObject(f)) continue;
    for (const v of Object.values(f)) {
      if (v instanceof Unknown) return v;
      if (v === null || v === '' || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
      if (isObject(v) && Object.keys(v).length === 0) continue;
      return true;
    }
  }
  return false;
}

/** Days of an `expiration`/`noncurrent_version_expiration` block argument, or undefined. */
function daysOf(b: Value | undefined, argument: string): Value | undefined {
  const x = block(b);
  if (x instanceof Unknown) return x;
  const d = x?.[argument];
  return d === null || d === 0 ? undefined : d;
}

/**
 * Lifecycle rules in CloudFormation's shape (`Status`, `Filter`, `ExpirationInDays`,
 * `NoncurrentVersionExpiration`), from `aws_s3_bucket_lifecycle_configuration` or the inline
 * `lifecycle_rule` blocks.
 */
function lifecycleRules(r: Resource, graph: ResourceGraph): Value | undefined {
  const split = configuredBy(r, graph, 'aws_s3_bucket_lifecycle_configuration', 'bucket');
  if (split instanceof Unknown) return split;
  const list = blocks(split ? split.properties.rule : r.properties.lifecycle_rule);
  if (list instanceof Unknown) return list;
  return list.map((rule): Value => {
    const status = split ? rule.status : rule.enabled === true ? 'Enabled' : rule.enabled;
    const filterKeys = split ? [rule.filter, rule.prefix] : [rule.prefix, rule.tags];
    const narrowing = filterKeys.map(narrows);
    const unknownFilter = narrowing.find((n): n is Unknown => n instanceof Unknown);
    const out: ValueObject = { Status: status instanceof Unknown ? status : (status ?? null) };
    if (unknownFilter) out.Filter = unknownFilter;
    else if (narrowing.some((n) => n === true)) out.Prefix = 'narrowed';
    const expiry = daysOf(rule.expiration, 'days');
    if (expiry !== undefined) out.ExpirationInDays = expiry;
    const noncurrent = block(rule.noncurrent_version_expiration);
    if (noncurrent instanceof Unknown) out.NoncurrentVersionExpiration = { NoncurrentDays: noncurrent };
    else if (noncurrent) {
      const days = split ? noncurrent.noncurrent_days : noncurrent.days;
      const newer = noncurrent.newer_noncurrent_versions;
      const e: ValueObject = { NoncurrentDays: days ?? null };
      if (!unset(newer) && newer !== 0) e.NewerNoncurrentVersions = newer!;
      if (days !== undefined && days !== null) out.NoncurrentVersionExpiration = e;
    }
    return out;
  });
}

/** Object lock: `object_lock_enabled` with `aws_s3_bucket_object_lock_configuration`, or the v3 inline block. */
function bucketObjectLock(r: Resource, graph: ResourceGraph): DataStoreView['immutability'] {
  const retention = (rule: Value | undefined): Value | undefined => {
    const x = block(rule);
    if (x instanceof Unknown) return x;
    const d = block(x?.default_retention);
    if (d instanceof Unknown || d === undefined) return d;
    return { Mode: d.mode ?? null, Days: d.days ?? null, Years: d.years ?? null };
  };
  const inline = block(r.properties.object_lock_configuration);
  if (inline instanceof Unknown) return inline;
  const enabledInline = inline?.object_lock_enabled;
  const enabled =
    enabledInline === 'Enabled'
      ? true
      : unset(r.properties.object_lock_enabled)
        ? undefined
        : r.properties.object_lock_enabled;
  const split = configuredBy(r, graph, 'aws_s3_bucket_object_lock_configuration', 'bucket');
  if (split instanceof Unknown) return split;
  const rule = split ? retention(split.properties.rule) : retention(inline?.rule);
  return objectLock(enabled, rule);
}

/** The bucket's server access logging target: `aws_s3_bucket_logging`, else the inline `logging` block. */
function loggingTarget(r: Resource, graph: ResourceGraph): Value | undefined {
  return splitOrInline<Value | undefined>(
    configuredBy(r, graph, 'aws_s3_bucket_logging', 'bucket'),
    (l) => l.properties.target_bucket ?? new Unknown(`\`${l.address}\` names no target bucket`),
    () => {
      const b = block(r.properties.logging);
      return b instanceof Unknown ? b : b?.target_bucket;
    },
    (u) => u,
  );
}

/** Buckets of the graph that deliver their server access logs into `r`. */
function logSources(r: Resource, graph: ResourceGraph): string[] {
  const out = new Set<string>();
  for (const l of graph.attachedBy(r.address, 'aws_s3_bucket_logging', (x) => x.properties.target_bucket)
    .attached) {
    const source = graph.target(l.properties.bucket, l, BUCKET);
    if (source && !(source instanceof Unknown)) out.add(source.address);
  }
  for (const b of graph.attachedBy(r.address, BUCKET, (x) => {
    const lb = block(x.properties.logging);
    return lb instanceof Unknown ? lb : lb?.target_bucket;
  }).attached)
    out.add(b.address);
  return [...out];
}

/** The renderings of a bucket's ARN a policy may use: its known ARN, `arn:<partition>:s3:::<name>`, its references. */
function bucketArns(r: Resource): string[] {
  const out = new Set<string>();
  for (const id of r.identities ?? []) {
    const text = typeof id === 'string' ? id : id.display;
    if (text && text.startsWith('arn:')) out.add(text);
  }
  const name = r.properties.bucket;
  const names = [typeof name === 'string' ? name : name instanceof Unknown ? name.display : undefined];
  // `${aws_s3_bucket.b.id}` as written in the configuration (its Terraform address, without a stack prefix).
  const written = r.logicalId ?? r.address;
  for (const attr of ['id', 'bucket']) names.push(`\${${written}.${attr}}`);
  for (const n of names)
    if (n) for (const p of ['aws', 'aws-cn', 'aws-us-gov']) out.add(`arn:${p}:s3:::${n}`);
  out.add(`\${${written}.arn}`);
  return [...out];
}

/** The bucket's policies: `aws_s3_bucket_policy` resources that name it, and its inline `policy`. */
function bucketPolicy(r: Resource, graph: ResourceGraph): PolicyDocument {
  const docs: PolicyDocument[] = [];
  const found = graph.attachedBy(r.address, 'aws_s3_bucket_policy', (x) => x.properties.bucket);
  for (const bp of found.attached) docs.push(terraformPolicyDocument(bp.properties.policy, graph));
  if (!unset(r.properties.policy)) docs.push(terraformPolicyDocument(r.properties.policy, graph));
  const u = found.uncertain[0];
  const unresolved =
    docs.find((d) => d.unresolved)?.unresolved ??
    (u &&
      new Unknown(
        `bucket policy \`${displayName(u.resource)}\` may attach to the bucket (${u.reason.reason})`,
      ));
  const statements = docs.flatMap((d) => d.statements);
  return unresolved ? { statements, unresolved } : { statements };
}

/** `aws_s3_bucket` -> data store, with the facts of the split resources that configure it. */
export function bucketView(r: Resource, ctx: AdapterContext): DataStoreView {
  const { graph } = ctx;
  const sse = configuredBy(r, graph, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket');
  const encryption: DataStoreView['encryption'] =
    sse instanceof Unknown
      ? { atRest: sse }
      : sse
        ? sseEncryption(sse.properties.rule, graph, r)
        : (() => {
            const inline = block(r.properties.server_side_encryption_configuration);
            return inline instanceof Unknown ? { atRest: inline } : sseEncryption(inline?.rule, graph, r);
          })();
  const policy = bucketPolicy(r, graph);
  const { statements, unresolved } = policy;
  const scope: TlsDenyScope = { actions: ['s3:*'], arns: bucketArns(r), subResources: true };
  const status = versioningStatus(r, graph);
  const rules = lifecycleRules(r, graph);
  const logging = loggingTarget(r, graph);
  return {
    kind: 'data-store',
    storeType: 'object-store',
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
    encryption,
    tlsOnly: statements.some((s) => deniesInsecureTransport(s, scope)) ? true : (unresolved ?? false),
    publicAccess: bucketPublicAccess(r, graph),
    policyAllowsPublic: documentAllowsPublic({ statements, ...(unresolved ? { unresolved } : {}) }),
    versioning: versioning(status),
    dataRetentionDays: expiryDays(rules),
    noncurrentVersionRetentionDays: noncurrentDays(status, rules),
    minTls: minTls(statements, scope, unresolved),
    resourcePolicy: policy,
    retainedOnDelete: retainedOnDelete(r),
    immutability: bucketObjectLock(r, graph),
    accessLogging: logging instanceof Unknown ? logging : logging !== undefined && logging !== null,
    receivesAccessLogsOf: logSources(r, graph),
    logDeliveries: terraformLogDeliveriesInto(r, graph),
  };
}

// KMS ----------------------------------------------------------------------------------------

const DEFAULT_ROTATION_DAYS = 365;

/**
 * `aws_kms_key` -> key. Provider defaults: `customer_master_key_spec` `SYMMETRIC_DEFAULT`, rotation
 * off, `is_enabled` true, rotation period 365 days once rotation is on. The key policy is its
 * `policy` argument or an `aws_kms_key_policy` naming it; neither set: the default key policy.
 */
export function keyView(r: Resource, ctx: AdapterContext): KeyView {
  const p = r.properties;
  const spec = unset(p.customer_master_key_spec) ? undefined : asString(p.customer_master_key_spec);
  const keySpec: Fact<string> = spec ?? 'SYMMETRIC_DEFAULT';
  const rotationEnabled: Fact<boolean> = unset(p.enable_key_rotation)
    ? false
    : (asBool(p.enable_key_rotation) ?? false);
  let rotationPeriodDays: Fact<number> | undefined;
  if (rotationEnabled instanceof Unknown) rotationPeriodDays = rotationEnabled;
  else if (rotationEnabled)
    rotationPeriodDays = unset(p.rotation_period_in_days)
      ? DEFAULT_ROTATION_DAYS
      : (asNumber(p.rotation_period_in_days) ?? DEFAULT_ROTATION_DAYS);
  const split = configuredBy(r, ctx.graph, 'aws_kms_key_policy', 'key_id');
  const policy =
    split instanceof Unknown
      ? { statements: [], unresolved: split }
      : split
        ? terraformPolicyDocument(split.properties.policy, ctx.graph)
        : unset(p.policy)
          ? undefined
          : terraformPolicyDocument(p.policy, ctx.graph);
  return {
    kind: 'key',
    resource: r,
    name: displayName(r),
    keySpec,
    symmetric: keySpec instanceof Unknown ? keySpec : keySpec === 'SYMMETRIC_DEFAULT',
    rotationEnabled,
    rotationPeriodDays,
    enabled: unset(p.is_enabled) ? true : (asBool(p.is_enabled) ?? true),
    policy,
    classification: classificationOf(r),
  };
}

// Secrets Manager ----------------------------------------------------------------------------

/**
 * `aws_secretsmanager_secret` -> data store: encrypted with `aws/secretsmanager` unless `kms_key_id`
 * names a key; rotated when an `aws_secretsmanager_secret_rotation` names it (or, provider v3, its
 * inline `rotation_lambda_arn`); its resource policy is its `policy` and any
 * `aws_secretsmanager_secret_policy` naming it.
 */
export function secretView(r: Resource, ctx: AdapterContext): DataStoreView {
  const { graph } = ctx;
  const p = r.properties;
  const rotations = graph.attachedBy(
    r.address,
    'aws_secretsmanager_secret_rotation',
    (x) => x.properties.secret_id,
  );
  const inlineRotation = unset(p.rotation_lambda_arn) ? false : true;
  const enabledInline = unset(p.rotation_enabled) ? undefined : asBool(p.rotation_enabled);
  const rotation: Fact<boolean> =
    rotations.attached.length > 0 || inlineRotation || enabledInline === true
      ? true
      : (rotations.uncertain[0]?.reason ?? (enabledInline instanceof Unknown ? enabledInline : false));
  const docs: PolicyDocument[] = [];
  const policies = graph.attachedBy(
    r.address,
    'aws_secretsmanager_secret_policy',
    (x) => x.properties.secret_arn,
  );
  for (const sp of policies.attached) docs.push(terraformPolicyDocument(sp.properties.policy, graph));
  if (!unset(p.policy)) docs.push(terraformPolicyDocument(p.policy, graph));
  const unresolved = docs.find((d) => d.unresolved)?.unresolved ?? policies.uncertain[0]?.reason;
  const statements = docs.flatMap((d) => d.statements);
  const key = unset(p.kms_key_id) ? undefined : p.kms_key_id;
  const encryption = kmsEncryption(key, graph, 'kms-provider-key', r);
  return {
    kind: 'data-store',
    storeType: 'secret',
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
    encryption:
      encryption.atRest === 'customer-key' || encryption.atRest === 'double'
        ? encryption
        : { atRest: encryption.atRest },
    retainedOnDelete: retainedOnDelete(r),
    rotation,
    resourcePolicy: unresolved ? { statements, unresolved } : { statements },
  };
}

// AWS Backup ---------------------------------------------------------------------------------

const VAULT = 'aws_backup_vault';

/** Days of a lifecycle block's `delete_after`, in CloudFormation's shape. */
function lifecycleShape(v: Value | undefined): Value | undefined {
  const b = block(v);
  if (b instanceof Unknown) return { DeleteAfterDays: b };
  return b && !unset(b.delete_after) ? { DeleteAfterDays: b.delete_after! } : undefined;
}

/**
 * `aws_backup_vault` -> backup vault: encrypted with the AWS Backup managed key unless `kms_key_arn`
 * names one; locked by an `aws_backup_vault_lock_configuration` naming it (compliance mode with
 * `changeable_for_days`, else governance); its events from an `aws_backup_vault_notifications`.
 */
export function vaultView(r: Resource, ctx: AdapterContext): BackupVaultView {
  const { graph } = ctx;
  const p = r.properties;
  const lockCfg = configuredBy(r, graph, 'aws_backup_vault_lock_configuration', 'backup_vault_name');
  let lock: BackupVaultView['lock'];
  if (lockCfg instanceof Unknown) lock = lockCfg;
  else if (!lockCfg) lock = { mode: 'none' };
  else {
    const l = lockCfg.properties;
    const min = unset(l.min_retention_days) ? undefined : asNumber(l.min_retention_days);
    const max = unset(l.max_retention_days) ? undefined : asNumber(l.max_retention_days);
    const changeable = unset(l.changeable_for_days) ? undefined : asNumber(l.changeable_for_days);
    const u = [min, max, changeable].find((x): x is Unknown => x instanceof Unknown);
    lock = u ?? {
      mode: changeable === undefined ? 'governance' : 'compliance',
      minRetentionDays: min as number | undefined,
      maxRetentionDays: max as number | undefined,
    };
  }
  const n = configuredBy(r, graph, 'aws_backup_vault_notifications', 'backup_vault_name');
  let notifications: Fact<readonly string[]> = [];
  if (n instanceof Unknown) notifications = n;
  else if (n) {
    const events = n.properties.backup_vault_events;
    if (events instanceof Unknown) notifications = events;
    else {
      const list: string[] = [];
      for (const e of asList(events)) {
        if (typeof e !== 'string') {
          notifications = new Unknown(`vault event ${show(e)} cannot be resolved`);
          break;
        }
        list.push(e);
      }
      if (!(notifications instanceof Unknown)) notifications = list;
    }
  }
  const key = unset(p.kms_key_arn) ? undefined : p.kms_key_arn;
  return {
    kind: 'backup-vault',
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
    encryption: kmsEncryption(key, graph, 'kms-provider-key', r),
    lock,
    notifications,
  };
}

/** An `aws_backup_selection` in CloudFormation's shape. */
function selectionShape(s: Resource): Value {
  const p = s.properties;
  const tags = blocks(p.selection_tag);
  const condition = block(p.condition);
  const conditions = (op: string): Value => {
    if (condition instanceof Unknown) return condition;
    const list = blocks(condition?.[op]);
    if (list instanceof Unknown) return list;
    return list.map((c) => ({ ConditionKey: c.key ?? null, ConditionValue: c.value ?? null }));
  };
  return {
    ListOfTags:
      tags instanceof Unknown
        ? tags
        : tags.map((t) => ({
            ConditionType: t.type ?? null,
            ConditionKey: t.key ?? null,
            ConditionValue: t.value ?? null,
          })),
    Conditions: {
      StringEquals: conditions('string_equals'),
      StringLike: conditions('string_like'),
      StringNotEquals: conditions('string_not_equals'),
      StringNotLike: conditions('string_not_like'),
    },
    Resources: unset(p.resources) ? [] : p.resources!,
    NotResources: unset(p.not_resources) ? [] : p.not_resources!,
  };
}

/** `aws_backup_plan` -> backup plan, with its `rule` blocks and the `aws_backup_selection`s naming it (`plan_id`). */
export function planView(r: Resource, ctx: AdapterContext): BackupPlanView {
  const { graph } = ctx;
  const rules = blocks(r.properties.rule);
  const selections = graph
    .attachedBy(r.address, 'aws_backup_selection', (s) => s.properties.plan_id)
    .attached.map((s) => selectionOf(s.address, selectionShape(s), graph));
  return {
    kind: 'backup-plan',
    resource: r,
    name: displayName(r),
    rules:
      rules instanceof Unknown
        ? [{ name: show(rules), continuous: rules, copiesTo: [] }]
        : rules.map((rule) => {
            const copies = blocks(rule.copy_action);
            const shape: ValueObject = {
              RuleName: rule.rule_name ?? null,
              TargetBackupVault: rule.target_vault_name ?? null,
              ScheduleExpression: unset(rule.schedule) ? null : rule.schedule!,
              EnableContinuousBackup: unset(rule.enable_continuous_backup)
                ? false
                : rule.enable_continuous_backup!,
              CopyActions:
                copies instanceof Unknown
                  ? copies
                  : copies.map((c) => {
                      const out: ValueObject = { DestinationBackupVaultArn: c.destination_vault_arn ?? null };
                      const l = lifecycleShape(c.lifecycle);
                      if (l !== undefined) out.Lifecycle = l;
                      return out;
                    }),
            };
            const l = lifecycleShape(rule.lifecycle);
            if (l !== undefined) shape.Lifecycle = l;
            return planRule(shape, graph, r, VAULT);
          }),
    selections,
  };
}

/** Adapters of S3 buckets, KMS keys, Secrets Manager secrets and AWS Backup for the Terraform source. */
export function registerStorageKeys(registry: AdapterRegistry): void {
  registry
    .register('terraform', BUCKET, bucketView)
    .register('terraform', 'aws_kms_key', keyView)
    .register('terraform', 'aws_secretsmanager_secret', secretView)
    .register('terraform', VAULT, vaultView)
    .register('terraform', 'aws_backup_plan', planView);
}
