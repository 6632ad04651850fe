import type { Resource } from '../../graph/resource';

/**
 * A short display name for messages: the construct path below the stack (`Data` for
 * `Stack/Data/Resource`), else the logical id, else the address. A view computes it once, so it is
 * not cached: a few index lookups and one slice cost less than a weak map entry per resource.
 */
export function displayName(resource: Resource): string {
  const p = resource.path;
  if (!p) return resource.logicalId ?? resource.address;
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 47) end--; // trailing '/'
  const last = p.lastIndexOf('/', end - 1);
  const leaf = p.slice(last + 1, end);
  if (last > 0 && (leaf === 'Resource' || leaf === 'Default')) end = last;
  const start = p.startsWith('/') ? 1 : 0;
  const firstSlash = p.indexOf('/', start);
  if (firstSlash < 0 || firstSlash >= end) return p.slice(start, end) || resource.address;
  return p.slice(firstSlash + 1, end);
}
