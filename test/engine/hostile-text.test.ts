import { Unknown } from '../../lib/graph/values';
import { resourcePattern } from '../../policies/rules/privileged-access/no-passrole-on-all-roles';

describe('rule helpers stay linear on hostile text', () => {
  test('a resource expression with 100,000 unclosed `${` becomes a pattern in milliseconds', () => {
    const display = `arn:aws:iam::\${AWS::AccountId}:role/${'${'.repeat(100_000)}`;
    const t0 = performance.now();
    const pattern = resourcePattern(new Unknown('unresolved', [], display));
    const ms = performance.now() - t0;
    expect(pattern?.startsWith('arn:aws:iam::x:role/${')).toBe(true);
    // Scanning to the end from every `${` took minutes on this input.
    expect(ms).toBeLessThan(2_000);
  });
});
