import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResourceGraph } from '../../lib/graph/graph';
import { PulumiResource, toResources } from '../../lib/sources/pulumi';
import { azureNativeAdapters } from '../../lib/views/azure';
import { NO_SECURITY_FACTS } from '../../lib/views/azure/no-facts';

const AZURE_NATIVE = path.dirname(require.resolve('@pulumi/azure-native/package.json'));

/** The SDK file that declares `azure-native:<module>:<Resource>`. */
function declarationOf(type: string): string {
  const [, module, resource] = type.split(':') as [string, string, string];
  return path.join(AZURE_NATIVE, module, `${resource[0]!.toLowerCase()}${resource.slice(1)}.d.ts`);
}

describe('azure-native types with no security facts', () => {
  const types = Object.keys(NO_SECURITY_FACTS);

  it.each(types)('%s is a resource of azure-native, declared with its reason', (type) => {
    expect(fs.existsSync(declarationOf(type))).toBe(true);
    expect(NO_SECURITY_FACTS[type]!.length).toBeGreaterThan(40);
  });

  it('are read and derive no view: never judged, never counted as a pass', () => {
    const registry = azureNativeAdapters();
    const resources: PulumiResource[] = toResources(
      types.map((type, i) => ({
        urn: `urn:pulumi:dev::p::${type}::r${i}`,
        type,
        custom: true,
        inputs: { location: 'westeurope', tags: { 'data-classification': 'confidential' } },
        propertyDependencies: {},
        locate: () => ({}),
      })),
      () => false,
    );
    const graph = new ResourceGraph(resources);
    for (const r of resources) {
      const adapter = registry.adapterFor('pulumi', r.type);
      expect(adapter).toBeDefined();
      expect(adapter!(r, { graph })).toBeUndefined();
    }
  });

  it('hold none of the types the cloud-resource families read', () => {
    for (const type of types)
      expect(type).not.toMatch(
        /:(storage|keyvault|sql|cognitiveservices|operationalinsights|dataprotection|recoveryservices|security|insights|monitor|compute|containerservice|authorization):/,
      );
  });
});
