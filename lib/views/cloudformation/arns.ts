import type { Resource } from '../../graph/resource';

/** AWS partitions, for ARNs written with a reference in place of the name. */
export const PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** How a value referencing the resource at `address` renders: `${Stack/Bucket}`, `${Stack/Bucket.Arn}`. */
export function refRendering(address: string, attribute?: string): string {
  return attribute ? `\${${address}.${attribute}}` : `\${${address}}`;
}

/**
 * The renderings of a resource's ARN that a policy of the same graph may use: the ARNs it is known
 * by (literal, or the rendering of an unresolved name), then `referenceForms` (the ARN as a
 * reference renders it).
 */
export function arnRenderings(r: Resource, referenceForms: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of r.identities ?? []) {
    const text = typeof id === 'string' ? id : id.display;
    if (text?.startsWith('arn:')) out.push(text);
  }
  out.push(...referenceForms);
  return out;
}
