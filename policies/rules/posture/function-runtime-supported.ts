import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/**
 * Lambda runtimes AWS no longer supports: those aws-cdk-lib 2.276 marks "Legacy runtime no longer
 * supported by AWS Lambda" (`Runtime.NODEJS_18_X`, `PYTHON_3_9`, `JAVA_8`, `DOTNET_6`, `GO_1_X`,
 * `RUBY_2_7`, `PROVIDED`...). A deprecated runtime receives no security patches.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
 */
export const DEPRECATED_RUNTIMES: ReadonlySet<string> = new Set([
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'nodejs18.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'python3.9',
  'java8',
  'dotnet6',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'go1.x',
  'ruby2.5',
  'ruby2.7',
  'provided',
]);

export default defineRule({
  id: 'BW-PV-004',
  title: 'Functions run on a runtime AWS still supports',
  severity: 'medium',
  controls: ['mcsb-v1:PV-6', 'mcsb-v1:DS-6', 'nist-csf-2.0:PR.PS-02'],
  threats: ['vulnerable-dependency', 'malicious-code'],
  rationale:
    'Once Lambda deprecates a runtime it stops patching its language runtime and operating system: known ' +
    'vulnerabilities stay in every function on it, and after the block dates the function can no longer be ' +
    'updated, not even to ship a fix.',
  fix: {
    cdk: 'Move the function to a supported runtime of its language (`Runtime.NODEJS_22_X`, `PYTHON_3_13`, `JAVA_21`, `DOTNET_8`, `PROVIDED_AL2023`...).',
    terraform:
      'Set `runtime` on `aws_lambda_function` to a supported runtime of its language (`nodejs22.x`, `python3.13`, `java21`, `dotnet8`, `provided.al2023`...).',
  },
  appliesTo: ['function'],
  check(view) {
    const rt = view.runtime;
    if (rt === undefined) return notApplicable(`\`${view.name}\` is a container image function`);
    if (rt instanceof Unknown)
      return unknown(`\`${view.name}\`: the runtime cannot be resolved (${rt.reason})`);
    return DEPRECATED_RUNTIMES.has(rt)
      ? fail(`\`${view.name}\` runs on deprecated runtime \`${rt}\``)
      : pass(`\`${view.name}\` runs on \`${rt}\``);
  },
});
