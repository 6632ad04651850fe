import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-003',
  title: 'API methods require authorization',
  severity: 'medium',
  controls: ['mcsb-v1:IM-1', 'mcsb-v1:IM-7', 'nist-csf-2.0:PR.AA-03', 'nist-csf-2.0:PR.AA-04'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'A method with authorization type `NONE` answers anyone on the internet; the backend then has to authenticate ' +
    "callers itself, which is where checks go missing. IAM, Cognito, JWT or Lambda authorizers verify the caller's " +
    'identity assertion (SigV4 signature, signed token) in front of every call, and record the caller in the ' +
    'access logs. CORS preflight (`OPTIONS`) methods are exempt: browsers send them without credentials.',
  fix: {
    cdk: 'Set `authorizationType` (or `defaultMethodOptions` on the API) to `AuthorizationType.IAM`, `COGNITO` with a `CognitoUserPoolsAuthorizer`, or `CUSTOM` with a Lambda authorizer; on HTTP APIs attach an authorizer to each route.',
    terraform:
      'Set `authorization` on each `aws_api_gateway_method` to `AWS_IAM`, `COGNITO_USER_POOLS` or `CUSTOM` with an `authorizer_id` (an `aws_api_gateway_authorizer`); on HTTP APIs set `authorization_type` (`JWT`, `AWS_IAM` or `CUSTOM`) and `authorizer_id` on each `aws_apigatewayv2_route`.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'api-method') return notApplicable('not an API method');
    if (view.corsPreflight) return notApplicable(`\`${view.name}\` is a CORS preflight`);
    const auth = view.authorization;
    if (auth === undefined || auth instanceof Unknown)
      return unknown(
        `\`${view.name}\`: the authorization type cannot be resolved${auth ? ` (${auth.reason})` : ''}`,
      );
    const method = typeof view.method === 'string' ? view.method : '?';
    return auth.toUpperCase() === 'NONE'
      ? fail(`\`${view.name}\` (${method}) requires no authorization`)
      : pass(`\`${view.name}\` (${method}) requires \`${auth}\` authorization`);
  },
});
