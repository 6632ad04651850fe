import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { CLASSIFICATION_TAG, tagValue } from '../../../lib/classification';

export default defineRule({
  id: 'BW-DP-011',
  title: 'Data stores carry a valid data-classification tag',
  severity: 'medium',
  controls: [
    'classification:TAG',
    'mcsb-v1:DP-1',
    'mcsb-v1:AM-1',
    'nist-csf-2.0:ID.AM-07',
    'nist-csf-2.0:ID.AM-05',
    'gdpr:Art.25(1)',
  ],
  threats: ['data-breach', 'configuration-drift'],
  rationale:
    "The classification level decides a store's encryption, key, retention, backups and access. A store without the " +
    '`data-classification` tag cannot be held to any of it, and does not appear in the inventory of sensitive data.',
  fix: {
    cdk:
      'Tag the store `data-classification` with one of `public`, `internal`, `confidential`, `restricted`, ' +
      "`top-secret` (Bulwark's classified constructs set it from their `classification` prop).",
    terraform:
      "Add `data-classification` to the store's `tags` (or to the `default_tags` of its `aws` provider) with one of " +
      "`public`, `internal`, `confidential`, `restricted`, `top-secret` (Bulwark's CDKTF classified constructs set it " +
      'from their `classification`).',
    pulumi:
      'Add `tags: { "data-classification": "confidential" }` (one of `public`, `internal`, `confidential`, `restricted`, `top-secret`) to the resource; the `bulwark/azure` components set it from their `classification` prop.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const c = view.classification;
    switch (c.state) {
      case 'tagged':
        return pass(`\`${view.name}\` is classified ${tagValue(c.level)}`);
      case 'untagged':
        return fail(`\`${view.name}\` has no \`${CLASSIFICATION_TAG}\` tag`);
      case 'invalid':
        return fail(`\`${view.name}\`: ${c.error}`);
      case 'unknown':
        return unknown(
          `\`${view.name}\`: the \`${CLASSIFICATION_TAG}\` tag cannot be resolved (${c.value.reason})`,
        );
    }
  },
});
