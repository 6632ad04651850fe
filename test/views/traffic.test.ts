import { Unknown } from '../../lib/graph/values';
import { deniedBefore, peerRange } from '../../lib/views/common/traffic';
import type { TrafficRule } from '../../lib/views/kinds';
import { checkWorldIngress } from '../../policies/rules/network/sg-admin-ports';

// Edge cases of ordered allow/deny rules (NSG-style priorities), written by hand: no AWS source emits a deny
// in a firewall view, and the Azure adapters that will are not in the graph yet.
const rule = (over: Partial<TrafficRule>): TrafficRule => ({
  direction: 'ingress',
  action: 'allow',
  protocol: 'tcp',
  fromPort: 22,
  toPort: 22,
  source: { serviceTag: 'Internet' },
  declaredBy: 'nsg',
  ...over,
});

describe('traffic rules with priorities', () => {
  test('a deny of higher priority (lower number) from the internet closes the port', () => {
    const deny = rule({ action: 'deny', priority: 100 });
    const allow = rule({ priority: 200, source: { serviceTag: '*' } });
    expect(deniedBefore(allow, [deny, allow], 22, 'any')).toBe(true);
    expect(checkWorldIngress('nsg', [deny, allow], [22], 'administration port')).toEqual([
      expect.objectContaining({ outcome: 'pass' }),
    ]);
  });

  test('an allow evaluated before the deny stays open', () => {
    const deny = rule({ action: 'deny', priority: 300 });
    const allow = rule({ priority: 200 });
    expect(checkWorldIngress('nsg', [deny, allow], [22], 'administration port')).toEqual([
      expect.objectContaining({ outcome: 'fail' }),
    ]);
  });

  test('a deny for IPv4 only leaves an allow from every address open to IPv6', () => {
    const deny = rule({ action: 'deny', priority: 100, source: { cidr: '0.0.0.0/0' } });
    const allow = rule({ priority: 200, source: { serviceTag: '*' } });
    expect(deniedBefore(allow, [deny, allow], 22, 'any')).toBe(false);
  });

  test('a deny whose priority cannot be resolved leaves the exposure unknown', () => {
    const deny = rule({ action: 'deny', priority: new Unknown('priority from a variable') });
    const allow = rule({ priority: 200 });
    expect(checkWorldIngress('nsg', [deny, allow], [22], 'administration port')).toEqual([
      expect.objectContaining({ outcome: 'unknown' }),
    ]);
  });

  test('service tags: Internet and * are the world, AzureCloud is wide, VirtualNetwork is limited, others unknown', () => {
    expect(peerRange({ serviceTag: 'Internet' })).toMatchObject({ reach: 'world' });
    expect(peerRange({ serviceTag: '*' })).toMatchObject({ reach: 'world' });
    expect(peerRange({ serviceTag: 'VirtualNetwork' })).toMatchObject({ reach: 'limited' });
    expect(peerRange({ serviceTag: 'AzureCloud' })).toMatchObject({ reach: 'wide' });
    expect(peerRange({ serviceTag: 'Storage.WestEurope' })).toBeInstanceOf(Unknown);
    expect(peerRange({ group: 'sg-123' })).toBeUndefined();
  });
});
