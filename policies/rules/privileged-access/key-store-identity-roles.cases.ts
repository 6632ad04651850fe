import { defineCases } from '../../../lib/engine/cases';
import { vault } from '../../../test/support/azure-native';
import rule from './key-store-identity-roles';

export default defineCases(rule, [
  {
    name: 'pulumi: Key Vault with RBAC authorization',
    source: 'pulumi',
    build: () => vault('keys'),
    target: 'keys',
    expect: 'pass',
  },
  {
    name: 'pulumi: Key Vault without enableRbacAuthorization (created with access policies)',
    source: 'pulumi',
    build: () => vault('keys', { enableRbacAuthorization: undefined }),
    target: 'keys',
    expect: 'fail',
    message: /`keys` grants access to its keys and secrets through its own access policies/,
  },
]);
