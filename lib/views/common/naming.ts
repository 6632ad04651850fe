import type { Resource } from '../../graph/resource';

/**
 * A short display name for messages: the construct id (`Data` for `Stack/Data/Resource`), else the
 * logical id, else the address.
 */
export function displayName(resource: Resource): string {
  if (resource.path) {
    const parts = resource.path.split('/').filter(Boolean);
    if (parts.length > 1 && (parts[parts.length - 1] === 'Resource' || parts[parts.length - 1] === 'Default'))
      parts.pop();
    if (parts.length > 1) return parts.slice(1).join('/');
    return parts[0] ?? resource.address;
  }
  return resource.logicalId ?? resource.address;
}
