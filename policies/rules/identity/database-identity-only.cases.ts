import { defineCases } from '../../../lib/engine/cases';
import { sqlServer } from '../../../test/support/azure-native';
import rule from './database-identity-only';

export default defineCases(rule, [
  {
    name: 'pulumi: SQL server with an Entra administrator and Entra-only authentication',
    source: 'pulumi',
    build: () => sqlServer('payments'),
    target: 'payments',
    expect: 'pass',
  },
  {
    name: 'pulumi: SQL server with an Entra administrator that still accepts SQL logins',
    source: 'pulumi',
    build: () =>
      sqlServer('payments', {
        administratorLogin: 'sqladmin',
        administrators: {
          administratorType: 'ActiveDirectory',
          azureADOnlyAuthentication: false,
          login: 'sql-admins',
          sid: '00000000-0000-0000-0000-000000000002',
        },
      }),
    target: 'payments',
    expect: 'fail',
    message: /`payments` accepts database logins with passwords besides cloud identities/,
  },
  {
    name: 'pulumi: SQL server with a SQL administrator login only',
    source: 'pulumi',
    build: () => sqlServer('payments', { administrators: undefined, administratorLogin: 'sqladmin' }),
    target: 'payments',
    expect: 'fail',
    message: /accepts database logins with passwords/,
  },
]);
