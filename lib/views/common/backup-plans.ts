import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  get,
  isObject,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import {
  CLASSIFICATION_TAG,
  LEVELS,
  parseClassification,
  tagValue,
  type Classification,
} from '../../classification';
import type { BackupPlanRule, BackupPlanView, Fact } from '../kinds';
import { classificationOf } from './classification';
import { wildcardMatch } from './wildcard';

/*
 * Backup plan rules and selections in CloudFormation's shape, read into the backup-plan view. Adapters of
 * other sources map their plans onto this shape first.
 */

/** Address of a vault named by reference or by name or ARN, else the name or ARN as written. */
function vaultOf(
  v: Value | undefined,
  graph: ResourceGraph,
  holder: Resource,
  vaultType: string,
): Fact<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof ResourceRef) return v.address;
  const conditional = v instanceof Unknown && (v.display ?? '').includes('${If:');
  const inGraph = refsIn(v).find((ref) => graph.get(ref.address)?.type === vaultType);
  if (inGraph && !conditional) return inGraph.address;
  if (!conditional) {
    const named = graph.target(v, holder, vaultType);
    if (named instanceof Unknown) return named;
    if (named) return named.address;
  }
  return asString(v);
}

/**
 * A backup plan rule in CloudFormation's shape (`RuleName`, `TargetBackupVault`, `ScheduleExpression`,
 * `Lifecycle.DeleteAfterDays`, `CopyActions`); vaults are resources of `vaultType`.
 */
export function planRule(
  rule: Value,
  graph: ResourceGraph,
  holder: Resource,
  vaultType: string,
): BackupPlanRule {
  const name = get(rule, 'RuleName');
  const vault = vaultOf(get(rule, 'TargetBackupVault'), graph, holder, vaultType);
  const copies = get(rule, 'CopyActions');
  const copyActions = copies instanceof Unknown ? [] : asList(copies);
  return {
    name: typeof name === 'string' ? name : show(name),
    schedule: asString(get(rule, 'ScheduleExpression')),
    deleteAfterDays: asNumber(get(rule, 'Lifecycle', 'DeleteAfterDays')),
    continuous: asBool(get(rule, 'EnableContinuousBackup')) ?? false,
    vault: typeof vault === 'string' ? vault : vault?.toString(),
    copiesTo:
      copies instanceof Unknown
        ? [copies]
        : asList(copies)
            .map((c) => vaultOf(get(c, 'DestinationBackupVaultArn'), graph, holder, vaultType))
            .filter((c): c is Fact<string> => c !== undefined),
    copies:
      copies instanceof Unknown
        ? [{ destination: copies, deleteAfterDays: copies }]
        : copyActions.map((c) => ({
            destination:
              vaultOf(get(c, 'DestinationBackupVaultArn'), graph, holder, vaultType) ??
              new Unknown('copy action names no destination vault'),
            deleteAfterDays: asNumber(get(c, 'Lifecycle', 'DeleteAfterDays')),
          })),
  };
}

/**
 * Resource types AWS Backup protects that carry data of a classification level, with how an ARN names one:
 * its service and the resource part before the name or id, which the type's primary identifier (a
 * CloudFormation `Ref`, a Terraform `name` or `id`) completes.
 */
