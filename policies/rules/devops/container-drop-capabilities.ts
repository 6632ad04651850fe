import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** Capabilities that amount to host administration when added to a container. */
const DANGEROUS = [
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'NET_ADMIN',
  'DAC_READ_SEARCH',
  'BPF',
];

export default defineRule({
  id: 'BW-DS-005',
  title: 'Containers drop every Linux capability they do not need',
  severity: 'medium',
  controls: ['mcsb-v1:PV-3', 'mcsb-v1:DS-6', 'nist-csf-2.0:PR.PS-01'],
  threats: ['privilege-escalation', 'malicious-code'],
  rationale:
    'Docker starts containers with a default set of capabilities (`CHOWN`, `DAC_OVERRIDE`, `SETUID`, `NET_RAW`...) ' +
    'that most services never use and exploits do: `NET_RAW` spoofs packets on the task network, `SETUID` and ' +
    '`DAC_OVERRIDE` help escalate inside the container. Dropping `ALL` and adding back only what the process needs ' +
    'shrinks what a compromised container can do; adding `SYS_ADMIN`-class capabilities undoes isolation.',
  fix: {
    cdk: 'Give each container `linuxParameters` that drop `Capability.ALL` and add back only what it needs (`linuxParameters.dropCapabilities(ecs.Capability.ALL)`).',
    terraform:
      'In the `container_definitions` of `aws_ecs_task_definition`, give each container `"linuxParameters": { "capabilities": { "drop": ["ALL"] } }` and add back only what it needs.',
  },
  appliesTo: ['container-task'],
  check(view) {
    const out: CheckResult[] = view.containers.map((c) => {
      const caps = c.capabilities;
      if (caps instanceof Unknown)
        return unknown(
          `\`${view.name}\` container \`${c.name}\`: capabilities cannot be resolved (${caps.reason})`,
          c.name,
        );
      const add = (caps?.add ?? [])
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.toUpperCase());
      const drop = caps?.drop ?? [];
      const dangerous = add.filter((x) => DANGEROUS.includes(x.replace(/^CAP_/, '')));
      if (dangerous.length)
        return fail(
          `\`${view.name}\` container \`${c.name}\` adds ${dangerous.map((x) => `\`${x}\``).join(', ')}`,
          c.name,
        );
      if (drop.some((x) => typeof x === 'string' && x.toUpperCase() === 'ALL'))
        return pass(`\`${view.name}\` container \`${c.name}\` drops all capabilities`, c.name);
      const open = [...(caps?.add ?? []), ...drop].find((x): x is Unknown => x instanceof Unknown);
      if (open)
        return unknown(
          `\`${view.name}\` container \`${c.name}\`: a capability cannot be resolved (${open.reason})`,
          c.name,
        );
      return fail(
        `\`${view.name}\` container \`${c.name}\` keeps the default capabilities (does not drop \`ALL\`)`,
        c.name,
      );
    });
    return out.length ? out : [pass(`\`${view.name}\` declares no container`)];
  },
});
