import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  frontEndOfCase,
  isCdkCase,
  isCdktfCase,
  isPulumiCase,
  isTemplateCase,
  isTerraformPlanCase,
  type RuleCase,
  type RuleCases,
} from '../lib/engine/cases';
import {
  CLOUD_NAMES,
  CLOUDS,
  cloudOfTerraformType,
  cloudsOfRule,
  cloudsOfTerraformFix,
  type Cloud,
} from '../lib/engine/clouds';
import { claimedFrontEnds, fixTexts } from '../lib/engine/fix';
import type { Rule } from '../lib/engine/rule';
import { loadInput } from '../lib/sources';
import { VIEW_KINDS } from '../lib/views/kinds';
import { VERSION } from '../lib/version';
import { CATALOGS, resolveControl } from '../policies/controls';
import { PACKS } from '../policies/packs';
import { RULES } from '../policies/rules';
import { coverageOf } from '../lib/engine/coverage';
import { caseFiles, REPO_ROOT, ruleFiles } from './support/cases';
import { runCli } from './support/cli';

/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * Rules that claim a front end (their fix has text for it) without a failing and a passing case
 * for it: CDK cases (or cases from real templates) for `cdk`, CDKTF or plan cases for `terraform`.
 */
function missingFrontEndCases(rules: readonly Rule[], byRule: ReadonlyMap<string, RuleCases>): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const cases = byRule.get(r.id)?.cases ?? [];
    for (const fe of claimedFrontEnds(r)) {
      const outcomes = cases.filter((c) => frontEndOfCase(c) === fe).map((c) => c.expect);
      for (const [outcome, word] of [
        ['fail', 'failing'],
        ['pass', 'passing'],
      ] as const)
        if (!outcomes.includes(outcome))
          out.push(`${r.id}: claims ${fe} (its fix has text for it) but has no ${word} ${fe} case`);
    }
  }
  return out;
}

/**
 * The cloud whose resource a case judges: CDK and template cases AWS, CDKTF cases their provider's, Pulumi cases (azure-native) Azure, a plan case the provider of its target's resource type.
 */
function cloudOfCase(c: RuleCase): Cloud | undefined {
  if (isPulumiCase(c)) return 'azure';
  if (isCdktfCase(c)) return c.provider === 'azurerm' ? 'azure' : 'aws';
  if (!isTerraformPlanCase(c)) return 'aws';
  const segments = c.target.replace(/\[[^\]]*\]$/, '').split('.');
  return cloudOfTerraformType(segments[segments.length - 2] ?? '');
}

/**
 * Rules whose clouds (from the front ends they claim) differ from the clouds their cases judge: a rule
 * counts for a cloud in `bulwark controls` exactly when a case proves it there (a case expecting
 * `not_applicable` proves nothing).
 */
function cloudsWithoutCases(rules: readonly Rule[], byRule: ReadonlyMap<string, RuleCases>): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const claimed = cloudsOfRule(r);
    const proven = new Set(
      (byRule.get(r.id)?.cases ?? []).filter((c) => c.expect !== 'not_applicable').map(cloudOfCase),
    );
    for (const cloud of CLOUDS) {
      const name = CLOUD_NAMES[cloud];
      if (claimed.includes(cloud) && !proven.has(cloud))
        out.push(`${r.id}: counts for ${name} (its fix) but no case judges an ${name} resource`);
      if (!claimed.includes(cloud) && proven.has(cloud))
        out.push(`${r.id}: has cases on ${name} resources but its fix gives ${name} users no text`);
    }
  }
  return out;
}
const load = <T>(file: string) => (require(file) as { default: T }).default;

