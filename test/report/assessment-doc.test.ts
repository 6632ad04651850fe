import * as fs from 'node:fs';
import * as path from 'node:path';
import { OPERATIONAL_DOMAINS, primaryDomain, TECHNICAL_DOMAINS } from '../../lib/engine/assessment';
import { RULES } from '../../policies/rules';
import { assessmentDoc } from '../support/assessment-doc';
import { REPO_ROOT } from '../support/cases';

const DOC = path.join(REPO_ROOT, 'docs', 'assessment.md');

test('every rule belongs to a known MCSB domain, so it feeds a part of the assessment by design', () => {
  const known = [...TECHNICAL_DOMAINS, ...OPERATIONAL_DOMAINS];
  expect(RULES.filter((r) => !known.includes(primaryDomain(r))).map((r) => r.id)).toEqual([]);
});

test('docs/assessment.md lists the rules feeding each part, as the code assigns them', () => {
  const text = assessmentDoc(RULES);
  if (process.env.BULWARK_UPDATE_DOCS === '1') fs.writeFileSync(DOC, text);
  expect(fs.readFileSync(DOC, 'utf8')).toBe(text);
});
