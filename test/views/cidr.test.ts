import * as fc from 'fast-check';
import { Unknown } from '../../lib/graph/values';
import {
  describeRange,
  ipv4RangeToCidrs,
  parseCidr,
  sourceRange,
  type SourceRange,
} from '../../lib/views/common/cidr';
import { peerRange } from '../../lib/views/common/traffic';

function reach(text: string): string {
  const r = sourceRange(text);
  return r instanceof Unknown ? 'unknown' : r.reach;
}

describe('parseCidr', () => {
  test('clears host bits: 192.168.1.0/0 is 0.0.0.0/0', () => {
    expect(parseCidr('192.168.1.0/0')).toEqual({ family: 'ipv4', prefix: 0, network: '0.0.0.0/0' });
    expect(parseCidr('2001:db8::1/0')).toEqual({ family: 'ipv6', prefix: 0, network: '::/0' });
  });

  test.each(['10.0.0.1', '10.0.0.0/33', '::/129', ' 0.0.0.0/0', '010.0.0.0/8', '0.0.0.0/-1', 'pl-12345', ''])(
    '%j is not a CIDR',
    (text) => expect(parseCidr(text)).toBeUndefined(),
  );
});

describe('sourceRange', () => {
  test.each([
    ['0.0.0.0/0', 'world'],
    ['::/0', 'world'],
    ['::0/0', 'world'],
    ['192.168.1.0/0', 'world'],
    ['10.1.2.3/0', 'world'],
    ['2001:db8::/0', 'world'],
    ['*', 'world'],
    ['Internet', 'world'],
    ['0.0.0.0/1', 'wide'],
    ['128.0.0.0/1', 'wide'],
    ['10.0.0.0/7', 'wide'],
    ['2000::/3', 'wide'],
    ['fc00::/7', 'limited'],
    ['fd00::/8', 'limited'],
    ['10.0.0.0/8', 'limited'],
    ['3.0.0.0/8', 'limited'],
    ['203.0.113.0/24', 'limited'],
    ['2001:db8::/32', 'limited'],
    ['2001:db8::/16', 'limited'],
  ])('%s reaches %s', (text, expected) => expect(reach(text)).toBe(expected));

  test.each(['0.0.0.0', 'anywhere', '0.0.0.0/0 ', '300.0.0.0/0', 'sg-123'])(
    'an unparseable range %j is unknown, never narrow',
    (text) => {
      const r = sourceRange(text);
      expect(r).toBeInstanceOf(Unknown);
      expect((r as Unknown).reason).toContain(text);
    },
  );

  test('an unresolved range stays unknown', () => {
    const u = new Unknown('parameter `AdminCidr` has no default');
    expect(sourceRange(u)).toBe(u);
  });

  test('any IPv4 or IPv6 address with a /0 prefix is the world', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        expect(reach(`${address}/0`)).toBe('world');
      }),
    );
  });

  test('every IPv4 prefix from /8 to /32 is limited, every shorter non-zero prefix is wide', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 1, max: 32 }), (address, prefix) => {
        expect(reach(`${address}/${prefix}`)).toBe(prefix < 8 ? 'wide' : 'limited');
      }),
    );
  });

  test('messages say what a non-canonical spelling means', () => {
    expect(describeRange(sourceRange('0.0.0.0/0') as SourceRange)).toBe('0.0.0.0/0');
    expect(describeRange(sourceRange('192.168.1.0/0') as SourceRange)).toBe('192.168.1.0/0 (every address)');
    expect(describeRange(sourceRange('0.0.0.0/1') as SourceRange)).toMatch(/^0\.0\.0\.0\/1 \(wider than \/8/);
  });
  test('an IPv4 range start-end reaches as far as the widest block it covers', () => {
    expect(reach('0.0.0.0-255.255.255.255')).toBe('world');
    expect(reach('10.0.17.62-255.255.255.255')).toBe('wide');
    expect(reach('0.0.0.0-10.0.17.62')).toBe('wide');
    expect(reach('10.0.0.0-10.255.255.255')).toBe('limited');
    expect(reach('10.0.17.62-10.0.17.62')).toBe('limited');
    expect(sourceRange('10.0.0.9-10.0.0.1')).toBeInstanceOf(Unknown);
    expect(sourceRange('10.0.0.1-010.0.0.9')).toBeInstanceOf(Unknown);
  });

  test('the blocks of an IPv4 range cover it exactly, without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 32 - 1), fc.nat(2 ** 32 - 1), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        let at = start;
        for (const c of ipv4RangeToCidrs(start, end)) {
          expect(c.address).toBe(at);
          expect(c.address % 2 ** (32 - c.prefix)).toBe(0);
          at += 2 ** (32 - c.prefix);
        }
        expect(at).toBe(end + 1);
      }),
    );
  });

  test('the Azure-wide service tag is a wide source, said so in messages', () => {
    const tag = peerRange({ serviceTag: 'AzureCloud' }) as SourceRange;
    expect(tag.reach).toBe('wide');
    expect(describeRange(tag)).toMatch(/^AzureCloud \(every address of the cloud provider/);
  });
});
