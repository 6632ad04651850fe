import { OPT_OUT_TAG_PREFIX } from '../../classification';
import type { InlineAcknowledgement, Resource, SourceLocation } from '../../graph/resource';
import { ResourceRef, Unknown, type Value, type ValueObject } from '../../graph/values';
import { tagsOf } from '../terraform/file';
import type { AdapterRegistry } from '../../views/registry';
import { PLACEHOLDER } from './capture';
import { AFTER_DEPLOYMENT, readInputs, unknownFrom } from './values';

/** The type of the root resource of every stack: not a cloud resource, never judged. */
export const ROOT_STACK_TYPE = 'pulumi:pulumi:Stack';

/** The parts of a URN: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
export interface UrnParts {
  readonly stack: string;
  readonly project: string;
  /** The type qualified by its parents' (`estate:data:DataTier$azure-native:storage:StorageAccount`). */
  readonly qualifiedType: string;
  readonly type: string;
  readonly name: string;
}

/** Parse a URN; undefined when it is not one. */
export function parseUrn(urn: string): UrnParts | undefined {
  if (!urn.startsWith('urn:pulumi:')) return undefined;
  const parts = urn.slice('urn:pulumi:'.length).split('::');
  if (parts.length < 4) return undefined;
  const qualifiedType = parts[2]!;
  return {
    stack: parts[0]!,
    project: parts[1]!,
    qualifiedType,
    type: qualifiedType.split('$').pop()!,
    name: parts.slice(3).join('::'),
  };
}

/** One resource as a Pulumi artifact states it, before it becomes a {@link Resource}. */
export interface PulumiRecord {
  readonly urn: string;
  readonly type: string;
  readonly custom: boolean;
  readonly parent?: string;
  /** Read, not managed (`Resource.get`, `external` in state). */
  readonly external?: boolean;
  /** Serialized inputs. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /**
   * Placeholders the program was given for outputs the cloud computes (a program run under the mocks):
   * output (`id`, `name`, `properties.vaultUri`) -> placeholder.
   */
  readonly placeholders?: Readonly<Record<string, string>>;
  /** Known outputs (state, preview): its `id` and `name` name it to other resources. */
  readonly outputs?: Readonly<Record<string, unknown>>;
  readonly id?: string;
  readonly protect?: boolean;
  readonly retainOnDelete?: boolean;
  readonly locate: () => SourceLocation;
}

/**
 * Whether a record is a resource Bulwark judges: not the root stack, not a provider, not a resource
 * read from the cloud (it is declared elsewhere).
 */
export function isJudged(r: PulumiRecord): boolean {
  return r.type !== ROOT_STACK_TYPE && !r.type.startsWith('pulumi:providers:') && r.external !== true;
}

/** `<prop>:<rule id>`: the suffix of an opt-out tag that acknowledges a rule. */
const OPT_OUT_OF_RULE = /^([A-Za-z][\w.-]*):(BW-[A-Z]{2,3}-\d{3})$/;

/**
 * Opt-outs recorded in a resource's tags (`bulwark:opt-out:<prop>:<rule id>` = reason) as
 * acknowledgements of kind `opt-out`. Tags naming no rule, or with no reason, acknowledge nothing:
 * their findings stay.
 */
function optOutsOf(tags: Readonly<Record<string, Value>>): InlineAcknowledgement[] | undefined {
  const out: InlineAcknowledgement[] = [];
  for (const [key, reason] of Object.entries(tags)) {
    if (!key.startsWith(OPT_OUT_TAG_PREFIX) || typeof reason !== 'string' || reason.trim() === '') continue;
    const m = OPT_OUT_OF_RULE.exec(key.slice(OPT_OUT_TAG_PREFIX.length));
    if (m) out.push({ rule: m[2]!, prop: m[1]!, reason, kind: 'opt-out' });
  }
  return out.length > 0 ? out : undefined;
}

/** A resource read from a Pulumi program, stack export or preview. */
export class PulumiResource implements Resource {
  readonly source = 'pulumi' as const;
  readonly address: string;
  readonly type: string;
  readonly properties: ValueObject;
  readonly tags: Readonly<Record<string, Value>>;
  /** Opt-outs its tags record, each acknowledging one rule's findings on it. */
  readonly acknowledgements?: readonly InlineAcknowledgement[];
  /** The resource's logical name. */
  readonly logicalId: string;
  /** The logical names of its parents (the root stack left out) and its own, joined by `/`. */
  readonly path: string;
  /** The Pulumi stack. */
  readonly stack: string;
  readonly retainOnDelete: boolean;
  readonly identities: readonly (string | Unknown)[];
  /** A custom resource (managed by a provider), not a component. */
  readonly custom: boolean;
  readonly #locate: () => SourceLocation;
  #location: SourceLocation | undefined;

