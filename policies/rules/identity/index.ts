import type { Rule } from '../../../lib/engine/rule';
import aiServiceNoKeys from './ai-service-no-keys';
import databaseIdentityOnly from './database-identity-only';
import apiMethodAuthorization from './api-method-authorization';
import appClientHidesUserExistence from './app-client-hides-user-existence';
import appClientNoImplicitGrant from './app-client-no-implicit-grant';
import appClientTokenRevocation from './app-client-token-revocation';
import functionNotPublic from './function-not-public';
import functionUrlAuth from './function-url-auth';
import noPlaintextSecrets from './no-plaintext-secrets';
import noUserAccessKeys from './no-user-access-keys';
import userDirectoryMfa from './user-directory-mfa';
import vmInstanceRole from './vm-instance-role';
import storeClientAuthentication from './store-client-authentication';
import vmPasswordAuthentication from './vm-password-authentication';
import kubernetesLocalAccounts from './kubernetes-local-accounts';

export const identityRules: readonly Rule[] = [
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
  databaseIdentityOnly,
  aiServiceNoKeys,
  vmPasswordAuthentication,
  kubernetesLocalAccounts,
];
