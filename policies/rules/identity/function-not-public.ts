import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown, show } from '../../../lib/graph/values';
import { conditionValues, narrowingCondition } from '../../../lib/views/common/grants';

/** Conditions that narrow `*` to callers of one account, organization, network or source resource. */
const NARROWING_KEYS = [
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:SourceOwner',
  'aws:PrincipalOrgID',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceIp',
  'lambda:EventSourceToken',
];

export default defineRule({
  id: 'BW-IM-011',
  title: 'Functions cannot be invoked by everyone',
  severity: 'high',
  controls: ['mcsb-v1:IM-1', 'mcsb-v1:NS-2', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'A function permission for `Principal: "*"` without a condition naming an account, organization or source lets ' +
    'any AWS principal of any account invoke the function with its role; with `lambda:FunctionUrlAuthType` `NONE` it ' +
    'makes the function URL a public, unauthenticated endpoint. Either bypasses the identity controls in front of ' +
    'everything the function can reach.',
  fix: {
    cdk: 'Grant the callers that need the function (an account, a role, a service with `sourceArn`), or restrict `*` with `aws:PrincipalOrgID` (CDK `fn.grantInvoke(principal)`, `fn.addPermission(id, { principal, organizationId })`); serve public traffic through API Gateway or CloudFront with authentication.',
    terraform:
      'On `aws_lambda_permission`, name the caller in `principal` (an account, a role ARN, a service with `source_arn`), or limit `principal = "*"` with `principal_org_id`; serve public traffic through API Gateway or CloudFront with authentication.',
  },
  appliesTo: ['access-grant'],
  check(view, ctx) {
    const on =
      view.scope instanceof Unknown
        ? `\`${view.scope.toString()}\``
        : `\`${ctx.viewOf(view.scope, 'function')?.name ?? view.scope}\``;
    const type = view.principalType;
    if (type instanceof Unknown)
      return unknown(`\`${view.name}\`: the principal of the grant on ${on} cannot be told (${type.reason})`);
    if (type !== 'everyone')
      return notApplicable(`\`${view.name}\` grants \`${show(view.principal)}\`, not everyone`);
    const narrowing = narrowingCondition(view.conditions, NARROWING_KEYS);
    if (narrowing instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether \`*\` is limited on ${on} cannot be told (${narrowing.reason})`,
      );
    if (narrowing) return pass(`\`${view.name}\` limits \`*\` on ${on} with \`${narrowing}\``);
    const actions = view.actions.map((a) => `\`${show(a)}\``).join(', ');
    const urlAuth = conditionValues(view.conditions, 'lambda:FunctionUrlAuthType');
    const viaUrl = conditionValues(view.conditions, 'lambda:InvokedViaFunctionUrl');
    const how =
      urlAuth?.some((v) => v === 'NONE') === true
        ? ' through its function URL without authentication (`lambda:FunctionUrlAuthType` `NONE`)'
        : viaUrl?.some((v) => v === 'true') === true
          ? ' through its function URL (`lambda:InvokedViaFunctionUrl`)'
          : '';
    return fail(`\`${view.name}\` lets everyone (\`*\`) call ${actions} on ${on}${how}`);
  },
});
