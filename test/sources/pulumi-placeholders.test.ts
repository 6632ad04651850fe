import * as keyvault from '@pulumi/azure-native/keyvault';
import * as managedidentity from '@pulumi/azure-native/managedidentity';
import * as monitor from '@pulumi/azure-native/monitor';
import * as pulumi from '@pulumi/pulumi';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import { ResourceRef, Unknown, type Value } from '../../lib/graph/values';
import { adaptersForAll } from '../../lib/sources';
import { type CaptureResult } from '../../lib/sources/pulumi/capture';
import type { DataStoreView } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';
import { RULES } from '../../policies/rules';
import { aiAccount, storageAccount, vault } from '../support/azure-native';
import { EVERY_RULE_MANDATORY, pulumiGraph } from '../support/cases';

/*
 * Outputs Azure computes (ids, names, a vault's URI, an identity's ids) reach a program run under the mocks as
 * placeholders, and come back as references to the resource that computes them: a nested input azure-native
 * fills in an `apply` (a storage account's `encryption`, an AI account's `properties`) is read, not unknown
 * as a whole.
 */

/** Outcomes of the data-protection rules on the store `name`: `rule outcome`, sorted. */
function atRestOutcomes(graph: ResourceGraph, name: string): string[] {
  return evaluate({ graph, adapters: adaptersForAll(), rules: RULES, pack: EVERY_RULE_MANDATORY })
    .results.filter(
      (r) => r.resource.logicalId === name && ['BW-DP-002', 'BW-DP-003', 'BW-DP-012'].includes(r.rule.id),
    )
    .map((r) => `${r.rule.id} ${r.outcome}`)
    .sort();
}

async function run(build: () => void): Promise<{ result: CaptureResult; graph: ResourceGraph }> {
  return pulumiGraph(build, 'placeholders', 'placeholders');
}

/** A vault, a key in it and an identity, as a store with a customer key names them. */
function customerKey() {
  const keys = vault('keys');
  const key = new keyvault.Key('data-key', {
    resourceGroupName: 'rg-cases',
    vaultName: keys.name,
    properties: { kty: 'RSA', keySize: 3072 },
  });
  const identity = new managedidentity.UserAssignedIdentity('data-identity', {
    resourceGroupName: 'rg-cases',
  });
  return { keys, key, identity };
}

