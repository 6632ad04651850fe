import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-103',
  title: 'API stages write access logs',
  severity: 'medium',
  controls: ['mcsb-v1:LT-3', 'nist-csf-2.0:PR.PS-04', 'nist-csf-2.0:DE.CM-01'],
  threats: ['unauthorized-access', 'insider-misuse'],
  rationale:
    'Access logs are the record of who called which API operation, from where, with which identity and result. ' +
    'Without them an investigation cannot tell which data a leaked token read or which client abused an endpoint.',
  fix: {
    cdk: 'Set `deployOptions.accessLogDestination` (REST APIs) or `accessLogSettings` on the HTTP API stage, with a JSON format that records the caller, request id and status.',
    terraform:
      'Add an `access_log_settings` block (`destination_arn` a log group or Firehose ARN, `format` a JSON line with the caller, request id and status) to the `aws_api_gateway_stage` or `aws_apigatewayv2_stage`.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'api-stage') return notApplicable('not an API stage');
    const on = view.accessLogging;
    if (on === undefined || on instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether access logs are written cannot be resolved${on ? ` (${on.reason})` : ''}`,
      );
    return on ? pass(`\`${view.name}\` writes access logs`) : fail(`\`${view.name}\` writes no access logs`);
  },
});
