import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-010',
  title: 'App clients let refresh tokens be revoked',
  severity: 'low',
  controls: ['mcsb-v1:IM-2', 'nist-csf-2.0:PR.AA-04'],
  threats: ['unauthorized-access'],
  rationale:
    'Refresh tokens last 30 days by default and up to ten years. Without token revocation, signing a user out ' +
    'everywhere or responding to a stolen device cannot end the sessions a refresh token keeps alive: the token ' +
    'keeps minting access tokens until it expires. Cognito enables revocation on new clients unless it is turned off.',
  fix: {
    cdk: 'Remove `enableTokenRevocation: false` from the CDK client, or set `EnableTokenRevocation: true` on `AWS::Cognito::UserPoolClient`.',
    terraform:
      'Remove `enable_token_revocation = false` from the `aws_cognito_user_pool_client` (or set it to `true`).',
  },
  appliesTo: ['app-client'],
  check(view) {
    const on = view.tokenRevocation;
    if (on instanceof Unknown)
      return unknown(`\`${view.name}\`: token revocation cannot be resolved (${on.reason})`);
    return on
      ? pass(`\`${view.name}\` can revoke refresh tokens`)
      : fail(`\`${view.name}\` cannot revoke refresh tokens (token revocation is off)`);
  },
});
