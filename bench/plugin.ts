import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

type Variant = 'plain' | 'empty' | 'bulwark';

/**
 * The CDK plugin's own cost: build and synthesize the bench app of `units` units plain, with an empty
 * validation plugin and with Bulwark's plugin (its defaults: text report rendered, JSON, SARIF and HTML
 * written into the cloud assembly), in turn, `repeat` rounds after a warm-up round; the medians of
 * the process's CPU time (steadier than wall time on a shared machine) as ratios to plain synthesis. Prints `plugin_overhead=… empty_plugin_overhead=…` (fractions over
 * plain synth) and `plugin_validate_share=…` (CPU time inside the plugin's `validate` over plain synth:
 * the steadier figure on a shared machine).
 */
export function runPluginOverhead(units: number, repeat: number): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-bench-'));
  const times: Record<Variant, number[]> = { plain: [], empty: [], bulwark: [] };
  /** CPU time inside the Bulwark plugin's `validate`, a round at a time. */
  const validate: number[] = [];
  // CDK prints a failed validation's report with console.error; the bench keeps its own output.
  const consoleError = console.error;
  try {
    console.error = () => undefined;
    for (let round = 0; round <= repeat; round++) {
      for (const variant of ['plain', 'empty', 'bulwark'] as const) {
        const outdir = path.join(root, `${variant}-${round}`);
        const t = process.cpuUsage();
        const app = buildBenchApp(units, outdir);
        if (variant === 'empty') Validations.of(app).addPlugins(new EmptyPlugin());
        if (variant === 'bulwark') {
          const plugin = new BulwarkValidationPlugin({ out: () => undefined });
          const inner = plugin.validate.bind(plugin);
          plugin.validate = (context) => {
            const v = process.cpuUsage();
            try {
              return inner(context);
            } finally {
              const used = process.cpuUsage(v);
              if (round > 0) validate.push((used.user + used.system) / 1000);
            }
          };
          Validations.of(app).addPlugins(plugin);
        }
        try {
          app.synth();
        } catch (e) {
          // The bench app has mandatory findings: synthesis fails after validation, as intended.
          if (variant !== 'bulwark') throw e;
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
  const [plain, empty, bulwark] = [med(times.plain), med(times.empty), med(times.bulwark)];
  const own = med(validate);
  console.log(
    `cdk synth of the bench app (${units} units), build + synth, CPU time, median of ${repeat} rounds after a warm-up: plain ${plain.toFixed(0)} ms, empty validation plugin ${empty.toFixed(0)} ms, Bulwark plugin ${bulwark.toFixed(0)} ms (of which inside its validate ${own.toFixed(0)} ms)`,
  );
  console.log(
    `plugin_overhead=${(bulwark / plain - 1).toFixed(3)} empty_plugin_overhead=${(empty / plain - 1).toFixed(3)} plugin_validate_share=${(own / plain).toFixed(3)}`,
  );
}
