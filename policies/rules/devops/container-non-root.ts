import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** `root`, `0`, or either with a group (`0:0`, `root:wheel`). */
const ROOT = /^(root|0)(:.*)?$/;

export default defineRule({
  id: 'BW-DS-002',
  title: 'Containers run as a non-root user',
  severity: 'medium',
  controls: ['mcsb-v1:PV-3', 'mcsb-v1:DS-6', 'nist-csf-2.0:PR.PS-01'],
  threats: ['privilege-escalation', 'malicious-code'],
  rationale:
    'Most images default to root. A process running as root in the container owns the container filesystem and is ' +
    'one kernel or runtime flaw away from root on the host; the task definition is where the user is pinned, ' +
    'whatever the image says.',
  fix: {
    cdk: 'Set `user` on the container to a non-root UID (e.g. `user: "1000"`) and make the image work under it.',
    terraform:
      'In the `container_definitions` of `aws_ecs_task_definition`, set `"user"` to a non-root UID (`"1000"`) on each container.',
  },
  appliesTo: ['container-task'],
  check(view) {
    const out: CheckResult[] = view.containers.map((c) => {
      const u = c.user;
      if (u instanceof Unknown)
        return unknown(
          `\`${view.name}\` container \`${c.name}\`: the user cannot be resolved (${u.reason})`,
          c.name,
        );
      if (u === undefined || u === '')
        return fail(
          `\`${view.name}\` container \`${c.name}\` sets no user and runs as the image's default (usually root)`,
          c.name,
        );
      if (ROOT.test(u)) return fail(`\`${view.name}\` container \`${c.name}\` runs as \`${u}\``, c.name);
      return pass(`\`${view.name}\` container \`${c.name}\` runs as \`${u}\``, c.name);
    });
    return out.length ? out : [pass(`\`${view.name}\` declares no container`)];
  },
});
