import type { Rule } from '../../../lib/engine/rule';
import keyStoreIdentityRoles from './key-store-identity-roles';
import iamUserPermissionsViaGroups from './iam-user-permissions-via-groups';
import noKmsDecryptOnAllKeys from './no-kms-decrypt-on-all-keys';
import noPassroleOnAllRoles from './no-passrole-on-all-roles';
import noPrivilegeEscalationOnAll from './no-privilege-escalation-on-all';
import noSensitiveReadOnAll from './no-sensitive-read-on-all';
import serviceGrantSource from './service-grant-source';
import policyNoFullAdmin from './policy-no-full-admin';
import noAdministratorAccess from './no-administrator-access';
import trustPolicyNotPublic from './trust-policy-not-public';
import kubernetesRbac from './kubernetes-rbac';

export const privilegedAccessRules: readonly Rule[] = [
  iamUserPermissionsViaGroups,
  noPassroleOnAllRoles,
  noKmsDecryptOnAllKeys,
  noPrivilegeEscalationOnAll,
  noSensitiveReadOnAll,
  serviceGrantSource,
  policyNoFullAdmin,
  noAdministratorAccess,
  trustPolicyNotPublic,
  keyStoreIdentityRoles,
  kubernetesRbac,
];
