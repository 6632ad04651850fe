import { defineCases } from '../../../lib/engine/cases';
import { aksCluster } from '../../../test/support/azure-native';
import rule from './kubernetes-rbac';

export default defineCases(rule, [
  {
    name: 'Pulumi: AKS cluster with Kubernetes RBAC',
    source: 'pulumi',
    build: () => void aksCluster(),
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster with enableRBAC false',
    source: 'pulumi',
    build: () => void aksCluster({ enableRBAC: false }),
    target: 'cluster',
    expect: 'fail',
    message: 'turns Kubernetes RBAC off',
  },
  {
    name: 'Pulumi: AKS cluster that leaves enableRBAC to the service',
    source: 'pulumi',
    build: () => void aksCluster({ enableRBAC: undefined }),
    target: 'cluster',
    expect: 'unknown',
    message: '`enableRBAC` is unset',
  },
]);
