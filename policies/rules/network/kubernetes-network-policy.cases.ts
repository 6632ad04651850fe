import { defineCases } from '../../../lib/engine/cases';
import { aksCluster } from '../../../test/support/azure-native';
import rule from './kubernetes-network-policy';

export default defineCases(rule, [
  {
    name: 'Pulumi: AKS cluster with the Cilium network policy engine',
    source: 'pulumi',
    build: () => void aksCluster(),
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster with the Calico engine on kubenet',
    source: 'pulumi',
    build: () => void aksCluster({ networkProfile: { networkPlugin: 'kubenet', networkPolicy: 'calico' } }),
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster whose network profile names no policy engine',
    source: 'pulumi',
    build: () => void aksCluster({ networkProfile: { networkPlugin: 'azure' } }),
    target: 'cluster',
    expect: 'fail',
    message: 'runs no network policy engine',
  },
  {
    name: 'Pulumi: AKS cluster with networkPolicy none',
    source: 'pulumi',
    build: () => void aksCluster({ networkProfile: { networkPlugin: 'azure', networkPolicy: 'none' } }),
    target: 'cluster',
    expect: 'fail',
  },
]);
