import { defineCases } from '../../../lib/engine/cases';
import { cluster } from '../data-protection/kubernetes-secrets-customer-key.cases';
import rule from './kubernetes-control-plane-logs';

export default defineCases(rule, [
  {
    name: 'API, audit and authenticator logs delivered',
    build: (stack) => void cluster(stack),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'no logging configuration (nothing delivered)',
    build: (stack) => void cluster(stack, (p) => ({ ...p, logging: undefined })),
    target: 'Cluster',
    expect: 'fail',
    message: '`Cluster` does not deliver `api`, `audit`, `authenticator` control-plane logs (none enabled)',
  },
  {
    name: 'API log only, no audit log',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        logging: { clusterLogging: { enabledTypes: [{ type: 'api' }, { type: 'scheduler' }] } },
      })),
    target: 'Cluster',
    expect: 'fail',
    message:
      '`Cluster` does not deliver `audit`, `authenticator` control-plane logs (enabled: `api`, `scheduler`)',
  },
]);
