import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-008',
  title: 'App clients do not reveal whether a user exists',
  severity: 'medium',
  controls: ['mcsb-v1:IM-2', 'nist-csf-2.0:PR.AA-03'],
  threats: ['unauthorized-access'],
  rationale:
    'When sign-in, account confirmation and password recovery answer "user not found" for an unknown name, anyone ' +
    'can test a list of names or e-mail addresses against the directory and learn who has an account: the first ' +
    'step of credential stuffing, password spraying and targeted phishing. Cognito answers so for clients created ' +
    'through the API unless its user existence errors setting is `ENABLED` (the console enables it; the API default, ' +
    'which CloudFormation, the CDK and the AWS provider keep, is `LEGACY`).',
  fix: {
    cdk: 'Set `preventUserExistenceErrors: true` on the CDK client (`userPool.addClient(id, { preventUserExistenceErrors: true })`), or `PreventUserExistenceErrors: ENABLED` on `AWS::Cognito::UserPoolClient`.',
    terraform: 'Set `prevent_user_existence_errors = "ENABLED"` on the `aws_cognito_user_pool_client`.',
  },
  appliesTo: ['app-client'],
  check(view) {
    const reveals = view.revealsUserExistence;
    if (reveals instanceof Unknown)
      return unknown(`\`${view.name}\`: user existence errors cannot be resolved (${reveals.reason})`);
    return reveals
      ? fail(
          `\`${view.name}\` reveals whether a user exists (its errors tell an unknown user from a wrong password)`,
        )
      : pass(`\`${view.name}\` answers the same for unknown users`);
  },
});
