import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';
import { requirementsFor } from '../../../lib/classification';

/** AWS managed keys (`aws/<service>`) rotate yearly and cannot be configured. */
const AWS_MANAGED_ROTATION_DAYS = 365;

export default defineRule({
  id: 'BW-DP-013',
  title: 'Keys of classified data stores rotate as often as their level requires',
  severity: 'medium',
  controls: ['classification:KEY-ROTATION', 'mcsb-v1:DP-6', 'nist-csf-2.0:PR.DS-01'],
  threats: ['data-breach'],
  rationale:
    'The more sensitive the data, the less of it one key version may protect: CONFIDENTIAL keys rotate at least ' +
    'yearly, RESTRICTED every 180 days, TOP_SECRET every 90 days (the KMS key rotation period, 365 days unless set). ' +
    'AWS managed keys rotate yearly and cannot be changed. A key outside the configuration cannot be read, so its ' +
    'rotation is unknown.',
  fix: {
    cdk: "Enable rotation on the store's key and set `rotationPeriod` to at most the level's period.",
    terraform:
      "Set `enable_key_rotation = true` on the store's `aws_kms_key` and `rotation_period_in_days` to at most the " +
      "level's period.",
  },
  appliesTo: ['data-store'],
  check(view, ctx) {
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    const days = requirementsFor(c.level).keyRotationDays;
    if (days === undefined) return notApplicable(`${c.level} sets no key rotation period`);
    if (view.memoryOnly) return notApplicable('the store keeps its data in memory only');
    const at = view.encryption.atRest;
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: encryption at rest cannot be resolved (${at.reason})`);
    const key = view.encryption.key;
    let period: number;
    let keyName: string;
    if (at === 'kms-provider-key' || (at === 'double' && key === undefined)) {
      period = AWS_MANAGED_ROTATION_DAYS;
      keyName = 'the AWS managed key';
    } else if (at !== 'customer-key' && at !== 'double') {
      return notApplicable(`\`${view.name}\` uses no KMS key (${at}; BW-DP-012 reports the key type)`);
    } else if (key?.address === undefined) {
      return unknown(
        `\`${view.name}\` uses key \`${key?.external ?? 'unknown'}\`, outside the input: its rotation cannot be read`,
      );
    } else {
      const kv = ctx.viewOf(key.address, 'key');
      if (!kv)
        return unknown(
          cloudOfResource(view.resource) === 'azure'
            ? `\`${view.name}\`: key \`${key.address}\` is not a Key Vault key of the input`
            : `\`${view.name}\`: key \`${key.address}\` is not a KMS key of the input`,
        );
      keyName = `key \`${kv.name}\``;
      const on = kv.rotationEnabled;
      if (on instanceof Unknown)
        return unknown(`\`${view.name}\`: rotation of ${keyName} cannot be resolved (${on.reason})`);
      if (!on) {
        return fail(
          `\`${view.name}\` is ${c.level}; ${keyName} does not rotate (the level requires every ${days} days)`,
        );
      }
      const p = kv.rotationPeriodDays;
      if (p instanceof Unknown)
        return unknown(`\`${view.name}\`: rotation period of ${keyName} cannot be resolved (${p.reason})`);
      period = p ?? AWS_MANAGED_ROTATION_DAYS;
    }
    if (period > days) {
      return fail(
        `\`${view.name}\` is ${c.level}; ${keyName} rotates every ${period} days, more than ${days}`,
      );
    }
    return pass(`\`${view.name}\`: ${keyName} rotates every ${period} days`);
  },
});
