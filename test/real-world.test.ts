import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { checkPaths } from '../lib/check';
import { gates } from '../lib/engine/evaluate';
import type { RuleResult } from '../lib/engine/result';

/**
 * Real-world yardstick: every template vendored under test/fixtures/real-world/ is checked with the
 * default pack through the API `bulwark check` uses, and its gating findings are compared with the
 * reviewed list in test/fixtures/real-world/expected.yaml. A gating finding nobody reviewed fails the
 * test, and so does a reviewed one that is no longer produced (a lost true positive, or a fixed
 * wrong finding whose entry must go). The review behind the list is docs/real-world-review.md.
 */

const ROOT = path.join(__dirname, 'fixtures/real-world');
const EXPECTED = path.join(ROOT, 'expected.yaml');
const TEMPLATE = /\.(ya?ml|json|template)$/;

interface Expectation {
  readonly rule: string;
  readonly resource: string;
  readonly finding?: string;
  readonly review: string;
}

interface Gating {
  readonly key: string;
  readonly rule: string;
  readonly resource: string;
  readonly finding?: string;
  readonly outcome: string;
  readonly message: string;
}

interface TemplateRun {
  readonly template: string;
  readonly error?: string;
  readonly viewErrors: readonly string[];
  readonly gating: readonly Gating[];
  readonly results: readonly RuleResult[];
  readonly dropped: { readonly passed: number; readonly notApplicable: number };
}

/** Templates: every YAML/JSON file in a collection folder below ROOT (not the README, licences or expected.yaml). */
function vendoredTemplates(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(ROOT, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(ROOT, dir.name)).sort())
      if (TEMPLATE.test(f)) out.push(`${dir.name}/${f}`);
  }
  return out.sort();
}

function keyOf(rule: string, resource: string, finding: string | undefined): string {
  return `${rule} ${resource}${finding === undefined ? '' : ` [${finding}]`}`;
}

/** expected.yaml: template -> list of reviewed findings. Shape errors are collected, not thrown. */
function readExpected(): { byTemplate: Map<string, Expectation[]>; problems: string[] } {
  const doc = parseDocument(fs.readFileSync(EXPECTED, 'utf8'));
  const problems = doc.errors.map((e) => `expected.yaml: ${e.message}`);
  const byTemplate = new Map<string, Expectation[]>();
  if (!isMap(doc.contents)) return { byTemplate, problems: [...problems, 'expected.yaml: not a map'] };
  for (const item of doc.contents.items) {
    const template = String((item.key as { value?: unknown } | null)?.value ?? item.key);
    const list: Expectation[] = [];
    if (!isSeq(item.value)) {
      problems.push(`expected.yaml: ${template}: not a list (use [] when no finding is expected)`);
      continue;
    }
    item.value.items.forEach((entry, i) => {
      const e = isMap(entry) ? (entry.toJSON() as Record<string, unknown>) : {};
      const where = `expected.yaml: ${template} entry ${i + 1}`;
      if (typeof e.rule !== 'string' || typeof e.resource !== 'string') {
        problems.push(`${where}: needs rule and resource`);
        return;
      }
      if (typeof e.review !== 'string' || e.review.trim().length < 20) {
        problems.push(`${where} (${e.rule} ${e.resource}): needs a one-line review saying why it is true`);
        return;
      }
      if (e.finding !== undefined && typeof e.finding !== 'string') {
        problems.push(`${where}: finding must be a string`);
        return;
      }
      list.push({ rule: e.rule, resource: e.resource, finding: e.finding, review: e.review });
    });
    byTemplate.set(template, list);
  }
  return { byTemplate, problems };
}

function run(template: string): TemplateRun {
  try {
    const { evaluation } = checkPaths([path.join(ROOT, template)], { findingsOnly: true });
    const gating = evaluation.results
      .filter((r) => gates(r, evaluation.pack))
      .map((r) => ({
        key: keyOf(r.rule.id, r.resource.address, r.finding),
        rule: r.rule.id,
        resource: r.resource.address,
        finding: r.finding,
        outcome: r.outcome,
        message: r.message,
      }));
    return {
      template,
      viewErrors: evaluation.viewErrors.map((e) => `${e.address} (${e.type}): ${e.error}`),
      gating,
      results: evaluation.results,
      dropped: evaluation.dropped,
    };
  } catch (e) {
    return {
      template,
      error: (e as Error).message,
      viewErrors: [],
      gating: [],
      results: [],
      dropped: { passed: 0, notApplicable: 0 },
    };
  }
}

