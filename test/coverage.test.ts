import { coverageOf, type FrameworkCoverage } from '../lib/engine/coverage';
import { catalogOf } from '../policies/controls';
import { RULES } from '../policies/rules';
import { runCli } from './support/cli';

/** The benchmark catalogs whose every control needs a rule or a reason. */
const FRAMEWORKS = ['mcsb-v1', 'nist-csf-2.0', 'cis-aws-5.0'] as const;

/** MCSB v1 domains infrastructure code can show; GS (governance and strategy) is all organisational. */
const MCSB_DOMAINS = ['NS', 'IM', 'PA', 'DP', 'AM', 'LT', 'IR', 'PV', 'ES', 'BR', 'DS'] as const;

/** Fewest distinct AWS rules `bulwark controls --framework mcsb-v1` must list. */
const MIN_MCSB_RULES = 60;

describe.each(FRAMEWORKS)('%s coverage', (framework) => {
  const coverage = () => coverageOf(catalogOf(framework)!, RULES);

  test('every control has a rule, or a reason why infrastructure code cannot assert it', () => {
    const withoutRule = coverage()
      .controls.filter((c) => c.status === 'not-covered')
      .map((c) => `${c.ref} ${c.title}`);
    expect(withoutRule).toEqual([]);
  });

  test('a reason is given only where no rule asserts the control', () => {
    const contradicted = coverage()
      .controls.filter((c) => c.rules.length > 0 && c.reason !== undefined)
      .map((c) => `${c.ref} is asserted by ${c.rules.join(', ')} yet marked not assertable`);
    expect(contradicted).toEqual([]);
  });

  test('every reason says why, in a sentence', () => {
    const terse = coverage()
      .controls.filter((c) => c.status === 'not-assertable' && !/^[A-Z].{30,}\.$/.test(c.reason ?? ''))
      .map((c) => c.ref);
    expect(terse).toEqual([]);
  });
});

describe('bulwark controls --framework mcsb-v1 --format json', () => {
  let report: FrameworkCoverage;
  beforeAll(async () => {
    const r = await runCli(['controls', '--framework', 'mcsb-v1', '--format', 'json']);
    expect(r.code).toBe(0);
    report = JSON.parse(r.stdout) as FrameworkCoverage;
  });

  test(`lists at least ${MIN_MCSB_RULES} distinct rules`, () => {
    const rules = new Set(report.controls.flatMap((c) => c.rules));
    expect(rules.size).toBe(report.summary.rules);
    expect(rules.size).toBeGreaterThanOrEqual(MIN_MCSB_RULES);
  });

  test('every domain but GS has at least one rule', () => {
    const ruleless = MCSB_DOMAINS.filter((d) =>
      report.controls.filter((c) => c.group === d).every((c) => c.rules.length === 0),
    );
    expect(ruleless).toEqual([]);
  });

  test('lists every control with its rules or the reason it has none', () => {
    expect(report.controls).toHaveLength(catalogOf('mcsb-v1')!.controls.length);
    for (const c of report.controls) {
      if (c.status === 'asserted') expect(c.rules.length).toBeGreaterThan(0);
      if (c.status === 'not-assertable') expect(c.reason).toEqual(expect.any(String));
    }
  });
});
