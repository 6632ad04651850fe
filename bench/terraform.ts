import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPaths } from '../lib/check';
import { InputError } from '../lib/errors';
import { TF_BENCH_STACK, buildTerraformBenchApp } from './terraform-app';

/** checkov in the repository's test virtual environment (.ci/run installs it). */
export const CHECKOV = path.join(__dirname, '..', '.venv', 'bin', 'checkov');

/** Resource blocks of a `cdk.tf.json` (data sources and providers are not counted). */
export function countTerraformResources(file: string): number {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    resource?: Record<string, Record<string, unknown>>;
  };
  return Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/**
 * `npm run bench -- --source terraform [--units N --repeat R]`: generate the CDKTF counterpart of the
 * bench app (N units, bench/terraform-app.ts), synthesize it once, then time Bulwark reading and
 * evaluating its `cdk.tf.json` through `checkPaths` (what `bulwark check` calls), the median of R runs
 * after a warm-up; with checkov in `.venv`, checkov's `terraform_json` framework on the same file
 * (one run: it starts a Python process each time). The last line is the ratio line. Returns the
 * exit code: 1 when Bulwark read no resource from the file (nothing was measured).
 */
export function runTerraformBench(units: number, repeat: number): number {
  const outdir = path.join(__dirname, '..', '.bench', 'cdktf.out');
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  const t0 = performance.now();
  buildTerraformBenchApp(units, outdir).synth();
  const synthMs = performance.now() - t0;
  const file = path.join(outdir, 'stacks', TF_BENCH_STACK, 'cdk.tf.json');
  const resources = countTerraformResources(file);
  console.log(
    `source=terraform units=${units} resources=${resources} synth_ms=${synthMs.toFixed(0)} repeat=${repeat} (median after a warm-up)`,
  );

  let graphSize = 0;
  let findings = 0;
  let bulwarkMs: number;
  try {
    bulwarkMs = median(repeat, () => {
      const run = checkPaths([file], { findingsOnly: true });
      graphSize = run.input.graph.size;
      findings = run.evaluation.results.filter((r) => r.outcome === 'fail' || r.outcome === 'unknown').length;
    });
  } catch (e) {
    const why = e instanceof InputError ? e.message : String(e);
    console.error(`bench: Bulwark could not read ${path.relative(process.cwd(), file)}: ${why}`);
    return 1;
  }
  if (graphSize === 0) {
    console.error(
      `bench: Bulwark read 0 resources from ${path.relative(process.cwd(), file)} (${resources} in the file): ` +
        'no Terraform source is registered, nothing was measured',
    );
    return 1;
  }
  const bulwarkUs = (bulwarkMs * 1000) / resources;
  console.log(
    `bulwark, cdk.tf.json (read + evaluate every rule): ${bulwarkMs.toFixed(1)} ms, ${graphSize} graph resources, ${findings} findings, ${bulwarkUs.toFixed(1)} us/resource`,
  );

  if (!fs.existsSync(CHECKOV)) {
    console.log('checkov is not installed (.venv/bin/checkov): timing Bulwark only');
    console.log(`bulwark_us_per_resource=${bulwarkUs.toFixed(2)}`);
    return 0;
  }
  // --skip-download: no call home for guideline mappings (same checks, no network wait).
  const args = ['-f', file, '--framework', 'terraform_json', '--quiet', '--compact', '--skip-download'];
  const t1 = performance.now();
  const ck = spawnSync(CHECKOV, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const checkovMs = performance.now() - t1;
  // checkov exits 1 when a check fails; anything else is an error of its own.
  if (ck.status !== 0 && ck.status !== 1) {
    console.error(
      `bench: checkov failed (exit ${ck.status}): ${(ck.stderr || ck.stdout).trim().split('\n').pop()}`,
    );
    return 1;
  }
  const failed = /Failed checks: (\d+)/.exec(ck.stdout)?.[1] ?? '?';
  const checkovUs = (checkovMs * 1000) / resources;
  console.log(
    `checkov ${args.slice(2).join(' ')} (one run, process start included): ${checkovMs.toFixed(0)} ms, ${failed} failed checks, ${checkovUs.toFixed(1)} us/resource`,
  );
  console.log(
    `bulwark_us_per_resource=${bulwarkUs.toFixed(2)} checkov_us_per_resource=${checkovUs.toFixed(2)} ratio=${(checkovUs / bulwarkUs).toFixed(1)}`,
  );
  return 0;
}

/** Median wall time in ms of `n` runs of `fn`, after one warm-up run. */
function median(n: number, fn: () => void): number {
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
