import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { AwsSolutionsChecks } from 'cdk-nag';
import { evaluate } from '../lib/engine/evaluate';
import { adaptersForAll, loadInput } from '../lib/sources';
import { findPack } from '../policies/packs';
import { RULES } from '../policies/rules';
import { buildBenchApp } from './app';
import { runTerraformBench } from './terraform';
import { runPluginOverhead } from './plugin';
import { runScale } from './scale';

/**
 * `npm run bench [-- --units N --repeat R]`: generate a CDK app, synthesize it once, then time on
 * that cloud assembly Bulwark (read the templates and evaluate every rule) and cdk-nag's
 * AwsSolutions pack (include the same templates and validate them), the median of R runs after a
 * warm-up. cdk-nag on the app's in-memory construct tree is printed too, for reference.
 * `--source terraform` runs the CDKTF counterpart against checkov instead (bench/terraform.ts).
 * `--scale`: the 100,000-resource scenario (bench/scale.ts); `--plugin`: the CDK plugin's cost over plain
 * synthesis (bench/plugin.ts).
 */
function main(argv: string[]): void {
  if (argv.includes('--scale')) {
    runScale(argv);
    return;
  }
  if (argv.includes('--plugin')) {
    runPluginOverhead(400, 5);
    return;
  }
  const arg = (name: string, def: number) => {
    const i = argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(argv[i + 1]) : def;
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
    return v;
  };
  const s = argv.indexOf('--source');
  const source = s >= 0 ? argv[s + 1] : 'cloudformation';
  if (source === 'terraform') {
    process.exitCode = runTerraformBench(arg('units', 100), arg('repeat', 5));
    return;
  }
  if (source !== 'cloudformation') throw new Error('--source takes cloudformation or terraform');
  const units = arg('units', 800);
  const repeat = arg('repeat', 5);
  const outdir = path.join(__dirname, '..', '.bench', 'cdk.out');
  fs.rmSync(outdir, { recursive: true, force: true });

  const t0 = performance.now();
  let app: App | undefined = buildBenchApp(units, outdir);
  app.synth();
  const synthMs = performance.now() - t0;

  // For reference: cdk-nag on the in-memory construct tree of the app that was synthesized. Timed
  // first, so the app can be released before the two runs on the cloud assembly: each of those
  // starts, as a real run does, from the files alone.
  let treeFindings = 0;
  const nagTree = time(repeat, () => {
    treeFindings = countViolations(new AwsSolutionsChecks().validateScope(app!));
  });
  app = undefined;

  const pack = findPack('all')!;
  const adapters = adaptersForAll();
  let bulwarkFindings = 0;
  let resources = 0;
  const bulwark = time(repeat, () => {
    const { graph } = loadInput([outdir]);
    const ev = evaluate({ graph, adapters, rules: RULES, pack, findingsOnly: true });
    resources = graph.size;
    bulwarkFindings = ev.results.filter((r) => r.outcome === 'fail' || r.outcome === 'unknown').length;
  });
  // cdk-nag on the same cloud assembly: its documented way to check templates is to include them
  // into a CDK app (cloudformation-include) and validate that app.
  const templates = fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'));
  let nagFindings = 0;
  const nag = time(repeat, () => {
    const included = new App({
      outdir: path.join(outdir, '..', 'cdk-nag.out'),
      builtinCloudFormationValidation: false,
    });
    for (const t of templates) {
      new CfnInclude(new Stack(included, t.replace('.template.json', '')), 'Template', {
        templateFile: path.join(outdir, t),
      });
    }
    nagFindings = countViolations(new AwsSolutionsChecks().validateScope(included));
  });
  const us = (ms: number) => (ms * 1000) / resources;
  const [bulwarkUs, nagUs, treeUs] = [us(bulwark), us(nag), us(nagTree)];
  console.log(
    `units=${units} stacks=${templates.length} resources=${resources} rules=${RULES.length} synth_ms=${synthMs.toFixed(0)} repeat=${repeat} (median after a warm-up)`,
  );
  console.log(
    `bulwark, cloud assembly (read templates + evaluate every rule): ${bulwark.toFixed(1)} ms, ${bulwarkFindings} findings, ${bulwarkUs.toFixed(1)} us/resource`,
  );
  console.log(
    `cdk-nag AwsSolutions, same cloud assembly (include templates + validate): ${nag.toFixed(1)} ms, ${nagFindings} findings, ${nagUs.toFixed(1)} us/resource`,
  );
  console.log(
    `cdk-nag AwsSolutions, in-memory construct tree (validate only, no reading): ${nagTree.toFixed(1)} ms, ${treeFindings} findings, ${treeUs.toFixed(1)} us/resource, ratio=${(treeUs / bulwarkUs).toFixed(1)}`,
  );
  console.log(
    `bulwark_us_per_resource=${bulwarkUs.toFixed(2)} cdk_nag_us_per_resource=${nagUs.toFixed(2)} ratio=${(nagUs / bulwarkUs).toFixed(1)}`,
  );
}

function countViolations(report: {
  violations: readonly { violatingResources: readonly unknown[] }[];
}): number {
  return report.violations.reduce((n, v) => n + v.violatingResources.length, 0);
}

/** Median wall time in ms of `n` runs of `fn`, after one warm-up run. */
function time(n: number, fn: () => void): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}

main(process.argv.slice(2));
