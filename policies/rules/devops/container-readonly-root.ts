import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DS-003',
  title: 'Containers mount their root filesystem read-only',
  severity: 'medium',
  controls: ['mcsb-v1:PV-3', 'mcsb-v1:DS-6', 'nist-csf-2.0:PR.PS-01'],
  threats: ['malicious-code', 'configuration-drift'],
  rationale:
    'A writable root filesystem lets an intruder drop tools, alter binaries and persist in the running container. ' +
    'Read-only root keeps the container identical to the scanned image; scratch space goes to explicit volumes.',
  fix: {
    cdk: 'Set `readonlyRootFilesystem: true` on the container and mount a volume (or a tmpfs on EC2) for the paths it writes.',
    terraform:
      'In the `container_definitions` of `aws_ecs_task_definition`, set `"readonlyRootFilesystem": true` and mount a volume for the paths the container writes.',
  },
  appliesTo: ['container-task'],
  check(view) {
    const out: CheckResult[] = view.containers.map((c) => {
      const ro = c.readonlyRootFilesystem;
      if (ro instanceof Unknown)
        return unknown(
          `\`${view.name}\` container \`${c.name}\`: the root filesystem mode cannot be resolved (${ro.reason})`,
          c.name,
        );
      return ro
        ? pass(`\`${view.name}\` container \`${c.name}\` has a read-only root filesystem`, c.name)
        : fail(`\`${view.name}\` container \`${c.name}\` has a writable root filesystem`, c.name);
    });
    return out.length ? out : [pass(`\`${view.name}\` declares no container`)];
  },
});
