import * as keyvault from '@pulumi/azure-native/keyvault';
import * as network from '@pulumi/azure-native/network';
import * as storage from '@pulumi/azure-native/storage';
import * as pulumi from '@pulumi/pulumi';
import { defineCases } from '../../../lib/engine/cases';
import { diagnostics } from '../../../test/support/azure-native';
import rule from './resource-logs-sent';

function vault(): keyvault.Vault {
  return new keyvault.Vault('keys', {
    resourceGroupName: 'data',
    properties: {
      tenantId: '00000000-0000-0000-0000-000000000000',
      sku: { family: 'A', name: 'standard' },
      enableRbacAuthorization: true,
      enablePurgeProtection: true,
    },
  });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: key vault sends all its logs to the workspace',
    source: 'pulumi',
    build: () => {
      const v = vault();
      diagnostics('keys-diagnostics', v.id);
    },
    target: 'keys',
    expect: 'pass',
  },
  {
    name: 'Pulumi: NSG sends its audit category group to a storage archive',
    source: 'pulumi',
    build: () => {
      const g = new network.NetworkSecurityGroup('application', { resourceGroupName: 'net' });
      diagnostics('application-diagnostics', g.id, [{ categoryGroup: 'audit', enabled: true }], {
        storageAccountId:
          '/subscriptions/0/resourceGroups/audit/providers/Microsoft.Storage/storageAccounts/archive',
      });
    },
    target: 'application',
    expect: 'pass',
  },
  {
    name: 'Pulumi: storage account logs its blob service (the account id with a sub-resource path)',
    source: 'pulumi',
    build: () => {
      const a = new storage.StorageAccount('documents', {
        resourceGroupName: 'data',
        kind: 'StorageV2',
        sku: { name: 'Standard_ZRS' },
      });
      diagnostics('documents-blobs', pulumi.interpolate`${a.id}/blobServices/default`);
    },
    target: 'documents',
    expect: 'pass',
  },
  {
    name: 'Pulumi: key vault without a diagnostic setting',
    source: 'pulumi',
    build: () => void vault(),
    target: 'keys',
    expect: 'fail',
    message: '`keys` has no diagnostic setting',
  },
  {
    name: 'Pulumi: key vault diagnostic setting sends metrics only',
    source: 'pulumi',
    build: () => {
      const v = vault();
      diagnostics('keys-diagnostics', v.id, []);
    },
    target: 'keys',
    expect: 'fail',
    message: 'sends no logs (metrics only)',
  },
  {
    name: 'Pulumi: key vault logs go to an event hub only',
    source: 'pulumi',
    build: () => {
      const v = vault();
      diagnostics('keys-diagnostics', v.id, undefined, {
        eventHubAuthorizationRuleId:
          '/subscriptions/0/resourceGroups/siem/providers/Microsoft.EventHub/namespaces/siem/authorizationRules/send',
      });
    },
    target: 'keys',
    expect: 'fail',
    message: 'sends them to no workspace or archive',
  },
]);