/** The blob id `git hash-object` prints for a file. */
function blobId(file: string): string {
  const body = fs.readFileSync(file);
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]))
    .digest('hex');
}

describe('real-world templates', () => {
  const templates = vendoredTemplates();
  let runs: TemplateRun[] = [];

  beforeAll(() => {
    runs = templates.map(run);
  });

  afterAll(() => {
    // Totals by outcome and enforcement, for the record (docs/real-world-review.md); not asserted.
    const counts = new Map<string, number>();
    let gating = 0;
    let passed = 0;
    let notApplicable = 0;
    for (const r of runs) {
      gating += r.gating.length;
      passed += r.dropped.passed;
      notApplicable += r.dropped.notApplicable;
      for (const x of r.results) {
        const k = `${x.outcome}/${x.enforcement}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    const byOutcome = [...counts]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    process.stdout.write(
      `real-world: ${runs.length} templates; gating ${gating}; findings ${byOutcome}; passed ${passed}; not applicable ${notApplicable}\n`,
    );
  });

  test('there are vendored templates to check', () => {
    expect(templates.length).toBeGreaterThanOrEqual(20);
  });

  test('every vendored template reads, with no input error and no view error', () => {
    const problems = runs.flatMap((r) => [
      ...(r.error === undefined ? [] : [`${r.template}: ${r.error}`]),
      ...r.viewErrors.map((v) => `${r.template}: view error on ${v}`),
    ]);
    expect(problems).toEqual([]);
  });

  test('every vendored file is byte for byte the recorded origin blob (README of its collection)', () => {
    const problems: string[] = [];
    for (const dir of new Set(templates.map((t) => t.split('/')[0]!))) {
      const readme = fs.readFileSync(path.join(ROOT, dir, 'README.md'), 'utf8');
      const recorded = new Map<string, string>();
      // Rows are `| file | ... | blob | licence |`, or `| file | blob |` in the smaller collections.
      for (const m of readme.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{40})` \|[^|]*\|$/gm))
        recorded.set(m[1]!, m[2]!);
      for (const m of readme.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{40})` \|$/gm)) recorded.set(m[1]!, m[2]!);
      for (const f of fs.readdirSync(path.join(ROOT, dir))) {
        if (f === 'README.md') continue;
        const want = recorded.get(f);
        if (want === undefined) problems.push(`${dir}/${f}: no row in ${dir}/README.md`);
        else if (blobId(path.join(ROOT, dir, f)) !== want)
          problems.push(`${dir}/${f}: changed (blob ${blobId(path.join(ROOT, dir, f))}, recorded ${want})`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('gating findings are exactly the reviewed ones in expected.yaml', () => {
    const { byTemplate, problems } = readExpected();
    const added: string[] = [];
    const lost: string[] = [];
    for (const t of byTemplate.keys())
      if (!templates.includes(t)) problems.push(`expected.yaml: ${t} is not a vendored template`);
    for (const r of runs) {
      const expected = byTemplate.get(r.template);
      if (expected === undefined) {
        problems.push(`expected.yaml: no entry for ${r.template} (add it, with [] if nothing gates)`);
      }
      const want = new Map((expected ?? []).map((e) => [keyOf(e.rule, e.resource, e.finding), e]));
      const got = new Map(r.gating.map((g) => [g.key, g]));
      for (const [k, g] of got)
        if (!want.has(k)) added.push(`  + ${r.template}  ${k}  (${g.outcome})\n      ${g.message}`);
      for (const [k, e] of want)
        if (!got.has(k)) lost.push(`  - ${r.template}  ${k}\n      reviewed as: ${e.review}`);
    }
    const sections: string[] = [];
    if (problems.length > 0)
      sections.push(`Expectation file problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    if (added.length > 0)
      sections.push(
        `${added.length} gating finding(s) not reviewed. Review each against its control and the template: ` +
          'if true, add it to test/fixtures/real-world/expected.yaml with a one-line review; if wrong, fix its cause ' +
          `(and record it in docs/real-world-review.md).\n${added.join('\n')}`,
      );
    if (lost.length > 0)
      sections.push(
        `${lost.length} reviewed gating finding(s) no longer produced: a lost true positive, unless the review was ` +
          `wrong (then remove the entry and say why).\n${lost.join('\n')}`,
      );
    if (sections.length > 0)
      throw new Error(`Real-world findings differ from expected.yaml\n\n${sections.join('\n\n')}`);
  });
});
