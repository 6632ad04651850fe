import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asList, get, isObject, show, type Value } from '../../graph/values';
import type { DataEventSelector, Fact } from '../kinds';

/**
 * How a source names a bucket and its ARN attribute: `AWS::S3::Bucket` / `Arn` for CloudFormation,
 * `aws_s3_bucket` / `arn` for Terraform.
 */
export interface DataResourceShape {
  readonly bucketType: string;
  readonly arnAttribute: string;
}

type Access = DataEventSelector['access'];

/** What one data resource value selects: every resource of the type, one graph resource whole, or less. */
export type Scope = { all: true } | { address: string } | { external: string } | { unresolved: Unknown };

const ALL_OF_TYPE = /^arn:[^:]+:[a-z0-9-]+(:::?)?$/;
const BUCKET_WHOLE = /^arn:[^:]+:s3:::([^/]+)\/$/;

/**
 * Scope of a data resource ARN (or ARN prefix): `arn:aws:s3` / `arn:aws:s3:::` is every bucket, a bucket ARN
 * followed by `/` every object of that bucket, a reference to a resource's ARN that resource. A prefix
 * within a bucket covers part of it, which is not the bucket.
 */
export function dataResourceScope(
  v: Value,
  graph: ResourceGraph,
  holder: Resource,
  shape: DataResourceShape,
): Scope {
  if (v instanceof ResourceRef) return { address: v.address };
  if (typeof v === 'string') {
    if (ALL_OF_TYPE.test(v)) return { all: true };
    const bucket = BUCKET_WHOLE.exec(v)?.[1];
    if (bucket !== undefined) {
      const named = graph.target(bucket, holder, shape.bucketType);
      if (named instanceof Unknown) return { unresolved: named };
      return named ? { address: named.address } : { external: v };
    }
    return { external: v };
  }
  if (v instanceof Unknown) {
    const display = v.display ?? '';
    for (const ref of v.refs) {
      const whole = [`\${${ref.address}.${shape.arnAttribute}}/`, `\${${ref.address}.${shape.arnAttribute}}`];
      if (
        whole.includes(display) ||
        new RegExp(`^arn:[^:]+:s3:::\\$\\{${escape(ref.address)}\\}/$`).test(display)
      )
        return { address: ref.address };
    }
    // A bucket named by an unresolved expression of its name: `arn:aws:s3:::${AppName}-data/`.
    const name = BUCKET_WHOLE.exec(display)?.[1];
    const named =
      name === undefined
        ? undefined
        : graph.target(new Unknown(v.reason, v.refs, name), holder, shape.bucketType);
    if (named !== undefined && !(named instanceof Unknown)) return { address: named.address };
    return {
      unresolved: new Unknown(
        `data resource \`${v.toString()}\` cannot be resolved to whole resources`,
        v.refs,
        v.display,
      ),
    };
  }
  return { unresolved: new Unknown(`unexpected data resource ${show(v)}`) };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A data event selector of one resource type and access, from the scopes of its values. */
export function selector(
  resourceType: Fact<string>,
  access: Access,
  scopes: readonly Scope[],
  why?: Unknown,
): DataEventSelector {
  const addresses: string[] = [];
  let unresolved = why;
  let allResources = false;
  for (const s of scopes) {
    if ('all' in s) allResources = true;
    else if ('address' in s) addresses.push(s.address);
    else if ('unresolved' in s) unresolved ??= s.unresolved;
  }
  return { resourceType, access, allResources, addresses, ...(unresolved ? { unresolved } : {}) };
}

/** Fields of an advanced selector that keep it capturing every data event of the resources it names. */
const WHOLE_FIELDS = ['eventCategory', 'resources.type', 'resources.ARN', 'readOnly'];

/**
 * Advanced selectors in CloudFormation's shape (`FieldSelectors` of `Field`, `Equals`, `StartsWith`,
 * `NotEquals`...): `eventCategory` = `Data`, one `resources.type`, `resources.ARN` (`Equals` or
 * `StartsWith`; absent: every resource of the type) and `readOnly`. A selector that excludes ARNs or
 * filters on other fields (event names, identities) captures part of the events: it covers nothing whole.
 */
export function advancedSelectors(
  advanced: Value | undefined,
  graph: ResourceGraph,
  holder: Resource,
  shape: DataResourceShape,
): DataEventSelector[] {
  if (advanced instanceof Unknown) return [selector(advanced, 'all', [], advanced)];
  const out: DataEventSelector[] = [];
  for (const s of asList(advanced)) {
    const fields = get(s, 'FieldSelectors');
    if (s instanceof Unknown || fields instanceof Unknown) {
      const u = s instanceof Unknown ? s : (fields as Unknown);
      out.push(selector(u, 'all', [], u));
      continue;
    }
    const list = asList(fields).filter(isObject);
    const field = (name: string) => list.find((f) => f.Field === name);
    const category = field('eventCategory')?.Equals;
    if (category instanceof Unknown) {
      out.push(selector(category, 'all', [], category));
      continue;
    }
    if (!asList(category).includes('Data')) continue;
    const readOnly = field('readOnly')?.Equals;
    const ro = readOnly instanceof Unknown ? [] : asList(readOnly).map((v) => show(v).toLowerCase());
    const access: Access =
      ro.length === 1 && ro[0] === 'true' ? 'read' : ro.length === 1 && ro[0] === 'false' ? 'write' : 'all';
    const typeValues = field('resources.type')?.Equals;
    const types = typeValues instanceof Unknown ? [typeValues] : asList(typeValues);
    const resourceType: Fact<string> =
      types.length === 1 && (typeof types[0] === 'string' || types[0] instanceof Unknown)
        ? types[0]
        : new Unknown(`resource type of the selector is ${show(typeValues)}`);
    const narrowing = list.find((f) => typeof f.Field === 'string' && !WHOLE_FIELDS.includes(f.Field));
    if (readOnly instanceof Unknown) {
      out.push(selector(resourceType, 'all', [], readOnly));
      continue;
    }
    if (narrowing) {
      out.push(
        selector(
          resourceType,
          access,
          [],
          new Unknown(`the selector captures only events matching \`${show(narrowing.Field)}\``),
        ),
      );
      continue;
    }
    const arn = field('resources.ARN');
    if (!arn) {
      out.push(selector(resourceType, access, [{ all: true }]));
      continue;
    }
    const excluding = Object.keys(arn).find((k) => k.startsWith('Not'));
    if (excluding) {
      out.push(
        selector(
          resourceType,
          access,
          [],
          new Unknown(`the selector excludes resources by ARN (\`${excluding}\`)`),
        ),
      );
      continue;
    }
    const values = [...asList(arn.Equals), ...asList(arn.StartsWith)];
    out.push(
      selector(
        resourceType,
        access,
        values.map((v) => dataResourceScope(v, graph, holder, shape)),
      ),
    );
  }
  return out;
}

/** Data events a trail captures: none, read, write or all. */
export type DataEvents = 'none' | 'read' | 'write' | 'all';

/** The union of two captures. */
export function combine(a: DataEvents, b: DataEvents): DataEvents {
  if (a === 'none') return b;
  if (b === 'none' || a === b) return a;
  return 'all';
}

/** Data events captured by advanced selectors in CloudFormation's shape (`eventCategory` `Data`, `readOnly`). */
export function advancedDataEvents(advanced: Value | undefined): Fact<DataEvents> {
  if (advanced instanceof Unknown) return advanced;
  let out: DataEvents = 'none';
  for (const s of asList(advanced)) {
    const fields = get(s, 'FieldSelectors');
    if (s instanceof Unknown || fields instanceof Unknown)
      return s instanceof Unknown ? s : (fields as Unknown);
    const selectors = asList(fields).filter(isObject);
    const field = (name: string) => selectors.find((f) => f.Field === name);
    const category = field('eventCategory')?.Equals;
    if (category instanceof Unknown) return category;
    if (!asList(category).includes('Data')) continue;
    const readOnly = field('readOnly')?.Equals;
    if (readOnly instanceof Unknown) return readOnly;
    const values = asList(readOnly).map((v) => show(v).toLowerCase());
    const only = values.length === 1 ? values[0] : undefined;
    out = combine(out, only === 'true' ? 'read' : only === 'false' ? 'write' : 'all');
  }
  return out;
}
