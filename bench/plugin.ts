import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Validations, type IPolicyValidationPlugin } from 'aws-cdk-lib';
import { BulwarkValidationPlugin } from '../lib/cdk';
import { buildBenchApp } from './app';

/** A validation plugin that reports success without reading anything: CDK's own cost of a plugin. */
class EmptyPlugin implements IPolicyValidationPlugin {
  readonly name = 'Empty';
  validate() {
    return { success: true, violations: [] };
  }
}

/** What is registered: nothing, the empty plugin, Bulwark's with its defaults, Bulwark's writing every format. */
type Variant = 'plain' | 'empty' | 'bulwark' | 'bulwarkAll';
const VARIANTS: readonly Variant[] = ['plain', 'empty', 'bulwark', 'bulwarkAll'];

/** CPU time of one synthesis, in ms: the whole of it, inside the plugin's `validate`, and after it returned. */
interface Round {
  total: number;
  inside: number;
  after: number;
}

/** A full collection of the heap between variants, when the runtime allows one to be asked for. */
function collectGarbage(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
}

/** CPU time (user and system) since `from`, in ms. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/** Register `plugin` on `app`, its `validate` timed: CPU inside it, and when it returned. */
function timed(plugin: IPolicyValidationPlugin): {
  plugin: IPolicyValidationPlugin;
  returned: () => NodeJS.CpuUsage | undefined;
  inside: () => number;
} {
  let inside = 0;
  let returned: NodeJS.CpuUsage | undefined;
  const inner = plugin.validate.bind(plugin);
  plugin.validate = (context) => {
    const t = process.cpuUsage();
    try {
      return inner(context);
    } finally {
      inside += cpuSince(t);
      returned = process.cpuUsage();
    }
  };
  return { plugin, returned: () => returned, inside: () => inside };
}

/**
 * The CDK plugin's own cost: build and synthesize the bench app of `units` units plain, with an empty
 * validation plugin, with Bulwark's plugin as it comes (its defaults: the text report rendered, the
 * JSON report written into the cloud assembly) and with Bulwark's plugin writing JSON, SARIF and HTML,
 * in turn, `repeat` rounds after a warm-up round. The heap is collected before each variant, so none
 * pays for the garbage of the one before, as a `cdk synth` process starting afresh does not. Times are
 * the process's CPU time (steadier than wall time on a shared machine).
 *
 * `bulwark_share` is what Bulwark adds to `cdk synth` beyond CDK's own machinery of a validation
 * plugin, measured in each round as a pair: the CPU time inside Bulwark's `validate`, plus what CDK
 * spends after it returns (its construct tree, a trace and a printed block per violating resource,
 * its report) less what CDK spends after the empty plugin returns; the median of the rounds over the
 * median of plain synthesis. Unlike the difference of two whole syntheses, it leaves out the noise of
 * the synthesis both share. `plugin_overhead`, `empty_plugin_overhead` (whole syntheses over plain),
 * `plugin_validate_share` (inside `validate` only) and `cdk_violations_share` (CDK's part of
 * `bulwark_share`) follow, then the same for Bulwark's plugin writing every format.
 */
export function runPluginOverhead(units: number, repeat: number): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-bench-'));
  const gc = collectGarbage();
  const rounds: Record<Variant, Round[]> = { plain: [], empty: [], bulwark: [], bulwarkAll: [] };
  // CDK prints a failed validation's report with console.error; the bench keeps its own output.
  const consoleError = console.error;
  try {
    console.error = () => undefined;
    for (let round = 0; round <= repeat; round++) {
      for (const variant of VARIANTS) {
        const outdir = path.join(root, `${variant}-${round}`);
        gc();
        const t = process.cpuUsage();
        const app = buildBenchApp(units, outdir);
        const plugin =
          variant === 'plain'
            ? undefined
            : timed(
                variant === 'empty'
                  ? new EmptyPlugin()
                  : new BulwarkValidationPlugin({
                      out: () => undefined,
                      ...(variant === 'bulwarkAll'
                        ? { reportFormats: ['json', 'sarif', 'html'] as const }
                        : {}),
                    }),
              );
        if (plugin) Validations.of(app).addPlugins(plugin.plugin);
        try {
          app.synth();
        } catch (e) {
          // The bench app has mandatory findings: synthesis fails after validation, as intended.
          if (variant !== 'bulwark' && variant !== 'bulwarkAll') throw e;
        }
        const total = cpuSince(t);
        const returned = plugin?.returned();
        if (plugin && !returned) throw new Error(`the ${variant} plugin was not run`);
        if (round > 0) {
          rounds[variant].push({
            total,
            inside: plugin?.inside() ?? 0,
            after: returned ? cpuSince(returned) : 0,
          });
        }
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    }
  } finally {
    console.error = consoleError;
    fs.rmSync(root, { recursive: true, force: true });
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const of = (v: Variant, f: (r: Round, i: number) => number) => med(rounds[v].map(f));
  const plain = of('plain', (r) => r.total);
  const empty = of('empty', (r) => r.total);
  const ratio = (ms: number) => (ms / plain).toFixed(3);
  const over = (ms: number) => (ms / plain - 1).toFixed(3);
  /** CDK's work after a plugin's validate returned, less its work after the empty plugin's, in the same round. */
  const cdkExtra = (r: Round, i: number) => r.after - rounds.empty[i]!.after;
  const figures = (v: Variant) => ({
    total: of(v, (r) => r.total),
    inside: of(v, (r) => r.inside),
    cdk: of(v, cdkExtra),
    share: of(v, (r, i) => r.inside + cdkExtra(r, i)),
  });
  const b = figures('bulwark');
  const all = figures('bulwarkAll');
  console.log(
    `cdk synth of the bench app (${units} units), build + synth, CPU time, median of ${repeat} rounds after a warm-up: plain ${plain.toFixed(0)} ms, empty validation plugin ${empty.toFixed(0)} ms, Bulwark plugin ${b.total.toFixed(0)} ms (inside its validate ${b.inside.toFixed(0)} ms, CDK's handling of its violations ${b.cdk.toFixed(0)} ms), Bulwark plugin writing JSON, SARIF and HTML ${all.total.toFixed(0)} ms (inside its validate ${all.inside.toFixed(0)} ms)`,
  );
  console.log(
    `bulwark_share=${ratio(b.share)} plugin_overhead=${over(b.total)} empty_plugin_overhead=${over(empty)} plugin_validate_share=${ratio(b.inside)} cdk_violations_share=${ratio(b.cdk)}`,
  );
  console.log(
    `bulwark_all_formats_share=${ratio(all.share)} plugin_all_formats_overhead=${over(all.total)} plugin_all_formats_validate_share=${ratio(all.inside)}`,
  );
}
