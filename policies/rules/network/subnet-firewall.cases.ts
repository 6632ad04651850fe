import * as network from '@pulumi/azure-native/network';
import { defineCases } from '../../../lib/engine/cases';
import rule from './subnet-firewall';

function vnet(): network.VirtualNetwork {
  return new network.VirtualNetwork('network', {
    resourceGroupName: 'net',
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] },
  });
}

function nsg(): network.NetworkSecurityGroup {
  return new network.NetworkSecurityGroup('application-nsg', { resourceGroupName: 'net' });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: subnet associated with an NSG',
    source: 'pulumi',
    build: () => {
      const v = vnet();
      new network.Subnet('application', {
        resourceGroupName: 'net',
        virtualNetworkName: v.name,
        addressPrefix: '10.40.1.0/24',
        networkSecurityGroup: { id: nsg().id },
      });
    },
    target: 'application',
    expect: 'pass',
  },
  {
    name: 'Pulumi: subnet without an NSG',
    source: 'pulumi',
    build: () => {
      const v = vnet();
      new network.Subnet('application', {
        resourceGroupName: 'net',
        virtualNetworkName: v.name,
        addressPrefix: '10.40.1.0/24',
      });
    },
    target: 'application',
    expect: 'fail',
    message: '`application` has no network security group',
  },
  {
    name: 'Pulumi: inline subnet of a virtual network without an NSG',
    source: 'pulumi',
    build: () =>
      void new network.VirtualNetwork('network', {
        resourceGroupName: 'net',
        addressSpace: { addressPrefixes: ['10.40.0.0/16'] },
        subnets: [
          { name: 'data', addressPrefix: '10.40.2.0/24', networkSecurityGroup: { id: nsg().id } },
          { name: 'application', addressPrefix: '10.40.1.0/24' },
        ],
      }),
    target: 'network',
    expect: 'fail',
    message: '`network/application` has no network security group',
  },
  {
    name: 'Pulumi: the gateway subnet, which takes no NSG',
    source: 'pulumi',
    build: () => {
      const v = vnet();
      new network.Subnet('gateway', {
        resourceGroupName: 'net',
        virtualNetworkName: v.name,
        subnetName: 'GatewaySubnet',
        addressPrefix: '10.40.255.0/27',
      });
    },
    target: 'gateway',
    expect: 'not_applicable',
  },
]);
