import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DS-001',
  title: 'Containers do not run privileged',
  severity: 'high',
  controls: ['mcsb-v1:PV-3', 'mcsb-v1:DS-6', 'nist-csf-2.0:PR.PS-01'],
  threats: ['privilege-escalation', 'malicious-code'],
  rationale:
    'A privileged container gets every Linux capability and the host devices: code running in it can load kernel ' +
    'modules, read other containers and take over the host, so one compromised image compromises the instance.',
  fix: {
    cdk: 'Remove `privileged: true`; grant the single Linux capability the container needs through `linuxParameters` instead.',
    terraform:
      'In the `container_definitions` of `aws_ecs_task_definition`, remove `"privileged": true`; add the single capability the container needs under `linuxParameters.capabilities.add`.',
  },
  appliesTo: ['container-task'],
  check(view) {
    const out: CheckResult[] = view.containers.map((c) => {
      if (c.privileged instanceof Unknown)
        return unknown(
          `\`${view.name}\` container \`${c.name}\`: privileged mode cannot be resolved (${c.privileged.reason})`,
          c.name,
        );
      return c.privileged
        ? fail(`\`${view.name}\` container \`${c.name}\` runs privileged`, c.name)
        : pass(`\`${view.name}\` container \`${c.name}\` is not privileged`, c.name);
    });
    return out.length ? out : [pass(`\`${view.name}\` declares no container`)];
  },
});
