import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';

export default defineRule({
  id: 'BW-AM-002',
  title: 'Every resource a template declares is read as deployed: its transforms are expanded',
  severity: 'high',
  controls: ['mcsb-v1:AM-1', 'nist-csf-2.0:ID.AM-02'],
  threats: ['unauthorized-access', 'configuration-drift'],
  rationale:
    'A transform rewrites a template before CloudFormation deploys it: SAM turns one `AWS::Serverless::Function` ' +
    'into a function, a role with its policies, a URL and permissions; `Fn::ForEach` turns one loop into many ' +
    'resources; a macro runs code that may add or change anything. The checks only mean something on what is ' +
    'deployed, so Bulwark expands the transforms it knows (SAM, the language extensions) and judges the result. ' +
    'A declaration it cannot expand is not in the inventory it checked: it is reported as unknown, naming the ' +
    'transform, never counted as a pass. A SAM type or a loop in a template that does not declare its transform ' +
    'is not deployed as written at all.',
  fix:
    'Check the template SAM or CloudFormation produces instead of its source (`sam build` then ' +
    '`sam package`/`aws cloudformation get-template --template-stage Processed`), or replace the construct Bulwark ' +
    'does not expand with the resources it deploys. Declare `Transform: AWS::Serverless-2016-10-31` (SAM types) ' +
    'or `Transform: AWS::LanguageExtensions` (`Fn::ForEach`) where the template uses them.',
  appliesTo: ['expansion'],
  check(view) {
    const declared = view.declaredType ? ` (\`${view.declaredType}\`)` : '';
    if (view.expanded === true) {
      return pass(`\`${view.name}\`${declared} is expanded by \`${view.transform}\` and checked as deployed`);
    }
    if (!view.transformDeclared) {
      return fail(`\`${view.name}\`${declared} is not deployable as written: ${view.expanded.reason}`);
    }
    return unknown(
      `\`${view.name}\`${declared} is not read as deployed: transform \`${view.transform}\`: ${view.expanded.reason}`,
    );
  },
});
