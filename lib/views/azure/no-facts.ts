import type { AdapterRegistry } from '../registry';

/**
 * azure-native resource types that hold no security fact, each with the reason. They are read (a
 * program, export or preview with them is not incomplete) and derive no view, so no rule judges them
 * and none is ever counted as a pass. A type with a setting a control could assert does not belong
 * here: it waits for an adapter and stays reported as not judged.
 */
export const NO_SECURITY_FACTS: Readonly<Record<string, string>> = {
  'azure-native:resources:ResourceGroup':
    'a container for resources: its only settings are its location and tags; locks, policy assignments and role assignments on it are resources of their own',
  'azure-native:managedidentity:UserAssignedIdentity':
    'an identity with no settings of its own: what it may do is given by role assignments, and which resource uses it by that resource',
  'azure-native:privatedns:PrivateZone':
    'a private DNS zone answers only the virtual networks linked to it and holds no data; its records name private endpoints, whose own settings are judged',
  'azure-native:privatedns:VirtualNetworkLink':
    'makes a private DNS zone resolvable in one virtual network; it opens no path to any resource and carries no data',
  'azure-native:network:PrivateDnsZoneGroup':
    "writes a private endpoint's address into private DNS zones; the endpoint and the resource it connects carry the settings",
};

/** Register the types of {@link NO_SECURITY_FACTS} for the Pulumi source: read, and deriving no view. */
export function registerNoSecurityFacts(registry: AdapterRegistry): AdapterRegistry {
  return registry.register('pulumi', Object.keys(NO_SECURITY_FACTS), () => undefined);
}
