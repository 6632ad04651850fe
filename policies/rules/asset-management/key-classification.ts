import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { CLASSIFICATION_TAG, rank, tagValue, type Classification } from '../../../lib/classification';
import type { DataStoreView } from '../../../lib/views/kinds';

/** Stores by the address of the key that encrypts them, built once per set of views. */
const byKey = new WeakMap<readonly DataStoreView[], Map<string, DataStoreView[]>>();

function storesOf(stores: readonly DataStoreView[], key: string): readonly DataStoreView[] {
  let index = byKey.get(stores);
  if (!index) {
    index = new Map();
    for (const s of stores) {
      const k = s.encryption.key?.address;
      if (k === undefined) continue;
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(s);
    }
    byKey.set(stores, index);
  }
  return index.get(key) ?? [];
}

export default defineRule({
  id: 'BW-AM-001',
  title: 'Keys carry the classification of the most sensitive data they encrypt',
  severity: 'low',
  controls: ['mcsb-v1:AM-1', 'mcsb-v1:DP-1', 'nist-csf-2.0:ID.AM-07'],
  threats: ['data-breach', 'configuration-drift'],
  rationale:
    'A key is worth what it decrypts. Tagging each customer-managed key with the highest `data-classification` of ' +
    'the stores it encrypts keeps the inventory honest: who may administer or use the key, how often it rotates and ' +
    'how its deletion is guarded follow from that level, and a key tagged INTERNAL that protects RESTRICTED data is ' +
    'under-protected by every policy that reads the tag. Keys of the template that encrypt no store of the graph are ' +
    'not asserted.',
  fix: {
    cdk:
      "Tag the key `data-classification` with the highest level among the stores it encrypts (Bulwark's classified " +
      'stores and `customerKeyFor` tag their keys), or give the more sensitive store a key of its own.',
    terraform:
      'Add a `data-classification` tag to the `aws_kms_key` (`tags`) with the highest level among the stores it encrypts, or give the more sensitive store a key of its own.',
  },
  appliesTo: ['key'],
  check(view, ctx) {
    const stores = storesOf(ctx.viewsOfKind('data-store'), view.resource.address);
    if (stores.length === 0) return notApplicable('the key encrypts no data store of the graph');
    let highest: { level: Classification; store: string } | undefined;
    for (const s of stores) {
      const c = s.classification;
      if (c.state === 'unknown')
        return unknown(
          `\`${view.name}\`: classification of \`${s.name}\`, which it encrypts, cannot be resolved (${c.value.reason})`,
        );
      if (c.state !== 'tagged') continue;
      if (!highest || rank(c.level) > rank(highest.level)) highest = { level: c.level, store: s.name };
    }
    if (!highest)
      return notApplicable('the stores it encrypts carry no classification (BW-DP-011 reports them)');
    const k = view.classification;
    const data = `${highest.level} data (\`${highest.store}\`)`;
    switch (k.state) {
      case 'unknown':
        return unknown(
          `\`${view.name}\`: its \`${CLASSIFICATION_TAG}\` tag cannot be resolved (${k.value.reason})`,
        );
      case 'untagged':
        return fail(`\`${view.name}\` encrypts ${data} and carries no \`${CLASSIFICATION_TAG}\` tag`);
      case 'invalid':
        return fail(`\`${view.name}\` encrypts ${data}; ${k.error}`);
      case 'tagged':
        if (rank(k.level) < rank(highest.level))
          return fail(`\`${view.name}\` is tagged ${tagValue(k.level)} and encrypts ${data}`);
        return pass(
          `\`${view.name}\` is tagged ${tagValue(k.level)} and encrypts at most ${highest.level} data`,
        );
    }
  },
});
