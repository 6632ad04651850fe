import * as path from 'node:path';
import { checkPaths } from '../../lib/check';
import { resolveControl } from '../../policies/controls';

const examples = path.join(__dirname, '../../examples');

/** Every rule outcome on a resource of a program, with the MCSB v1 controls of the rule. */
function outcomes(program: string) {
  const run = checkPaths([path.join(examples, program)], { stack: 'dev' });
  return {
    run,
    of: (name: string, outcome: 'fail' | 'unknown' | 'pass') =>
      run.evaluation.results
        .filter((r) => r.resource.logicalId === name && r.outcome === outcome)
        .map((r) => ({
          rule: r.rule.id,
          mcsb: r.rule.controls.filter((c) => c.startsWith('mcsb-v1:')),
          message: r.message,
        })),
  };
}

describe('azure-native views: the misconfigured twin fails on each of its mistakes, with its MCSB control', () => {
  let twin: ReturnType<typeof outcomes>;
  beforeAll(() => {
    twin = outcomes('azure-misconfigured');
  }, 120_000);

  it.each([
    ['documents', 'BW-DP-026', 'mcsb-v1:DP-3', /`documents` accepts TLS 1.0/],
    ['documents', 'BW-DP-019', 'mcsb-v1:DP-3', /`documents` is CONFIDENTIAL and accepts TLS 1.0/],
    ['documents', 'BW-DP-008', 'mcsb-v1:NS-2', /`documents` does not block public access/],
    ['keys', 'BW-DP-102', 'mcsb-v1:DP-8', /`keys` lets deleted keys and secrets be purged/],
    ['payments', 'BW-LT-108', 'mcsb-v1:LT-3', /`payments` keeps no audit log/],
    ['assistant', 'BW-IM-013', 'mcsb-v1:IM-1', /`assistant` accepts API keys/],
  ])('%s fails %s (%s)', (name, rule, control, message) => {
    const failed = twin.of(name, 'fail').filter((f) => f.rule === rule);
    expect(failed).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
    expect(failed[0]!.mcsb.some((c) => c.startsWith(control))).toBe(true);
    for (const c of failed[0]!.mcsb) expect(resolveControl(c)).toBeDefined();
  });

  it('passes what the twin gets right: RBAC on the vault, Entra-only sign-in and TLS 1.2 on the server', () => {
    expect(twin.of('keys', 'pass').map((p) => p.rule)).toContain('BW-PA-010');
    expect(twin.of('payments', 'pass').map((p) => p.rule)).toEqual(
      expect.arrayContaining(['BW-IM-012', 'BW-DP-026']),
    );
  });

  it('leaves what the API documents no default for unknown, never passed', () => {
    // The server and the AI account set no publicNetworkAccess.
    expect(twin.of('payments', 'unknown').map((u) => u.rule)).toContain('BW-DP-009');
    expect(twin.of('assistant', 'unknown').map((u) => u.rule)).toContain('BW-DP-027');
  });
});

describe('azure-native views: the component estate', () => {
  let estate: ReturnType<typeof outcomes>;
  beforeAll(() => {
    estate = outcomes('azure');
  }, 120_000);

  it('holds a RESTRICTED storage account to TLS 1.2, the highest floor Azure Storage offers', () => {
    expect(estate.of('evidence-account', 'fail').map((f) => f.rule)).not.toContain('BW-DP-019');
    expect(estate.of('evidence-account', 'pass').map((f) => f.rule)).toContain('BW-DP-019');
  });

  it('passes the Azure-only rules on the components: purge protection, RBAC, auditing, Entra-only sign-in', () => {
    const passed = estate.run.evaluation.results.filter((r) => r.outcome === 'pass').map((r) => r.rule.id);
    expect(passed).toEqual(expect.arrayContaining(['BW-DP-102', 'BW-PA-010', 'BW-LT-108', 'BW-IM-012']));
    const failed = estate.run.evaluation.results.filter((r) => r.outcome === 'fail').map((r) => r.rule.id);
    for (const id of ['BW-DP-102', 'BW-PA-010', 'BW-LT-108', 'BW-IM-012']) expect(failed).not.toContain(id);
  });
});
