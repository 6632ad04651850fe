import { Classification } from '../../lib/classification';
import { evaluate } from '../../lib/engine/evaluate';
import { adaptersForAll } from '../../lib/sources';
import { ClassifiedObjectStore } from '../../lib/terraform';
import objectStorePublicAccess from '../../policies/rules/data-protection/object-store-public-access';
import { tfViews } from '../views/terraform-support';
import { EVERY_RULE_MANDATORY } from '../support/cases';

const everything = EVERY_RULE_MANDATORY;

const REASON = 'static website assets served to anyone';

describe('opt-outs recorded by the CDKTF baseline', () => {
  const t = tfViews(
    (stack) =>
      new ClassifiedObjectStore(stack, 'Site', {
        classification: Classification.PUBLIC,
        publicRead: { reason: REASON },
      }),
  );

  test("the `//` block's bulwark:opt-out entries become acknowledgements of kind opt-out", () => {
    expect(t.byId('Site/PublicAccessBlock').acknowledgements).toEqual([
      { rule: 'BW-DP-008', reason: REASON, kind: 'opt-out', prop: 'publicRead' },
    ]);
  });

  test('the public-access finding on the bucket is suppressed by the opt-out, with its reason', () => {
    const ev = evaluate({
      graph: t.graph,
      adapters: adaptersForAll(),
      rules: [objectStorePublicAccess],
      pack: everything,
    });
    const bucket = ev.results.filter((r) => r.resource.path === 'test/Site/Bucket');
    expect(bucket.map((r) => r.outcome)).toContain('fail');
    for (const r of bucket.filter((x) => x.outcome === 'fail')) {
      expect(r.suppression?.suppression).toMatchObject({ origin: 'construct-opt-out' });
      expect(r.suppression?.suppression.reason).toContain(REASON);
    }
  });
});
