import { OPT_OUT_TAG_PREFIX } from '../../lib/classification';
import { toResources } from '../../lib/sources/pulumi';
import { UNKNOWN_SENTINEL } from '../../lib/sources/pulumi/values';

/** One storage account registered with `tags`, read as every Pulumi route reads it. */
function accountWith(tags: Record<string, unknown>) {
  const [r] = toResources(
    [
      {
        urn: 'urn:pulumi:dev::p::azure-native:storage:StorageAccount::site',
        type: 'azure-native:storage:StorageAccount',
        custom: true,
        inputs: { minimumTlsVersion: 'TLS1_2', tags },
        propertyDependencies: {},
        locate: () => ({}),
      },
    ],
    () => false,
  );
  return r!;
}

describe('Pulumi source: opt-outs recorded in tags', () => {
  const reason = 'Static marketing assets served to every visitor through the CDN';

  it('a tag naming a prop and a rule acknowledges that rule on the resource', () => {
    const r = accountWith({
      'data-classification': 'public',
      [`${OPT_OUT_TAG_PREFIX}anonymousRead:BW-DP-008`]: reason,
      [`${OPT_OUT_TAG_PREFIX}anonymousRead:BW-DP-027`]: reason,
    });
    expect(r.acknowledgements).toEqual([
      { rule: 'BW-DP-008', prop: 'anonymousRead', reason, kind: 'opt-out' },
      { rule: 'BW-DP-027', prop: 'anonymousRead', reason, kind: 'opt-out' },
    ]);
  });

  it.each([
    ['names no rule', { [`${OPT_OUT_TAG_PREFIX}sharedKeyAccess`]: reason }],
    ['has no reason', { [`${OPT_OUT_TAG_PREFIX}anonymousRead:BW-DP-008`]: ' ' }],
    [
      'has a reason known only after deployment',
      { [`${OPT_OUT_TAG_PREFIX}anonymousRead:BW-DP-008`]: UNKNOWN_SENTINEL },
    ],
    ['names something that is not a rule id', { [`${OPT_OUT_TAG_PREFIX}anonymousRead:DP-008`]: reason }],
    ['is not an opt-out', { 'anonymousRead:BW-DP-008': reason }],
  ])('a tag that %s acknowledges nothing: the findings stay', (_what, tags) => {
    expect(accountWith(tags).acknowledgements).toBeUndefined();
  });
});
