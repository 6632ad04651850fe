import * as compute from '@pulumi/azure-native/compute';
import * as network from '@pulumi/azure-native/network';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vm-password-authentication';

/** A Linux VM on a private interface, signing in with an SSH key; `linux` replaces its Linux configuration. */
function linuxVm(linux: Record<string, unknown> = {}, password?: string): void {
  const nic = new network.NetworkInterface('app-nic', {
    resourceGroupName: 'app',
    ipConfigurations: [
      {
        name: 'primary',
        subnet: {
          id: '/subscriptions/0/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/main/subnets/app',
        },
      },
    ],
  });
  new compute.VirtualMachine('app', {
    resourceGroupName: 'app',
    hardwareProfile: { vmSize: 'Standard_B2s' },
    networkProfile: { networkInterfaces: [{ id: nic.id, primary: true }] },
    osProfile: {
      computerName: 'app',
      adminUsername: 'operator',
      ...(password ? { adminPassword: password } : {}),
      linuxConfiguration: {
        disablePasswordAuthentication: true,
        ssh: {
          publicKeys: [
            {
              path: '/home/operator/.ssh/authorized_keys',
              keyData: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB operator',
            },
          ],
        },
        ...linux,
      },
    },
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
      osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } },
    },
  });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: Linux VM that accepts SSH keys only',
    source: 'pulumi',
    build: () => linuxVm(),
    target: 'app',
    expect: 'pass',
  },
  {
    name: 'Pulumi: Linux VM with password authentication left on and an admin password',
    source: 'pulumi',
    build: () => linuxVm({ disablePasswordAuthentication: false }, 'Correct-Horse-9'),
    target: 'app',
    expect: 'fail',
    message: '`app` accepts password sign-in over SSH',
  },
  {
    name: 'Pulumi: Linux VM that does not say whether passwords are accepted',
    source: 'pulumi',
    build: () => linuxVm({ disablePasswordAuthentication: undefined }),
    target: 'app',
    expect: 'unknown',
    message: '`disablePasswordAuthentication` is unset',
  },
]);
