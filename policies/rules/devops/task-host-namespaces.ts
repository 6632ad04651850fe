import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { Fact } from '../../../lib/views/kinds';

export default defineRule({
  id: 'BW-DS-004',
  title: 'Container tasks do not share the host network, process or IPC namespace',
  severity: 'high',
  controls: ['mcsb-v1:PV-3', 'mcsb-v1:DS-6', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.PS-01'],
  threats: ['privilege-escalation', 'unauthorized-access'],
  rationale:
    'Namespaces are what separate a container from its host. With `NetworkMode: host` a container binds the ' +
    "host's interfaces (and reaches the instance metadata service and every local port) outside any task security " +
    'group; with `PidMode: host` it sees and can signal or trace every process on the instance; with `IpcMode: host` ' +
    "it shares the host's shared memory. One compromised container then reaches the host and its neighbours.",
  fix: 'Use `NetworkMode.AWS_VPC` (each task its own interface and security group), and leave `pidMode` and `ipcMode` unset or `task`.',
  appliesTo: ['container-task'],
  check(view) {
    const modes: [string, Fact<string> | undefined][] = [
      ['NetworkMode', view.networkMode],
      ['PidMode', view.pidMode],
      ['IpcMode', view.ipcMode],
    ];
    const out: CheckResult[] = [];
    for (const [name, mode] of modes) {
      if (mode instanceof Unknown)
        out.push(unknown(`\`${view.name}\`: \`${name}\` cannot be resolved (${mode.reason})`, name));
      else if (mode === 'host')
        out.push(fail(`\`${view.name}\` shares the host's namespace (\`${name}: host\`)`, name));
    }
    return out.length ? out : [pass(`\`${view.name}\` keeps its own network, process and IPC namespaces`)];
  },
});
