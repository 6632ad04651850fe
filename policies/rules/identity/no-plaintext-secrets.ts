import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { UNRESOLVED_ENVIRONMENT } from '../../../lib/views/common/compute';
import type { Fact } from '../../../lib/views/kinds';

/** Names that announce a credential. */
const SECRET_NAME = /(secret|password|passwd|token|api[_-]?key|private[_-]?key)/i;
/** Names that announce a pointer to a credential (its ARN, name, id, path), not the credential. */
const POINTER_NAME = /[_-]?(arn|name|id|path|param|parameter|ref|header|url|table|bucket|queue|topic)$/i;
/** Values that are not credentials even under a credential's name. */
const NOT_A_SECRET = /^(arn:|\{\{resolve:|$)/;

function checkEnvironment(
  owner: string,
  env: Readonly<Record<string, Fact<string>>>,
  container?: string,
): CheckResult[] {
  const where = container === undefined ? `\`${owner}\`` : `\`${owner}\` container \`${container}\``;
  const prefix = container === undefined ? '' : `${container}/`;
  const out: CheckResult[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (name === UNRESOLVED_ENVIRONMENT && value instanceof Unknown) {
      out.push(unknown(`${where}: the environment cannot be resolved (${value.reason})`, `${prefix}*`));
      continue;
    }
    if (!SECRET_NAME.test(name) || POINTER_NAME.test(name)) continue;
    const finding = `${prefix}${name}`;
    if (typeof value === 'string') {
      if (!NOT_A_SECRET.test(value))
        out.push(fail(`${where}: environment variable \`${name}\` holds a plaintext value`, finding));
      continue;
    }
    // References to other resources and dynamic references are resolved at deploy time, not written here.
    if (value.refs.length > 0 || value.display?.includes('{{resolve:')) continue;
    out.push(
      unknown(
        `${where}: environment variable \`${name}\` comes from a value that cannot be resolved (${value.reason})`,
        finding,
      ),
    );
  }
  return out;
}

export default defineRule({
  id: 'BW-IM-001',
  title: 'Function, container and build environments hold no plaintext secrets',
  severity: 'high',
  controls: ['mcsb-v1:IM-8', 'mcsb-v1:DS-3', 'nist-csf-2.0:PR.AA-01'],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'A password, token or key written into the infrastructure code is stored in source control, in the synthesized ' +
    'artifacts and in the deployment history, and anyone who can read the function or task configuration can read ' +
    'it. Secrets belong in a secret store, fetched at run time or passed as a reference.',
  fix: {
    cdk: 'Store the value in Secrets Manager or SSM Parameter Store (SecureString) and pass its ARN or name; for ECS use the container `secrets` option instead of `environment`; for CodeBuild use `BuildEnvironmentVariableType.SECRETS_MANAGER` or `PARAMETER_STORE`.',
    terraform:
      'Keep the value in Secrets Manager or SSM Parameter Store and pass its ARN or name: `aws_lambda_function` `environment.variables` hold the ARN, read at run time; in `aws_ecs_task_definition` `container_definitions` use `secrets` (`valueFrom`) instead of `environment`; in `aws_codebuild_project` give the `environment_variable` `type = "SECRETS_MANAGER"` or `"PARAMETER_STORE"`.',
  },
  appliesTo: ['function', 'container-task', 'build-project'],
  check(view) {
    const out =
      view.kind === 'container-task'
        ? view.containers.flatMap((c) => checkEnvironment(view.name, c.environment, c.name))
        : checkEnvironment(view.name, view.environment);
    return out.length ? out : [pass(`\`${view.name}\` has no plaintext secret in its environment`)];
  },
});
