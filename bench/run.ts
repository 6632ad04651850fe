import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsSolutionsChecks } from 'cdk-nag';
import { evaluate } from '../lib/engine/evaluate';
import { loadInput } from '../lib/sources';
import { cloudFormationAdapters } from '../lib/views/cloudformation';
import { findPack } from '../policies/packs';
import { RULES } from '../policies/rules';
import { buildBenchApp } from './app';

/**
 * `npm run bench [-- --units N --repeat R]`: generate a CDK app, synthesize it once, then time on
 * that one app Bulwark (read the cloud assembly + evaluate every rule) and cdk-nag's AwsSolutions
 * pack (its own walk of the same construct tree). Prints the median of R runs of each.
 */
function main(argv: string[]): void {
  const arg = (name: string, def: number) => {
    const i = argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(argv[i + 1]) : def;
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
    return v;
  };
  const units = arg('units', 800);
  const repeat = arg('repeat', 5);
  const outdir = path.join(__dirname, '..', '.bench', 'cdk.out');
  fs.rmSync(outdir, { recursive: true, force: true });

  const t0 = performance.now();
  const app = buildBenchApp(units, outdir);
  app.synth();
  const synthMs = performance.now() - t0;

  const pack = findPack('all')!;
  const adapters = cloudFormationAdapters();
  let bulwarkFindings = 0;
  let resources = 0;
  const bulwark = time(repeat, () => {
    const { graph } = loadInput([outdir]);
    const ev = evaluate({ graph, adapters, rules: RULES, pack });
    resources = graph.size;
    bulwarkFindings = ev.results.filter((r) => r.outcome === 'fail' || r.outcome === 'unknown').length;
  });
  let nagFindings = 0;
  const nag = time(repeat, () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    nagFindings = report.violations.reduce((n, v) => n + v.violatingResources.length, 0);
  });

  const bulwarkUs = (bulwark * 1000) / resources;
  const nagUs = (nag * 1000) / resources;
  console.log(
    `units=${units} stacks=${Math.ceil(units / 40)} resources=${resources} rules=${RULES.length} synth_ms=${synthMs.toFixed(0)} repeat=${repeat}`,
  );
  console.log(
    `bulwark: ${bulwark.toFixed(1)} ms (median), ${bulwarkFindings} findings, ${bulwarkUs.toFixed(1)} us/resource`,
  );
  console.log(
    `cdk-nag AwsSolutions: ${nag.toFixed(1)} ms (median), ${nagFindings} findings, ${nagUs.toFixed(1)} us/resource`,
  );
  console.log(
    `bulwark_us_per_resource=${bulwarkUs.toFixed(2)} cdk_nag_us_per_resource=${nagUs.toFixed(2)} ratio=${(nagUs / bulwarkUs).toFixed(1)}`,
  );
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
