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

/** Resource types AWS Backup protects that carry data of a classification level. */
const BACKUP_TYPES = new Set([
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EC2::Volume',
  'AWS::EFS::FileSystem',
  'AWS::FSx::FileSystem',
  'AWS::Neptune::DBCluster',
  'AWS::DocDB::DBCluster',
  'AWS::Redshift::Cluster',
  'aws_s3_bucket',
  'aws_dynamodb_table',
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_ebs_volume',
  'aws_efs_file_system',
  'aws_fsx_lustre_file_system',
  'aws_fsx_windows_file_system',
  'aws_fsx_ontap_file_system',
  'aws_fsx_openzfs_file_system',
  'aws_neptune_cluster',
  'aws_docdb_cluster',
  'aws_redshift_cluster',
]);

/** Glob match of a backup selection `StringLike` condition (`*` any run, `?` one character). */
function globMatches(pattern: string, value: string): boolean {
  return wildcardMatch(pattern, value, { ignoreCase: true });
}

/** The level of a graph resource, when it carries a valid one. */
function levelOf(r: Resource | undefined): Fact<Classification | undefined> {
  if (!r) return undefined;
  const c = classificationOf(r);
  if (c.state === 'unknown') return c.value;
  return c.state === 'tagged' ? c.level : undefined;
}

/**
 * Levels a selection takes in: `data-classification` values of its `ListOfTags` and `StringEquals` /
 * `StringLike` conditions, and the levels of the graph resources it names. `*` (or a wildcard ARN) with no
 * condition on the tag takes in every level carried by a protectable resource of the graph.
 */
function selectedLevels(sel: Value | undefined, graph: ResourceGraph): Fact<readonly Classification[]> {
  if (sel instanceof Unknown) return sel;
  const levels = new Set<Classification>();
  let byTag = false;
  const isClassification = (key: Fact<string> | undefined) =>
    typeof key === 'string' && key.replace(/^aws:ResourceTag\//, '').toLowerCase() === CLASSIFICATION_TAG;
  const conditions: { key: Value | undefined; value: Value | undefined; like: boolean }[] = [];
  const listOfTags = get(sel, 'ListOfTags');
  if (listOfTags instanceof Unknown) return listOfTags;
  for (const t of asList(listOfTags)) {
    if (t instanceof Unknown) return t;
    conditions.push({ key: get(t, 'ConditionKey'), value: get(t, 'ConditionValue'), like: false });
  }
  for (const [op, like] of [
    ['StringEquals', false],
    ['StringLike', true],
  ] as const) {
    const list = get(sel, 'Conditions', op);
    if (list instanceof Unknown) return list;
    for (const c of asList(list)) {
      if (c instanceof Unknown) return c;
      conditions.push({ key: get(c, 'ConditionKey'), value: get(c, 'ConditionValue'), like });
    }
  }
  for (const c of conditions) {
    const key = asString(c.key);
    if (key instanceof Unknown) return key;
    if (!isClassification(key)) continue;
    byTag = true;
    const value = asString(c.value);
    if (value instanceof Unknown) return value;
    if (value === undefined) continue;
    if (c.like) {
      for (const level of LEVELS) if (globMatches(value, tagValue(level))) levels.add(level);
    } else {
      const parsed = parseClassification(value);
      if (parsed.ok) levels.add(parsed.level);
    }
  }
  const resources = get(sel, 'Resources');
  if (resources instanceof Unknown) return resources;
  for (const x of asList(resources)) {
    if (typeof x === 'string' && x.includes('*')) {
      if (byTag) continue;
      for (const r of graph.all()) {
        if (!BACKUP_TYPES.has(r.type)) continue;
        const level = levelOf(r);
        if (level instanceof Unknown) return level;
        if (level) levels.add(level);
      }
      continue;
    }
    const refs = refsIn(x).filter((ref) => graph.get(ref.address));
    if (refs.length === 0) {
      if (typeof x === 'string') continue; // a resource outside the graph: its level is not known here
      return new Unknown(`selected resource ${show(x)} cannot be resolved`);
    }
    for (const ref of refs) {
      const level = levelOf(graph.get(ref.address));
      if (level instanceof Unknown) return level;
      if (level) levels.add(level);
    }
  }
  return LEVELS.filter((l) => levels.has(l));
}

/**
 * A backup selection in CloudFormation's shape (`ListOfTags`, `Conditions.StringEquals|StringLike`,
 * `Resources`), declared by the resource at `address`.
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
  return {
    address,
    tags,
    resources:
      resources instanceof Unknown
        ? [resources]
        : asList(resources).map((x) => (x instanceof ResourceRef ? x.address : (asString(x) ?? ''))),
    selectsClassification: selectedLevels(sel, graph),
    ...(unread.length > 0
      ? { unread: new Unknown(`the selection is not read whole: ${unread.join(', ')}`) }
      : {}),
  };
}