function resourceNamed(graph: ResourceGraph, name: string) {
  const r = [...graph.all()].find((x) => x.logicalId === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}

function urnOf(graph: ResourceGraph, name: string): string {
  return resourceNamed(graph, name).address;
}

function strings(v: Value | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object' && !(v instanceof ResourceRef) && !(v instanceof Unknown))
    return Object.values(v).flatMap(strings);
  return [];
}

describe('placeholders of computed outputs (programs under the mocks)', () => {
  it("reads a storage account's encryption that names a vault key, an identity and a key version", async () => {
    const { graph } = await run(() => {
      const { keys, key, identity } = customerKey();
      storageAccount('data', {
        identity: { type: 'UserAssigned', userAssignedIdentities: [identity.id] },
        encryption: {
          keySource: 'Microsoft.Keyvault',
          keyVaultProperties: {
            keyName: key.name,
            keyVaultUri: keys.properties.apply((p) => p.vaultUri),
            // Known only after deployment: it stays a reference, never a value.
            keyVersion: key.keyUriWithVersion.apply((u) => u.split('/').pop()!),
          },
          encryptionIdentity: { encryptionUserAssignedIdentity: identity.id },
          requireInfrastructureEncryption: false,
        },
      });
    });
    const enc = resourceNamed(graph, 'data').properties.encryption;
    expect(enc).not.toBeInstanceOf(Unknown);
    expect(enc).toMatchObject({
      keySource: 'Microsoft.Keyvault',
      keyVaultProperties: {
        keyName: new ResourceRef(urnOf(graph, 'data-key'), 'name'),
        keyVaultUri: new ResourceRef(urnOf(graph, 'keys'), 'properties.vaultUri'),
        // Part of an output known only after deployment: unknown, from the key.
        keyVersion: new ResourceRef(urnOf(graph, 'data-key')),
      },
      encryptionIdentity: {
        encryptionUserAssignedIdentity: new ResourceRef(urnOf(graph, 'data-identity'), 'id'),
      },
    });

    const view = new ViewSet(graph, adaptersForAll())
      .all()
      .find((v): v is DataStoreView => v.kind === 'data-store' && v.resource.logicalId === 'data');
    expect(view?.encryption).toMatchObject({
      atRest: 'customer-key',
      key: { address: urnOf(graph, 'data-key') },
    });
    expect(atRestOutcomes(graph, 'data')).toEqual(['BW-DP-002 pass', 'BW-DP-003 pass', 'BW-DP-012 pass']);
  });

  it("reads an AI account's properties whose key names an identity's client id", async () => {
    const { graph } = await run(() => {
      const { keys, key, identity } = customerKey();
      aiAccount('assistant', {
        encryption: {
          keySource: 'Microsoft.KeyVault',
          keyVaultProperties: {
            keyName: key.name,
            keyVaultUri: keys.properties.apply((p) => p.vaultUri),
            identityClientId: identity.clientId,
          },
        },
      });
    });
    const props = resourceNamed(graph, 'assistant').properties.properties;
    expect(props).toMatchObject({
      publicNetworkAccess: 'Disabled',
      disableLocalAuth: true,
      encryption: {
        keyVaultProperties: {
          identityClientId: new ResourceRef(urnOf(graph, 'data-identity'), 'clientId'),
        },
      },
    });
  });

  it('reads text built around a placeholder as unknown, from the resource it names', async () => {
    const { graph } = await run(() => {
      const account = storageAccount('data');
      new monitor.DiagnosticSetting('blobs', {
        resourceUri: pulumi.interpolate`${account.id}/blobServices/default`,
        workspaceId:
          '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w',
        logs: [{ categoryGroup: 'audit', enabled: true }],
      });
    });
    expect(resourceNamed(graph, 'blobs').properties.resourceUri).toEqual(
      new ResourceRef(urnOf(graph, 'data')),
    );
  });

  it('shapes placeholders as the outputs, so a program that takes one apart gets a reference, not nothing', async () => {
    const { graph } = await run(() => {
      const keys = vault('keys');
      new keyvault.Key('parsed-key', {
        resourceGroupName: keys.id.apply((id) => id.split('/')[4]!),
        vaultName: keys.properties.apply((p) => new URL(p.vaultUri).hostname.split('.')[0]!),
        properties: { kty: 'RSA', keySize: 3072 },
      });
    });
    const key = resourceNamed(graph, 'parsed-key').properties;
    expect(key.resourceGroupName).toEqual(new ResourceRef(urnOf(graph, 'keys')));
    expect(key.vaultName).toEqual(new ResourceRef(urnOf(graph, 'keys')));
  });

  it('never lets a placeholder through as a value', async () => {
    const { result, graph } = await run(() => {
      const { keys, key, identity } = customerKey();
      storageAccount('data', {
        encryption: {
          keySource: 'Microsoft.Keyvault',
          keyVaultProperties: { keyName: key.name, keyVaultUri: keys.properties.apply((p) => p.vaultUri) },
          encryptionIdentity: { encryptionUserAssignedIdentity: identity.id },
        },
      });
    });
    const tokens = result.resources.flatMap((r) => Object.values(r.outputs ?? {}));
    expect(tokens.length).toBeGreaterThan(0);
    const leaked = [...graph.all()].flatMap((r) =>
      strings(r.properties).filter((s) => tokens.some((t) => s.includes(t))),
    );
    expect(leaked).toEqual([]);
  });

  it('keeps unknown what no placeholder stands for, and the store is still encrypted at rest', async () => {
    const { graph } = await run(() => {
      const other = storageAccount('other');
      // `primaryEndpoints` is known only after deployment and no placeholder stands for it.
      storageAccount('data', {
        encryption: {
          keySource: other.primaryEndpoints.apply(() => 'Microsoft.Keyvault'),
          keyVaultProperties: { keyName: 'data', keyVaultUri: 'https://keys.vault.azure.net/' },
        },
      });
    });
    expect(resourceNamed(graph, 'data').properties.encryption).toBeInstanceOf(ResourceRef);
    expect(atRestOutcomes(graph, 'data')).toEqual([
      'BW-DP-002 unknown',
      'BW-DP-003 pass',
      'BW-DP-012 unknown',
    ]);
  });
});
