import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** Vault events that report failed backup jobs (`BACKUP_JOB_COMPLETED` carries every end state, failures included). */
const FAILURE_EVENTS = ['BACKUP_JOB_FAILED', 'BACKUP_JOB_COMPLETED'];

export default defineRule({
  id: 'BW-BR-008',
  title: 'Backup vaults report failed backup jobs',
  severity: 'low',
  controls: ['mcsb-v1:BR-3', 'nist-csf-2.0:DE.CM-09'],
  threats: ['malicious-code', 'configuration-drift'],
  rationale:
    'A backup that silently fails is found missing on the day of the restore. AWS Backup publishes job events to a ' +
    'notification topic set on the vault, and to EventBridge (`source: aws.backup`); one of them must reach someone ' +
    'when a backup job fails.',
  fix: {
    cdk:
      'Set `notificationTopic` and `notificationEvents: [BackupVaultEvents.BACKUP_JOB_FAILED]` on the vault, or add an ' +
      "`events.Rule` with `eventPattern: { source: ['aws.backup'] }` and a target.",
    terraform:
      'Add an `aws_backup_vault_notifications` for the vault with `backup_vault_events` including `BACKUP_JOB_FAILED` ' +
      'and an `sns_topic_arn`, or an `aws_cloudwatch_event_rule` whose `event_pattern` matches `"source": ["aws.backup"]` ' +
      'with an `aws_cloudwatch_event_target`.',
  },
  appliesTo: ['backup-vault'],
  check(view, ctx) {
    const events = view.notifications;
    if (events !== undefined && !(events instanceof Unknown)) {
      const hit = events.find((e) => FAILURE_EVENTS.includes(e));
      if (hit) return pass(`\`${view.name}\` notifies \`${hit}\``);
    }
    for (const route of ctx.viewsOfKind('event-route')) {
      const sources = route.sources;
      if (route.enabled !== true || sources instanceof Unknown || sources === undefined) continue;
      if (sources.includes('aws.backup') && route.targets.length > 0)
        return pass(`\`${view.name}\`: backup job events reach a target through \`${route.name}\``);
    }
    if (events instanceof Unknown)
      return unknown(`\`${view.name}\`: vault notifications cannot be resolved (${events.reason})`);
    return fail(
      `\`${view.name}\` reports no failed backup jobs: no vault notification of \`BACKUP_JOB_FAILED\` and no ` +
        'event rule on `aws.backup`',
    );
  },
});
