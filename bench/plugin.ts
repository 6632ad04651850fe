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

/** A full collection of the heap between variants, when the runtime allows one to be asked for. */
function collectGarbage(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
}

/**
 * The CDK plugin's own cost: build and synthesize the bench app of `units` units plain, with an empty
 * validation plugin, with Bulwark's plugin as it comes (its defaults: the text report rendered, the
 * JSON report written into the cloud assembly) and with Bulwark's plugin writing JSON, SARIF and HTML,
 * in turn, `repeat` rounds after a warm-up round. The heap is collected before each variant, so none
 * pays for the garbage of the one before, as a `cdk synth` process starting afresh does not. The
 * medians of the process's CPU time (steadier than wall time on a shared machine), as fractions over
 * plain synthesis: `plugin_overhead=…` (the defaults), `empty_plugin_overhead=…`,
 * `plugin_validate_share=…` (CPU time inside the plugin's `validate` over plain synth: the steadier
 * figure on a shared machine), then `plugin_all_formats_overhead=…` and
 * `plugin_all_formats_validate_share=…`.
 */
export function runPluginOverhead(units: number, repeat: number): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-bench-'));
  const gc = collectGarbage();
  const times: Record<Variant, number[]> = { plain: [], empty: [], bulwark: [], bulwarkAll: [] };
  /** CPU time inside the Bulwark plugin's `validate`, a round at a time. */
  const validate: Record<Variant, number[]> = { plain: [], empty: [], bulwark: [], bulwarkAll: [] };
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
        if (variant === 'empty') Validations.of(app).addPlugins(new EmptyPlugin());
        if (variant === 'bulwark' || variant === 'bulwarkAll') {
          const plugin = new BulwarkValidationPlugin({
            out: () => undefined,
            ...(variant === 'bulwarkAll' ? { reportFormats: ['json', 'sarif', 'html'] as const } : {}),
          });
          const inner = plugin.validate.bind(plugin);
          plugin.validate = (context) => {
            const v = process.cpuUsage();
            try {
              return inner(context);
            } finally {
              const used = process.cpuUsage(v);
              if (round > 0) validate[variant].push((used.user + used.system) / 1000);
            }
          };
          Validations.of(app).addPlugins(plugin);
        }
        try {
          app.synth();
        } catch (e) {
          // The bench app has mandatory findings: synthesis fails after validation, as intended.
          if (variant !== 'bulwark' && variant !== 'bulwarkAll') throw e;
        }
        const used = process.cpuUsage(t);
        const ms = (used.user + used.system) / 1000;
        if (round > 0) times[variant].push(ms);
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    }
  } finally {
    console.error = consoleError;
    fs.rmSync(root, { recursive: true, force: true });
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [plain, empty, bulwark, all] = VARIANTS.map((v) => med(times[v]));
  const [own, ownAll] = [med(validate.bulwark), med(validate.bulwarkAll)];
  const over = (x: number) => (x / plain! - 1).toFixed(3);
  const share = (x: number) => (x / plain!).toFixed(3);
  console.log(
    `cdk synth of the bench app (${units} units), build + synth, CPU time, median of ${repeat} rounds after a warm-up: plain ${plain!.toFixed(0)} ms, empty validation plugin ${empty!.toFixed(0)} ms, Bulwark plugin ${bulwark!.toFixed(0)} ms (of which inside its validate ${own.toFixed(0)} ms), Bulwark plugin writing JSON, SARIF and HTML ${all!.toFixed(0)} ms (of which inside its validate ${ownAll.toFixed(0)} ms)`,
  );
  console.log(
    `plugin_overhead=${over(bulwark!)} empty_plugin_overhead=${over(empty!)} plugin_validate_share=${share(own)}`,
  );
  console.log(`plugin_all_formats_overhead=${over(all!)} plugin_all_formats_validate_share=${share(ownAll)}`);
}
