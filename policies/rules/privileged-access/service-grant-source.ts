import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown, show } from '../../../lib/graph/values';
import { narrowingCondition } from '../../../lib/views/common/grants';

/** Conditions that tie a service's request to the customer's own resource or account. */
export const SOURCE_KEYS = [
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:SourceOwner',
  'lambda:EventSourceToken',
];

export default defineRule({
  id: 'BW-PA-009',
  title: 'Grants to cloud services name the source resource or account',
  severity: 'high',
  controls: ['mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05'],
  threats: ['unauthorized-access', 'privilege-escalation'],
  rationale:
    'A service principal (`s3.amazonaws.com`, `sns.amazonaws.com`, `events.amazonaws.com`) acts for every customer ' +
    'of the service. A permission that lets the service invoke a function without an `aws:SourceArn` or ' +
    '`aws:SourceAccount` condition lets anyone configure a bucket, topic or rule in their own account that invokes it: ' +
    'the confused deputy. AWS documents the source conditions as the protection for every service principal grant.',
  fix: {
    cdk: 'Name the resource that invokes the function: CDK `fn.addPermission(id, { principal, sourceArn, sourceAccount })` (event sources such as `S3EventSource` do this), or CloudFormation `SourceArn` and `SourceAccount` on `AWS::Lambda::Permission`.',
    terraform:
      'On `aws_lambda_permission` for a service principal, set `source_arn` to the bucket, topic, rule or API that invokes the function (and `source_account`).',
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
    if (type !== 'service') return notApplicable(`\`${view.name}\` does not grant a service`);
    const principal = show(view.principal);
    const source = narrowingCondition(view.conditions, SOURCE_KEYS);
    if (source instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether \`${principal}\` is limited to a source on ${on} cannot be told (${source.reason})`,
      );
    if (source) return pass(`\`${view.name}\` limits \`${principal}\` on ${on} with \`${source}\``);
    const actions = view.actions.map((a) => `\`${show(a)}\``).join(', ');
    return fail(
      `\`${view.name}\` lets \`${principal}\` call ${actions} on ${on} for any account (no \`aws:SourceArn\` or \`aws:SourceAccount\` condition)`,
    );
  },
});
