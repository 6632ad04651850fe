import { defineCases } from '../../../lib/engine/cases';
import { auditing, sqlServer } from '../../../test/support/azure-native';
import rule from './database-auditing';

export default defineCases(rule, [
  {
    name: 'pulumi: SQL server with an enabled extended auditing policy',
    source: 'pulumi',
    build: () => auditing(sqlServer('payments')),
    target: 'payments',
    expect: 'pass',
  },
  {
    name: 'pulumi: SQL server without an auditing policy',
    source: 'pulumi',
    build: () => sqlServer('payments'),
    target: 'payments',
    expect: 'fail',
    message: /`payments` keeps no audit log/,
  },
  {
    name: 'pulumi: SQL server whose auditing policy is Disabled',
    source: 'pulumi',
    build: () => auditing(sqlServer('payments'), 'Disabled'),
    target: 'payments',
    expect: 'fail',
    message: /keeps no audit log/,
  },
]);
