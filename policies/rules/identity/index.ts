import type { Rule } from '../../../lib/engine/rule';
import apiMethodAuthorization from './api-method-authorization';
import appClientHidesUserExistence from './app-client-hides-user-existence';
import appClientNoImplicitGrant from './app-client-no-implicit-grant';
import appClientTokenRevocation from './app-client-token-revocation';
import functionNotPublic from './function-not-public';
import functionUrlAuth from './function-url-auth';
import noAdministratorAccess from './no-administrator-access';
import noPlaintextSecrets from './no-plaintext-secrets';
import noUserAccessKeys from './no-user-access-keys';
import policyNoFullAdmin from './policy-no-full-admin';
import trustPolicyNotPublic from './trust-policy-not-public';
import userDirectoryMfa from './user-directory-mfa';
import vmInstanceRole from './vm-instance-role';
import storeClientAuthentication from './store-client-authentication';

export const identityRules: readonly Rule[] = [
  policyNoFullAdmin,
  noAdministratorAccess,
  trustPolicyNotPublic,
  noPlaintextSecrets,
  functionUrlAuth,
  apiMethodAuthorization,
  vmInstanceRole,
  userDirectoryMfa,
  noUserAccessKeys,
  storeClientAuthentication,
  functionNotPublic,
  appClientHidesUserExistence,
  appClientNoImplicitGrant,
  appClientTokenRevocation,
];
