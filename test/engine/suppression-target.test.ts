import type { Resource } from '../../lib/graph/resource';
import { SuppressionIndex, targetPattern, type Suppression } from '../../lib/engine/suppression';

function resource(path: string, logicalId: string): Resource {
  return {
    address: `${path.split('/')[0]}/${logicalId}`,
    type: 'AWS::S3::Bucket',
    source: 'cloudformation',
    properties: {},
    tags: {},
    logicalId,
    path: `${path}/Resource`,
  };
}

/** The resources (by construct path) a file suppression with `target` covers. */
function covered(target: string, resources: Resource[]): string[] {
  const s: Suppression = { rule: 'BW-DP-002', target, reason: 'accepted for the test', origin: 'file' };
  const index = new SuppressionIndex([s]);
  return resources.filter((r) => index.find('BW-DP-002', undefined, r)).map((r) => r.path!);
}

describe('suppression targets: only * and ** are wildcards', () => {
  const special = [
    resource('Shop/Site(v2)', 'SiteA'),
    resource('Shop/Sitev2', 'SiteB'),
    resource('Shop/Site(v2)x', 'SiteC'),
    resource('Shop/a+b', 'Plus'),
    resource('Shop/aab', 'Aab'),
    resource('Shop/[ab]', 'Brackets'),
    resource('Shop/a', 'A'),
    resource('Shop/!Secret', 'Bang'),
    resource('Shop/Secret', 'Secret'),
    resource('Shop/x.y', 'Dot'),
    resource('Shop/xzy', 'Xzy'),
    resource('Shop/{a,b}', 'Braces'),
    resource('Shop/b', 'B'),
  ];

  test.each([
    ['Shop/Site(v2)', ['Shop/Site(v2)/Resource']],
    ['Shop/a+b', ['Shop/a+b/Resource']],
    ['Shop/[ab]', ['Shop/[ab]/Resource']],
    ['Shop/!Secret', ['Shop/!Secret/Resource']],
    ['Shop/x.y', ['Shop/x.y/Resource']],
    ['Shop/{a,b}', ['Shop/{a,b}/Resource']],
    ['Shop/Site(v2)*', ['Shop/Site(v2)/Resource', 'Shop/Site(v2)x/Resource']],
  ])('%s is literal', (target, expected) => {
    expect(covered(target, special)).toEqual(expected);
  });

  test('* matches inside one segment only; a lone * matches every resource', () => {
    const rs = [
      resource('Shop/Data/Orders', 'Orders'),
      resource('Shop/Web', 'Web'),
      resource('Ops/Logs', 'Logs'),
    ];
    expect(covered('Shop/Data/*', rs)).toEqual(['Shop/Data/Orders/Resource']);
    expect(covered('Shop/*', rs)).toEqual(['Shop/Data/Orders/Resource', 'Shop/Web/Resource']); // addresses
    expect(covered('Shop/*/Orders', rs)).toEqual(['Shop/Data/Orders/Resource']);
    expect(covered('Shop/Da*', rs)).toEqual([]);
    expect(covered('*', rs)).toHaveLength(3);
  });

  test('** matches any number of segments, none included', () => {
    const rs = [
      resource('Shop/Data/Orders', 'Orders'),
      resource('Shop/Web', 'Web'),
      resource('Ops/Logs', 'Logs'),
    ];
    expect(covered('Shop/**', rs)).toEqual(['Shop/Data/Orders/Resource', 'Shop/Web/Resource']);
    expect(covered('**/Orders', rs)).toEqual(['Shop/Data/Orders/Resource']);
    expect(covered('Shop/**/Web', rs)).toEqual(['Shop/Web/Resource']);
    expect(covered('**', rs)).toHaveLength(3);
  });

  test('logical ids and addresses match literally', () => {
    const rs = [resource('Shop/Data', 'Data1234'), resource('Shop/Other', 'Other')];
    expect(covered('Data1234', rs)).toEqual(['Shop/Data/Resource']);
    expect(covered('Shop/Data1234', rs)).toEqual(['Shop/Data/Resource']);
    expect(covered('Data12', rs)).toEqual([]);
  });

  test('matching stays fast on targets full of wildcards', () => {
    const test = targetPattern(`${'*a'.repeat(30)}*b/${'**/'.repeat(30)}x`);
    const value = `${'a'.repeat(200)}/${'y/'.repeat(200)}z`;
    const t = performance.now();
    expect(test(value)).toBe(false);
    expect(performance.now() - t).toBeLessThan(200);
  });
});
