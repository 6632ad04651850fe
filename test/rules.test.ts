import * as path from 'node:path';
import type { RuleCases } from '../lib/engine/cases';
import { caseFiles, runAllCases } from './support/cases';

// One runner for every rule's cases: each case is synthesized from real constructs and evaluated.
for (const file of caseFiles()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rc = (require(file) as { default: RuleCases }).default;
  describe(`${rc.rule.id} ${rc.rule.title} (${path.relative(path.join(__dirname, '..'), file)})`, () => {
    let results: Awaited<ReturnType<typeof runAllCases>>;
    beforeAll(async () => {
      results = await runAllCases(rc);
    }, 120_000);
    for (const c of rc.cases) {
      test(`${c.expect}: ${c.name}`, () => {
        const rs = results.get(c.name)!;
        const seen = rs.map((r) => `${r.outcome}: ${r.message}`);
        expect(rs.length).toBeGreaterThan(0);
        if (c.expect === 'fail' || c.expect === 'unknown') {
          const hits = rs.filter((r) => r.outcome === c.expect);
          expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${c.expect}: `))]));
          if (c.message !== undefined) {
            const re = typeof c.message === 'string' ? new RegExp(escape(c.message)) : c.message;
            expect(hits.map((r) => r.message)).toEqual(expect.arrayContaining([expect.stringMatching(re)]));
          }
        } else {
          expect(seen.filter((s) => !s.startsWith(`${c.expect}: `))).toEqual([]);
        }
      });
    }
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
