import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, show, type Value } from '../../graph/values';
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
