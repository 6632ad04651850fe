import { defineCases } from '../../../lib/engine/cases';
import { aksCluster } from '../../../test/support/azure-native';
import rule from './kubernetes-local-accounts';

export default defineCases(rule, [
  {
    name: 'Pulumi: AKS cluster with local accounts disabled',
    source: 'pulumi',
    build: () => void aksCluster(),
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster that does not set disableLocalAccounts (enabled by default)',
    source: 'pulumi',
    build: () => void aksCluster({ disableLocalAccounts: undefined }),
    target: 'cluster',
    expect: 'fail',
    message: '`cluster` keeps local accounts',
  },
  {
    name: 'Pulumi: AKS cluster with disableLocalAccounts false',
    source: 'pulumi',
    build: () => void aksCluster({ disableLocalAccounts: false }),
    target: 'cluster',
    expect: 'fail',
  },
]);
