/**
 * A misconfigured estate built from raw azure-native resources: each resource carries one of the
 * mistakes the `bulwark/azure` components rule out, so `bulwark check examples/azure-misconfigured`
 * has something to find.
 *
 * - storage account accepting TLS 1.0 and anonymous blob reads
 * - Key Vault without purge protection
 * - network security group open to the internet on RDP (3389)
 * - SQL server without auditing
 * - Defender for Cloud plans off (Free tier)
 * - AI account with API keys enabled
 */
import * as pulumi from '@pulumi/pulumi';
import * as cognitiveservices from '@pulumi/azure-native/cognitiveservices';
import * as keyvault from '@pulumi/azure-native/keyvault';
import * as network from '@pulumi/azure-native/network';
import * as resources from '@pulumi/azure-native/resources';
import * as security from '@pulumi/azure-native/security';
import * as sql from '@pulumi/azure-native/sql';
import * as storage from '@pulumi/azure-native/storage';

const config = new pulumi.Config();
const location = new pulumi.Config('azure-native').require('location');
const tenantId = config.require('tenantId');
const subscriptionId = config.require('subscriptionId');

const group = new resources.ResourceGroup('estate', { location });
const resourceGroupName = group.name;

new storage.StorageAccount('documents', {
  resourceGroupName,
  location,
  kind: 'StorageV2',
  sku: { name: 'Standard_LRS' },
  minimumTlsVersion: 'TLS1_0',
  allowBlobPublicAccess: true,
  tags: { 'data-classification': 'confidential' },
});

new keyvault.Vault('keys', {
  resourceGroupName,
  location,
  properties: {
    tenantId,
    sku: { family: 'A', name: 'standard' },
    enableRbacAuthorization: true,
  },
});

const nsg = new network.NetworkSecurityGroup('application', {
  resourceGroupName,
  location,
  securityRules: [
    {
      name: 'AllowRdpFromInternet',
      direction: 'Inbound',
      access: 'Allow',
      priority: 100,
      protocol: 'Tcp',
      sourceAddressPrefix: 'Internet',
      sourcePortRange: '*',
      destinationAddressPrefix: '*',
      destinationPortRange: '3389',
    },
  ],
});
const vnet = new network.VirtualNetwork('network', {
  resourceGroupName,
  location,
  addressSpace: { addressPrefixes: ['10.40.0.0/16'] },
});
new network.Subnet('application', {
  resourceGroupName,
  virtualNetworkName: vnet.name,
  addressPrefix: '10.40.1.0/24',
  networkSecurityGroup: { id: nsg.id },
});

const server = new sql.Server('payments', {
  resourceGroupName,
  location,
  version: '12.0',
  minimalTlsVersion: '1.2',
  administrators: {
    administratorType: 'ActiveDirectory',
    azureADOnlyAuthentication: true,
    login: config.require('sqlAdminGroup'),
    sid: config.require('sqlAdminGroupObjectId'),
    principalType: 'Group',
    tenantId,
  },
  tags: { 'data-classification': 'restricted' },
});
new sql.Database('ledger', {
  resourceGroupName,
  location,
  serverName: server.name,
  tags: { 'data-classification': 'restricted' },
});

for (const plan of ['CloudPosture', 'VirtualMachines', 'StorageAccounts', 'SqlServers']) {
  new security.Pricing(`defender-${plan}`, {
    scopeId: `/subscriptions/${subscriptionId}`,
    pricingName: plan,
    pricingTier: 'Free',
  });
}

new cognitiveservices.Account('assistant', {
  resourceGroupName,
  location,
  kind: 'OpenAI',
  sku: { name: 'S0' },
  properties: {
    customSubDomainName: 'contoso-support-assistant',
    disableLocalAuth: false,
  },
  tags: { 'data-classification': 'confidential' },
});
