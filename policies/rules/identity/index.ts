import type { Rule } from '../../../lib/engine/rule';
import noAdministratorAccess from './no-administrator-access';
import noPlaintextSecrets from './no-plaintext-secrets';
import policyNoFullAdmin from './policy-no-full-admin';
import trustPolicyNotPublic from './trust-policy-not-public';

export const identityRules: readonly Rule[] = [
  policyNoFullAdmin,
  noAdministratorAccess,
  trustPolicyNotPublic,
  noPlaintextSecrets,
];
