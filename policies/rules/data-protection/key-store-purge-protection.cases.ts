import { defineCases } from '../../../lib/engine/cases';
import { vault } from '../../../test/support/azure-native';
import rule from './key-store-purge-protection';

export default defineCases(rule, [
  {
    name: 'pulumi: Key Vault with soft delete and purge protection',
    source: 'pulumi',
    build: () => vault('keys'),
    target: 'keys',
    expect: 'pass',
  },
  {
    name: 'pulumi: Key Vault without enablePurgeProtection (the API leaves it off)',
    source: 'pulumi',
    build: () => vault('keys', { enablePurgeProtection: undefined }),
    target: 'keys',
    expect: 'fail',
    message: /`keys` lets deleted keys and secrets be purged before their 90-day retention ends/,
  },
  {
    name: 'pulumi: Key Vault with soft delete turned off',
    source: 'pulumi',
    build: () => vault('keys', { enableSoftDelete: false, enablePurgeProtection: undefined }),
    target: 'keys',
    expect: 'fail',
    message: /soft delete is off/,
  },
]);