const BACKUP_TYPES: ReadonlyMap<string, { service: string; resource: string; global?: boolean }> = new Map([
  ['AWS::S3::Bucket', { service: 's3', resource: '', global: true }],
  ['AWS::DynamoDB::Table', { service: 'dynamodb', resource: 'table/' }],
  ['AWS::RDS::DBInstance', { service: 'rds', resource: 'db:' }],
  ['AWS::RDS::DBCluster', { service: 'rds', resource: 'cluster:' }],
  ['AWS::EC2::Volume', { service: 'ec2', resource: 'volume/' }],
  ['AWS::EFS::FileSystem', { service: 'elasticfilesystem', resource: 'file-system/' }],
  ['AWS::FSx::FileSystem', { service: 'fsx', resource: 'file-system/' }],
  ['AWS::Neptune::DBCluster', { service: 'rds', resource: 'cluster:' }],
  ['AWS::DocDB::DBCluster', { service: 'rds', resource: 'cluster:' }],
  ['AWS::Redshift::Cluster', { service: 'redshift', resource: 'cluster:' }],
  ['aws_s3_bucket', { service: 's3', resource: '', global: true }],
  ['aws_dynamodb_table', { service: 'dynamodb', resource: 'table/' }],
  ['aws_db_instance', { service: 'rds', resource: 'db:' }],
  ['aws_rds_cluster', { service: 'rds', resource: 'cluster:' }],
  ['aws_ebs_volume', { service: 'ec2', resource: 'volume/' }],
  ['aws_efs_file_system', { service: 'elasticfilesystem', resource: 'file-system/' }],
  ['aws_fsx_lustre_file_system', { service: 'fsx', resource: 'file-system/' }],
  ['aws_fsx_windows_file_system', { service: 'fsx', resource: 'file-system/' }],
  ['aws_fsx_ontap_file_system', { service: 'fsx', resource: 'file-system/' }],
  ['aws_fsx_openzfs_file_system', { service: 'fsx', resource: 'file-system/' }],
  ['aws_neptune_cluster', { service: 'rds', resource: 'cluster:' }],
  ['aws_docdb_cluster', { service: 'rds', resource: 'cluster:' }],
  ['aws_redshift_cluster', { service: 'redshift', resource: 'cluster:' }],
]);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The protectable graph resource an ARN built at deploy time names: `arn:<partition>:<service>:<region>:
 * <account>:<resource><identifier>`, where the identifier is a reference to the resource's own primary
 * identifier (how `BackupResource.fromConstruct` and `Stack.formatArn` write it) and region and account are
 * literals or the deploying ones. Undefined for anything else.
 */
function storeArnTarget(v: Unknown, graph: ResourceGraph): string | undefined {
  const display = v.display;
  if (display === undefined) return undefined;
  const refs = v.refs.filter(
    (r) => r.attribute === undefined || r.attribute === 'name' || r.attribute === 'id',
  );
  if (refs.length !== 1 || v.refs.length !== 1) return undefined;
  const ref = refs[0]!;
  const form = BACKUP_TYPES.get(graph.get(ref.address)?.type ?? '');
  if (!form) return undefined;
  const partition = String.raw`(?:aws[a-z-]*|\$\{AWS::Partition\}|\$\{data\.aws_partition\.[^.}]+\.partition\})`;
  const region = form.global
    ? ''
    : String.raw`(?:[a-z0-9-]+|\$\{AWS::Region\}|\$\{data\.aws_region\.[^.}]+\.(?:name|region)\})`;
  const account = form.global
    ? ''
    : String.raw`(?:\d{12}|\$\{AWS::AccountId\}|\$\{data\.aws_caller_identity\.[^.}]+\.account_id\})`;
  const re = new RegExp(
    `^arn:${partition}:${escapeRe(form.service)}:${region}:${account}:${escapeRe(form.resource)}${escapeRe(`\${${ref.toString()}}`)}$`,
  );
  return re.test(display) ? ref.address : undefined;
}

/** The level of a graph resource, when it carries a valid one. */
function levelOf(r: Resource): Fact<Classification | undefined> {
  const c = classificationOf(r);
  if (c.state === 'unknown') return c.value;
  return c.state === 'tagged' ? c.level : undefined;
}

/** A condition of a selection: `ListOfTags` entries are `StringEquals` conditions of which any one suffices. */
interface TagCondition {
  readonly op: 'StringEquals' | 'StringLike' | 'StringNotEquals' | 'StringNotLike';
  readonly key: string;
  readonly value: string;
  readonly anyOf: boolean;
}

const CONDITION_OPS = ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike'] as const;