  constructor(init: {
    record: PulumiRecord;
    properties: ValueObject;
    path: string;
    identities: readonly string[];
  }) {
    const urn = parseUrn(init.record.urn);
    this.address = init.record.urn;
    this.type = init.record.type;
    this.properties = init.properties;
    this.tags = tagsOf(init.properties);
    const optOuts = optOutsOf(this.tags);
    if (optOuts) this.acknowledgements = optOuts;
    this.logicalId = urn?.name ?? init.record.urn;
    this.path = init.path;
    this.stack = urn?.stack ?? '';
    this.retainOnDelete = init.record.protect === true || init.record.retainOnDelete === true;
    this.identities = init.identities;
    this.custom = init.record.custom;
    this.#locate = init.record.locate;
  }

  get location(): SourceLocation {
    return (this.#location ??= this.#locate());
  }
}

/**
 * How strings holding placeholders of computed outputs read: a placeholder alone is a reference to
 * the output it stands for (`ResourceRef(vault, 'properties.vaultUri')`); text built around
 * placeholders is unknown, a reference to the one resource they come from, else an Unknown keeping
 * each. Undefined when the records were given no placeholders.
 */
function placeholderReader(records: readonly PulumiRecord[]): ((s: string) => Value | undefined) | undefined {
  const byValue = new Map<string, ResourceRef>();
  const urnOfToken = new Map<string, string>();
  for (const r of records)
    for (const [output, value] of Object.entries(r.placeholders ?? {})) {
      byValue.set(value, new ResourceRef(r.urn, output));
      for (const token of value.match(PLACEHOLDER) ?? []) urnOfToken.set(token, r.urn);
    }
  if (byValue.size === 0) return undefined;
  return (s) => {
    const whole = byValue.get(s);
    if (whole) return whole;
    const found = s.match(PLACEHOLDER);
    if (!found) return undefined;
    const urns = [...new Set(found.flatMap((t) => urnOfToken.get(t) ?? []))];
    return urns.length > 0 ? unknownFrom(urns) : new Unknown(AFTER_DEPLOYMENT);
  };
}

/**
 * The resources of a Pulumi artifact. Inputs are read with their dependencies: an unknown input
 * that comes from one resource is a reference to it, a known one equal to a dependency's `id` or
 * `name` output too, and so is a placeholder of a computed output. `redacted` tells the strings that
 * stand for secrets.
 */
export function toResources(
  records: readonly PulumiRecord[],
  isRedacted: (s: string) => boolean,
): PulumiResource[] {
  const byUrn = new Map(records.map((r) => [r.urn, r]));
  const identitiesOf = (urn: string): { attribute: string; value: string }[] => {
    const r = byUrn.get(urn);
    if (!r) return [];
    const out: { attribute: string; value: string }[] = [];
    const id = r.id ?? r.outputs?.id;
    if (typeof id === 'string' && id !== '') out.push({ attribute: 'id', value: id });
    const name = r.outputs?.name;
    if (typeof name === 'string' && name !== '') out.push({ attribute: 'name', value: name });
    return out;
  };
  const placeholders = placeholderReader(records);
  const pathOf = (r: PulumiRecord): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let cur: PulumiRecord | undefined = r; cur && !seen.has(cur.urn);) {
      seen.add(cur.urn);
      if (cur.type !== ROOT_STACK_TYPE) names.unshift(parseUrn(cur.urn)?.name ?? cur.urn);
      cur = cur.parent ? byUrn.get(cur.parent) : undefined;
    }
    return names.join('/');
  };
  return records.filter(isJudged).map(
    (record) =>
      new PulumiResource({
        record,
        properties: readInputs(record.inputs, {
          propertyDependencies: record.propertyDependencies,
          identities: identitiesOf,
          isRedacted,
          ...(placeholders ? { placeholders } : {}),
        }),
        path: pathOf(record),
        identities: identitiesOf(record.urn).map((i) => i.value),
      }),
  );
}

/**
 * What an artifact holds that no rule can judge: one line per cloud resource type no view adapter
 * reads (components are not cloud resources). Reports list them, and a check is not all clear.
 */
export function notJudged(
  resources: readonly PulumiResource[],
  adapters: AdapterRegistry,
  file: string,
): string[] {
  const counts = new Map<string, number>();
  for (const r of resources)
    if (r.custom && !adapters.adapterFor('pulumi', r.type)) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([type, n]) => `${file}: no rule reads \`${type}\` yet (${n} resource${n === 1 ? '' : 's'} not judged)`,
    );
}