describe('rule catalog', () => {
  test('rule ids are unique and well formed', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^BW-[A-Z]{2,3}-\d{3}$/);
  });

  test('every rule file is listed in the catalog, and the catalog holds nothing else', () => {
    const fromFiles = ruleFiles().map((f) => load<Rule>(f));
    expect(fromFiles.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test('every control reference resolves', () => {
    const unresolved = RULES.flatMap((r) =>
      r.controls.filter((c) => !resolveControl(c)).map((c) => `${r.id}: ${c}`),
    );
    expect(unresolved).toEqual([]);
  });

  test('every rule has a title, rationale, fix, a known view kind and a threat', () => {
    for (const r of RULES) {
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(20);
      const fixes = Object.values(fixTexts(r.fix));
      expect(fixes.length).toBeGreaterThan(0);
      for (const f of fixes) expect(f.length).toBeGreaterThan(10);
      for (const k of r.appliesTo) expect(VIEW_KINDS).toContain(k);
      expect(r.threats?.length ?? 0).toBeGreaterThan(0);
    }
  });

  test('every rule has cases beside it, with at least one failing and one passing case', () => {
    const byRule = new Map<string, RuleCases>();
    for (const f of caseFiles()) {
      const rc = load<RuleCases>(f);
      expect(path.basename(f, '.cases.ts')).toBe(
        path.basename(
          ruleFiles().find((x) => load<Rule>(x) === rc.rule)!,
          '.ts',
        ),
      );
      byRule.set(rc.rule.id, rc);
    }
    const missing = RULES.filter((r) => !byRule.has(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
    for (const r of RULES) {
      // CDK cases are required of every rule with a CDK fix; cases from real templates come on top of them.
      if (fixTexts(r.fix).cdk === undefined) continue;
      const outcomes = byRule
        .get(r.id)!
        .cases.filter(isCdkCase)
        .map((c) => c.expect);
      expect({ rule: r.id, cdkFail: outcomes.includes('fail') }).toEqual({ rule: r.id, cdkFail: true });
      expect({ rule: r.id, cdkPass: outcomes.includes('pass') }).toEqual({ rule: r.id, cdkPass: true });
    }
    expect(missingFrontEndCases(RULES, byRule)).toEqual([]);
    expect(cloudsWithoutCases(RULES, byRule)).toEqual([]);
  });

  test('every Terraform fix names the resource types of a provider Bulwark reads', () => {
    const vague = RULES.filter((r) => {
      const text = fixTexts(r.fix).terraform;
      return text !== undefined && cloudsOfTerraformFix(text).length === 0;
    }).map((r) => r.id);
    expect(vague).toEqual([]);
  });

  test('a rule whose clouds its cases do not prove is reported', () => {
    const rule = RULES.find((r) => typeof r.fix === 'string')!;
    const cdkOnly = load<RuleCases>(caseFiles().find((f) => load<RuleCases>(f).rule === rule)!);
    const claimsAzure = { ...rule, fix: { cdk: 'Set the prop.', pulumi: 'Set the input.' } };
    expect(cloudsWithoutCases([claimsAzure], new Map([[rule.id, cdkOnly]]))).toEqual([
      `${rule.id}: counts for Azure (its fix) but no case judges an Azure resource`,
    ]);
    const azurermCase: RuleCase = {
      name: 'an azurerm resource',
      source: 'terraform-plan',
      file: 'test/fixtures/terraform/x.json',
      target: 'module.m["a.b"].azurerm_storage_account.s[0]',
      expect: 'fail',
    };
    const withAzurerm = { rule, cases: [...cdkOnly.cases, azurermCase] };
    expect(cloudsWithoutCases([rule], new Map([[rule.id, withAzurerm]]))).toEqual([
      `${rule.id}: has cases on Azure resources but its fix gives Azure users no text`,
    ]);
  });

  test('a rule that claims a front end without a passing and a failing case for it is reported', () => {
    const rule = RULES.find((r) => typeof r.fix === 'string')!;
    const claimsTerraform = { ...rule, fix: { cdk: 'Set the prop.', terraform: 'Set the argument.' } };
    const cdkOnly = load<RuleCases>(caseFiles().find((f) => load<RuleCases>(f).rule === rule)!);
    expect(missingFrontEndCases([claimsTerraform], new Map([[rule.id, cdkOnly]]))).toEqual([
      `${rule.id}: claims terraform (its fix has text for it) but has no failing terraform case`,
      `${rule.id}: claims terraform (its fix has text for it) but has no passing terraform case`,
    ]);
  });

  test('case names are unique within a rule', () => {
    const dupes = caseFiles().flatMap((f) => {
      const rc = load<RuleCases>(f);
      const names = rc.cases.map((c) => c.name);
      return names.filter((n, i) => names.indexOf(n) !== i).map((n) => `${rc.rule.id}: ${n}`);
    });
    expect(dupes).toEqual([]);
  });

  test('cases from real templates name a vendored template and a resource in it', () => {
    const problems: string[] = [];
    for (const f of caseFiles()) {
      const rc = load<RuleCases>(f);
      for (const c of rc.cases) {
        if (!isTemplateCase(c)) continue;
        const where = `${rc.rule.id} "${c.name}"`;
        if (!c.template.startsWith('test/fixtures/real-world/')) {
          problems.push(`${where}: ${c.template} is not under test/fixtures/real-world/`);
          continue;
        }
        const file = path.join(REPO_ROOT, c.template);
        if (!fs.existsSync(file)) {
          problems.push(`${where}: ${c.template} does not exist`);
          continue;
        }
        const ids = [...loadInput([file]).graph.all()].map((r) => r.logicalId);
        if (!ids.includes(c.target)) problems.push(`${where}: ${c.template} has no resource ${c.target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('cases from Terraform plans name a vendored plan', () => {
    const problems: string[] = [];
    for (const f of caseFiles()) {
      const rc = load<RuleCases>(f);
      for (const c of rc.cases.filter(isTerraformPlanCase)) {
        const where = `${rc.rule.id} "${c.name}"`;
        if (!c.file.startsWith('test/fixtures/terraform/'))
          problems.push(`${where}: ${c.file} is not under test/fixtures/terraform/`);
        else if (!fs.existsSync(path.join(REPO_ROOT, c.file)))
          problems.push(`${where}: ${c.file} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the rules span data protection, network, logging, backup and identity', () => {
    const domains = new Set(ruleFiles().map((f) => path.basename(path.dirname(f))));
    for (const d of ['data-protection', 'network', 'logging', 'backup', 'identity'])
      expect(domains).toContain(d);
  });
});

describe('control catalogs', () => {
  test('MCSB v1 has all 12 domains and every control', () => {
    const mcsb = CATALOGS.find((c) => c.framework === 'mcsb-v1')!;
    expect(mcsb.groups.map((g) => g.id)).toEqual([
      'NS',
      'IM',
      'PA',
      'DP',
      'AM',
      'LT',
      'IR',
      'PV',
      'ES',
      'BR',
      'DS',
      'GS',
    ]);
    const counts = Object.fromEntries(
      mcsb.groups.map((g) => [g.id, mcsb.controls.filter((c) => c.group === g.id).length]),
    );
    expect(counts).toEqual({
      NS: 10,
      IM: 9,
      PA: 8,
      DP: 8,
      AM: 5,
      LT: 7,
      IR: 7,
      PV: 7,
      ES: 3,
      BR: 4,
      DS: 7,
      GS: 11,
    });
  });

  test('control ids are unique per catalog and belong to a declared group', () => {
    for (const c of CATALOGS) {
      const ids = c.controls.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      const groups = new Set(c.groups.map((g) => g.id));
      for (const x of c.controls) expect(groups).toContain(x.group);
    }
  });

  test('CIS Azure Foundations v6.0.0 has its 127 recommendations in sections 2, 3 and 5 to 9, for Azure only', () => {
    const cis = CATALOGS.find((c) => c.framework === 'cis-azure-6.0')!;
    expect(cis.version).toBe('6.0.0');
    expect(cis.clouds).toEqual(['azure']);
    expect(cis.controls).toHaveLength(127);
    expect(cis.groups.filter((g) => !g.parent).map((g) => g.id)).toEqual(['2', '3', '5', '6', '7', '8', '9']);
    const counts = Object.fromEntries(
      cis.groups
        .filter((g) => !g.parent)
        .map((g) => [g.id, cis.controls.filter((c) => c.id.split('.')[0] === g.id).length]),
    );
    expect(counts).toEqual({ '2': 12, '3': 1, '5': 15, '6': 24, '7': 16, '8': 38, '9': 21 });
    for (const c of cis.controls) {
      expect(c.id).toMatch(/^[2-9](\.\d+){1,3}$/);
      expect(c.group === c.id.split('.')[0] || c.id.startsWith(`${c.group}.`)).toBe(true);
    }
  });

  test('NIST CSF 2.0 has its 6 functions and 22 categories', () => {
    const nist = CATALOGS.find((c) => c.framework === 'nist-csf-2.0')!;
    expect(nist.groups.filter((g) => !g.parent).map((g) => g.id)).toEqual([
      'GV',
      'ID',
      'PR',
      'DE',
      'RS',
      'RC',
    ]);
    expect(nist.groups.filter((g) => g.parent)).toHaveLength(22);
  });
});

describe('privacy and financial-reporting catalogs', () => {
  const expected: Record<string, string[]> = {
    gdpr: [
      'Art.5(1)(c)',
      'Art.5(1)(e)',
      'Art.25(1)',
      'Art.25(2)',
      'Art.32(1)(a)',
      'Art.32(1)(b)',
      'Art.32(1)(c)',
    ],
    ccpa: ['1798.100(e)', '1798.105'],
    sox: ['404-AUDIT-TRAIL', '404-SOD', '404-RETENTION', '802-1519'],
  };

  test.each(Object.keys(expected))(
    '%s: the requirements infrastructure can show are asserted by rules; every other one says why not',
    (framework) => {
      const catalog = CATALOGS.find((c) => c.framework === framework);
      expect(catalog).toBeDefined();
      const coverage = coverageOf(catalog!, RULES);
      const asserted = coverage.controls.filter((c) => c.status === 'asserted').map((c) => c.id);
      expect(asserted).toEqual(expect.arrayContaining(expected[framework]!));
      expect(coverage.controls.filter((c) => c.status === 'not-covered').map((c) => c.id)).toEqual([]);
      for (const c of coverage.controls.filter((x) => x.status === 'not-assertable'))
        expect(c.reason!.length).toBeGreaterThan(30);
    },
  );

  test('each requirement names its article or section', () => {
    const pattern: Record<string, RegExp> = {
      gdpr: /^Art\.\d+(\(\d+\)(\([a-z]\))?)?$/,
      ccpa: /^1798\.\d+(\([a-z0-9]+\))*$/,
      sox: /^(302|404|802)(-[A-Z0-9-]+)?$/,
    };
    for (const [fw, re] of Object.entries(pattern))
      for (const c of CATALOGS.find((x) => x.framework === fw)!.controls) expect(c.id).toMatch(re);
  });

  test('`bulwark controls --framework gdpr` lists the articles with their rules', async () => {
    const r = await runCli(['controls', '--framework', 'gdpr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('General Data Protection Regulation');
    expect(r.stdout).toMatch(/Art\.32\(1\)\(a\)\s+Pseudonymisation and encryption[^\n]*\n\s+AWS\s+BW-DP-003/);
    expect(r.stdout).toContain('not assertable: Erasure answers');
  });
});

describe('packs', () => {
  test('the packs exist and the default pack enables every rule', () => {
    expect(PACKS.map((p) => p.id)).toEqual([
      'all',
      'adopt',
      'mcsb',
      'nist-csf',
      'cis-aws',
      'cis-azure',
      'classification',
    ]);
    const all = PACKS.find((p) => p.id === 'all')!;
    for (const r of RULES) expect(all.enforcementOf(r)).not.toBe('disabled');
  });
});

test('the version reported matches package.json', () => {
  expect(VERSION).toBe((require('../package.json') as { version: string }).version);
});