const isClassificationKey = (key: string) =>
  key.replace(/^aws:ResourceTag\//, '').toLowerCase() === CLASSIFICATION_TAG;

/** Whether a tag value satisfies a condition; AWS Backup compares case-sensitively. */
function satisfies(c: TagCondition, value: string): boolean {
  switch (c.op) {
    case 'StringEquals':
      return value === c.value;
    case 'StringLike':
      return wildcardMatch(c.value, value);
    case 'StringNotEquals':
      return value !== c.value;
    case 'StringNotLike':
      return !wildcardMatch(c.value, value);
  }
}

/** The value of the tag a condition reads on a graph resource (`aws:ResourceTag/` stripped). */
function tagOf(r: Resource, key: string): Value | undefined {
  const k = key.replace(/^aws:ResourceTag\//, '');
  if (Object.hasOwn(r.tags, k)) return r.tags[k];
  if (k.toLowerCase() !== CLASSIFICATION_TAG) return undefined;
  const found = Object.keys(r.tags).find((t) => t.toLowerCase() === CLASSIFICATION_TAG);
  return found === undefined ? undefined : r.tags[found];
}

/**
 * Whether a graph resource meets every `Conditions` entry; an Unknown when a tag it reads is known only at
 * deploy time, or a negated condition meets a resource without the tag (whether AWS Backup then takes it in
 * is not stated).
 */
function meets(r: Resource, conditions: readonly TagCondition[]): Fact<boolean> {
  let unresolved: Unknown | undefined;
  for (const c of conditions) {
    if (c.anyOf) continue;
    const raw = tagOf(r, c.key);
    if (raw === undefined || raw === null) {
      if (c.op === 'StringEquals' || c.op === 'StringLike') return false;
      unresolved ??= new Unknown(
        `whether its \`${c.op}\` condition on \`${c.key}\` takes in \`${r.address}\`, which has no such tag, is not stated`,
      );
      continue;
    }
    const value = asString(raw);
    if (value instanceof Unknown) unresolved ??= value;
    else if (!satisfies(c, value ?? '')) return false;
  }
  return unresolved ?? true;
}

/** Levels a selection takes in, and those it may take in but of which that cannot be told, each with why. */
interface SelectedLevels {
  readonly levels: readonly Classification[];
  readonly maybe: readonly { readonly level: Classification; readonly reason: Unknown }[];
}

/**
 * Levels a selection takes in. By its conditions on the `data-classification` tag (`ListOfTags`,
 * `StringEquals`, `StringLike`), a level is taken in when its tag value meets them and no `StringNotEquals` /
 * `StringNotLike` condition on the tag excludes it: some store of the level, in the input or not, is then
 * backed up. Without such a condition, the levels are those of the graph resources it takes in: named in
 * `Resources` (a wildcard, or no resource and no tag at all, names every protectable resource) or carrying a
 * tag of `ListOfTags`, meeting every condition, and not named in `NotResources`. A resource or exclusion that
 * cannot be read (a wildcard in `NotResources`, a tag known only at deploy time) makes the levels it concerns
 * possible, not certain; a condition or resource list that cannot be resolved makes the whole an Unknown.
 */
function selectedLevels(sel: Value | undefined, graph: ResourceGraph): Fact<SelectedLevels> {
  if (sel instanceof Unknown) return sel;
  const conditions: TagCondition[] = [];
  const unsure: Unknown[] = [];
  const listOfTags = get(sel, 'ListOfTags');
  if (listOfTags instanceof Unknown) return listOfTags;
  const read = (op: TagCondition['op'], key: Value | undefined, value: Value | undefined, anyOf: boolean) => {
    const k = asString(key);
    if (k instanceof Unknown) return k;
    const v = asString(value);
    if (v instanceof Unknown) return v;
    if (k !== undefined && v !== undefined) conditions.push({ op, key: k, value: v, anyOf });
    return undefined;
  };
  for (const t of asList(listOfTags)) {
    if (t instanceof Unknown) return t;
    const type = get(t, 'ConditionType');
    if (type instanceof Unknown)
      unsure.push(new Unknown(`a tag condition whose type cannot be resolved (${type.reason})`));
    const u = read('StringEquals', get(t, 'ConditionKey'), get(t, 'ConditionValue'), true);
    if (u) return u;
  }
  for (const op of CONDITION_OPS) {
    const list = get(sel, 'Conditions', op);
    if (list instanceof Unknown) return list;
    for (const c of asList(list)) {
      if (c instanceof Unknown) return c;
      const u = read(op, get(c, 'ConditionKey'), get(c, 'ConditionValue'), false);
      if (u) return u;
    }
  }
  const excluded = new Set<string>();
  const notResources = get(sel, 'NotResources');
  if (notResources instanceof Unknown) unsure.push(notResources);
  else
    for (const x of asList(notResources)) {
      const address = namedStore(x, graph);
      if (address) excluded.add(address);
      else if (x instanceof ResourceRef && graph.get(x.address))
        continue; // excludes no protectable store
      else if (x instanceof Unknown || x instanceof ResourceRef || (typeof x === 'string' && x.includes('*')))
        unsure.push(new Unknown(`it excludes resources by \`${show(x)}\`, which is not matched here`));
      // else: a literal ARN of a resource outside the graph, which excludes no store of it
    }
  const unread =
    unsure.length > 0
      ? new Unknown(`the selection is not read whole: ${unsure.map((u) => u.reason).join(', ')}`)
      : undefined;
  const levels = new Set<Classification>();
  const maybe = new Map<Classification, Unknown>();
  const add = (level: Classification, reason?: Unknown) => {
    if (reason ?? unread) {
      if (!maybe.has(level)) maybe.set(level, (reason ?? unread)!);
    } else levels.add(level);
  };
  const positive = conditions.filter(
    (c) => isClassificationKey(c.key) && (c.op === 'StringEquals' || c.op === 'StringLike'),
  );
  const negated = conditions.filter(
    (c) => isClassificationKey(c.key) && (c.op === 'StringNotEquals' || c.op === 'StringNotLike'),
  );
  if (positive.length > 0) {
    // A level is taken in when a value its stores carry meets the conditions: its canonical value, a value a
    // condition names for it, or one a store of the input carries (AWS Backup compares case-sensitively); it may
    // be taken in when only another way of writing it does (`CONFIDENTIAL`). `Conditions` hold together, so a
    // negated one removes what the others take in; a `ListOfTags` entry is kept as it is.
    const carried = new Map<Classification, Set<string>>(LEVELS.map((l) => [l, new Set([tagValue(l)])]));
    const spelling = (v: string) => {
      const parsed = parseClassification(v);
      if (parsed.ok) carried.get(parsed.level)!.add(v);
    };
    for (const c of positive) if (c.op === 'StringEquals') spelling(c.value);
    for (const r of graph.all()) {
      const v = tagOf(r, CLASSIFICATION_TAG);
      if (typeof v === 'string') spelling(v);
    }
    const meet = (v: string) =>
      positive.some((c) => c.anyOf && satisfies(c, v)) ||
      (positive.some((c) => !c.anyOf && satisfies(c, v)) && negated.every((c) => satisfies(c, v)));
    for (const level of LEVELS) {
      if ([...carried.get(level)!].some(meet)) {
        add(level);
        continue;
      }
      const canonical = tagValue(level);
      const other = [
        canonical.toUpperCase(),
        canonical.toUpperCase().replace(/-/g, '_'),
        canonical.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase()),
      ].find(meet);
      if (other !== undefined)
        add(
          level,
          new Unknown(
            `it takes in stores whose \`${CLASSIFICATION_TAG}\` is written \`${other}\`, and none of the input is`,
          ),
        );
    }
  }
  const resources = get(sel, 'Resources');
  if (resources instanceof Unknown) return resources;
  const named = new Set<string>();
  let everything = false;
  for (const x of asList(resources)) {
    if (typeof x === 'string' && x.includes('*')) {
      everything = true;
      continue;
    }
    const address = namedStore(x, graph);
    if (address) {
      named.add(address);
      continue;
    }
    const refs = refsIn(x).filter((ref) => graph.get(ref.address));
    if (refs.length === 0) {
      if (typeof x === 'string') continue; // a resource outside the graph: its level is not known here
      return new Unknown(`selected resource ${show(x)} cannot be resolved`);
    }
    for (const ref of refs) named.add(ref.address);
  }
  // A selection that names no resource and no tag takes in every resource AWS Backup protects.
  if (asList(resources).length === 0 && asList(listOfTags).length === 0) everything = true;
  const byTags = conditions.filter((c) => c.anyOf && !isClassificationKey(c.key));
  for (const r of graph.all()) {
    if (excluded.has(r.address)) continue;
    const wildcard = everything && positive.length === 0 && BACKUP_TYPES.has(r.type);
    const tagged =
      BACKUP_TYPES.has(r.type) &&
      byTags.some((c) => {
        const v = tagOf(r, c.key);
        return typeof v === 'string' && v === c.value;
      });
    if (!named.has(r.address) && !wildcard && !tagged) continue;
    const level = levelOf(r);
    if (level instanceof Unknown) return level;
    if (!level) continue;
    const m = tagged ? true : meets(r, conditions);
    if (m === true) add(level);
    else if (m instanceof Unknown) add(level, m);
  }
  return {
    levels: LEVELS.filter((l) => levels.has(l)),
    maybe: LEVELS.filter((l) => maybe.has(l) && !levels.has(l)).map((level) => ({
      level,
      reason: maybe.get(level)!,
    })),
  };
}

/** Address of the protectable graph resource a selection entry names: a reference to it, or its ARN. */
function namedStore(x: Value, graph: ResourceGraph): string | undefined {
  if (x instanceof ResourceRef)
    return BACKUP_TYPES.has(graph.get(x.address)?.type ?? '') ? x.address : undefined;
  if (x instanceof Unknown) return storeArnTarget(x, graph);
  if (typeof x === 'string' && !x.includes('*')) {
    const r = graph.target(x, undefined, [...BACKUP_TYPES.keys()]);
    return r && !(r instanceof Unknown) ? r.address : undefined;
  }
  return undefined;
}

/**
 * A backup selection in CloudFormation's shape (`ListOfTags`, `Conditions.StringEquals|StringLike|
 * StringNotEquals|StringNotLike`, `Resources`, `NotResources`), declared by the resource at `address`.
 */
export function selectionOf(
  address: string,
  sel: Value | undefined,
  graph: ResourceGraph,
): BackupPlanView['selections'][number] {
  const tags: { key: Fact<string>; value: Fact<string> }[] = [];
  const unread: string[] = [];
  for (const t of asList(get(sel, 'ListOfTags'))) {
    if (t instanceof Unknown) tags.push({ key: t, value: t });
    else if (isObject(t) && t.ConditionType === 'STRINGEQUALS')
      tags.push({ key: asString(t.ConditionKey) ?? '', value: asString(t.ConditionValue) ?? '' });
    else if (isObject(t) && t.ConditionType instanceof Unknown)
      unread.push(`a tag condition whose type cannot be resolved (${t.ConditionType.reason})`);
  }
  for (const op of ['StringLike', 'StringNotEquals', 'StringNotLike']) {
    const list = get(sel, 'Conditions', op);
    if (list instanceof Unknown || asList(list).length > 0) unread.push(`its \`${op}\` conditions`);
  }
  const excluded = get(sel, 'NotResources');
  if (excluded instanceof Unknown || asList(excluded).length > 0) unread.push('the resources it excludes');
  for (const c of asList(get(sel, 'Conditions', 'StringEquals'))) {
    if (c instanceof Unknown) {
      tags.push({ key: c, value: c });
      continue;
    }
    const key = asString(get(c, 'ConditionKey')) ?? '';
    tags.push({
      key: typeof key === 'string' ? key.replace(/^aws:ResourceTag\//, '') : key,
      value: asString(get(c, 'ConditionValue')) ?? '',
    });
  }
  const resources = get(sel, 'Resources');
  const levels = selectedLevels(sel, graph);
  return {
    address,
    tags,
    resources:
      resources instanceof Unknown
        ? [resources]
        : asList(resources).map(
            (x) => namedStore(x, graph) ?? (x instanceof ResourceRef ? x.address : (asString(x) ?? '')),
          ),
    selectsClassification: levels instanceof Unknown ? levels : levels.levels,
    ...(levels instanceof Unknown || levels.maybe.length === 0
      ? {}
      : { maySelectClassification: levels.maybe }),
    ...(unread.length > 0
      ? { unread: new Unknown(`the selection is not read whole: ${unread.join(', ')}`) }
      : {}),
  };
}
