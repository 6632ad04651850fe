import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { frontEndOf } from '../../../lib/engine/fix';
import { Unknown } from '../../../lib/graph/values';
import type { Fact } from '../../../lib/views/kinds';

export default defineRule({
  id: 'BW-DS-004',
  title: 'Container tasks do not share the host network, process or IPC namespace',
  severity: 'high',
  controls: ['mcsb-v1:PV-3', 'mcsb-v1:DS-6', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.PS-01'],
  threats: ['privilege-escalation', 'unauthorized-access'],
  rationale:
    'Namespaces are what separate a container from its host. With the `host` network mode a container binds the ' +
    "host's interfaces (and reaches the instance metadata service and every local port) outside any task security " +
    'group; with the `host` PID mode it sees and can signal or trace every process on the instance; with the `host` IPC mode ' +
    "it shares the host's shared memory. One compromised container then reaches the host and its neighbours.",
  fix: {
    cdk: 'Use `NetworkMode.AWS_VPC` (each task its own interface and security group), and leave `pidMode` and `ipcMode` unset or `task`.',
    terraform:
      'On `aws_ecs_task_definition` use `network_mode = "awsvpc"`, and leave `pid_mode` and `ipc_mode` unset or `"task"`.',
  },
  appliesTo: ['container-task'],
  check(view) {
    const terraform = frontEndOf(view.resource) === 'terraform';
    // Finding ids keep the CloudFormation names; messages name the argument of the front end.
    const modes: [string, string, Fact<string> | undefined][] = [
      ['NetworkMode', 'network_mode', view.networkMode],
      ['PidMode', 'pid_mode', view.pidMode],
      ['IpcMode', 'ipc_mode', view.ipcMode],
    ];
    const out: CheckResult[] = [];
    for (const [name, argument, mode] of modes) {
      const written = terraform ? `${argument} = "host"` : `${name}: host`;
      if (mode instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: \`${terraform ? argument : name}\` cannot be resolved (${mode.reason})`,
            name,
          ),
        );
      else if (mode === 'host')
        out.push(fail(`\`${view.name}\` shares the host's namespace (\`${written}\`)`, name));
    }
    return out.length ? out : [pass(`\`${view.name}\` keeps its own network, process and IPC namespaces`)];
  },
});
