import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-009',
  title: 'App clients do not use the OAuth implicit grant',
  severity: 'medium',
  controls: ['mcsb-v1:IM-2', 'mcsb-v1:IM-6', 'nist-csf-2.0:PR.AA-04'],
  threats: ['unauthorized-access'],
  rationale:
    'The implicit grant returns access and ID tokens in the redirect URL, where browser history, referrer headers, ' +
    'proxies and injected scripts can read them, and it cannot bind the token to the client that asked (no PKCE, no ' +
    'client authentication). The OAuth 2.0 Security Best Current Practice (RFC 9700) says clients should not use it; ' +
    'the authorization code grant with PKCE replaces it. CDK enables it by default on user pool clients.',
  fix: {
    cdk: 'Allow only the authorization code grant: CDK `oAuth: { flows: { authorizationCodeGrant: true } }` on the client, or `AllowedOAuthFlows: [code]` on `AWS::Cognito::UserPoolClient`.',
    terraform:
      'Allow only the authorization code grant: `allowed_oauth_flows = ["code"]` on the `aws_cognito_user_pool_client`.',
  },
  appliesTo: ['app-client'],
  check(view) {
    const flows = view.oauthFlows;
    if (flows instanceof Unknown)
      return unknown(`\`${view.name}\`: the OAuth grant types cannot be resolved (${flows.reason})`);
    if (flows.length === 0) return notApplicable(`\`${view.name}\` does not use OAuth`);
    return flows.includes('implicit')
      ? fail(`\`${view.name}\` allows the OAuth implicit grant (flows \`${flows.join('`, `')}\`)`)
      : pass(`\`${view.name}\` allows \`${flows.join('`, `')}\``);
  },
});
