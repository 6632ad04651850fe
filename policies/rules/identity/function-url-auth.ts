import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-002',
  title: 'Function URLs require IAM authentication',
  severity: 'high',
  controls: ['mcsb-v1:IM-1', 'mcsb-v1:NS-2', 'nist-csf-2.0:PR.AA-03'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'A function URL with auth type `NONE` is a public HTTPS endpoint: anyone who finds the URL invokes the function ' +
    'with its role, bypassing every identity control. `AWS_IAM` requires signed requests from principals the ' +
    "function's resource policy admits (a CloudFront origin access control can sign for public sites).",
  fix: {
    cdk: 'Use `authType: FunctionUrlAuthType.AWS_IAM`, and put public traffic behind CloudFront with a Lambda origin access control or behind API Gateway with an authorizer.',
    terraform:
      'Set `authorization_type = "AWS_IAM"` on `aws_lambda_function_url`, and serve public traffic through CloudFront with a Lambda origin access control (`aws_cloudfront_origin_access_control`, `origin_access_control_origin_type = "lambda"`) or through API Gateway with an authorizer.',
  },
  appliesTo: ['function'],
  check(view) {
    const urls = view.urls ?? [];
    if (urls.length === 0) return notApplicable(`\`${view.name}\` has no function URL`);
    return urls.map((u): CheckResult => {
      const id = u.address.split('/').pop()!;
      const auth = u.authType;
      if (auth instanceof Unknown)
        return unknown(
          `\`${view.name}\`: the auth type of URL \`${id}\` cannot be resolved (${auth.reason})`,
          id,
        );
      return auth === 'NONE'
        ? fail(`\`${view.name}\` has a public function URL \`${id}\` (auth type \`NONE\`)`, id)
        : pass(`\`${view.name}\`: URL \`${id}\` requires \`${auth}\``, id);
    });
  },
});
