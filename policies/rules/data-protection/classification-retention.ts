import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor } from '../../../lib/classification';

export default defineRule({
  id: 'BW-DP-016',
  title: 'Classified data expires within the retention of its level',
  severity: 'medium',
  controls: [
    'classification:RETENTION',
    'mcsb-v1:AM-3',
    'nist-csf-2.0:ID.AM-08',
    'gdpr:Art.5(1)(e)',
    'ccpa:1798.100(a)(3)',
    'ccpa:1798.105',
  ],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'Data that no longer exists cannot leak. Each level caps how long its data lives: INTERNAL 730 days, CONFIDENTIAL ' +
    '365, RESTRICTED 180, TOP_SECRET 30; PUBLIC sets no cap. A store must make its data expire within the cap: ' +
    'lifecycle expiration on object stores (and expiry of noncurrent versions where versioning keeps them, or the old ' +
    'versions live forever; an Azure storage account expires when its block and append blobs both do), message ' +
    'retention on queues, TTL on tables. Table TTL expires each item at the time the ' +
    'application writes in its TTL attribute: the rule passes a table with TTL enabled and says so, since the horizon ' +
    "is the writers' to keep. Log groups are held to the same cap by BW-LT-001.",
  fix: {
    cdk:
      "Add a lifecycle rule expiring objects (and noncurrent versions) within the level's retention, set the queue's " +
      "`retentionPeriod`, or enable `timeToLiveAttribute` on the table and write expiry times within the level's retention.",
    terraform:
      'Add an `aws_s3_bucket_lifecycle_configuration` rule expiring objects (and `noncurrent_version_expiration` for ' +
      "versioned buckets) within the level's retention, set `message_retention_seconds` on the queue, or enable " +
      "`ttl { attribute_name, enabled = true }` on the table and write expiry times within the level's retention.",
    pulumi:
      'Add a `storage.ManagementPolicy` to the account with an enabled rule on `blockBlob` and `appendBlob` (no prefix ' +
      "filter) whose `baseBlob.delete.daysAfterModificationGreaterThan` is within the level's retention, and " +
      '`version.delete.daysAfterCreationGreaterThan` too where versioning is on (`ClassifiedStorageAccount` sets both).',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType === 'log-group') return notApplicable('log group retention is asserted by BW-LT-001');
    if (view.dataRetentionDays === undefined)
      return notApplicable(`${view.storeType} has no data expiry setting`);
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    const max = requirementsFor(c.level).dataRetentionDays;
    if (max === undefined) return notApplicable(`${c.level} data does not expire`);
    const ttl = view.ttlAttribute;
    if (ttl !== undefined)
      return pass(
        `\`${view.name}\` expires ${c.level} items by TTL on attribute \`${ttl instanceof Unknown ? ttl.toString() : ttl}\`: ` +
          `the application sets each item's expiry, which must be within ${max} days (the configuration cannot show it)`,
      );
    const out: CheckResult[] = [];
    const days = view.dataRetentionDays;
    if (days instanceof Unknown)
      out.push(unknown(`\`${view.name}\`: data expiry cannot be resolved (${days.reason})`));
    else if (days === null)
      out.push(
        fail(
          `\`${view.name}\` keeps ${c.level} data without expiry; the level requires expiry within ${max} days`,
        ),
      );
    else if (days > max)
      out.push(fail(`\`${view.name}\` keeps ${c.level} data ${days} days, more than the level's ${max}`));
    const versions = view.noncurrentVersionRetentionDays;
    if (versions !== undefined) {
      if (versions instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: expiry of noncurrent versions cannot be resolved (${versions.reason})`,
            'versions',
          ),
        );
      else if (versions === null)
        out.push(fail(`\`${view.name}\` keeps noncurrent versions of ${c.level} data forever`, 'versions'));
      else if (versions > max)
        out.push(
          fail(
            `\`${view.name}\` keeps noncurrent versions of ${c.level} data ${versions} days, more than ${max}`,
            'versions',
          ),
        );
    }
    if (out.length > 0) return out;
    return pass(`\`${view.name}\` keeps ${c.level} data ${String(days)} days`);
  },
});
