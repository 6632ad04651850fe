import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBenchApp } from './app';

/**
 * `npm run bench -- --scale [--resources N --repeat R]`: the bench app's templates copied into a
 * temporary directory until it holds at least N resources (default 100,000); then the median of R
 * runs (after a warm-up) of a bare read and `JSON.parse` of those files, in this process, and of the
 * CLI end to end on them (`bulwark check <dir> --format json --output <file>`, the compiled package
 * in a child process, its start-up included), with the child's peak resident memory. Times are CPU
 * time (user + system), which a loaded machine stretches far less than wall time. Prints one line:
 * `scale_resources=… bare_parse_ms=… check_ms=… ratio=… peak_rss_mb=…`.
 */
export function runScale(argv: readonly string[]): void {
  const arg = (name: string, def: number) => {
    const i = argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(argv[i + 1]) : def;
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
    return v;
  };
  const target = arg('resources', 100_000);
  const repeat = arg('repeat', 3);
  const root = path.join(__dirname, '..');
  const assembly = path.join(root, '.bench', 'scale', 'cdk.out');
  fs.rmSync(assembly, { recursive: true, force: true });
  buildBenchApp(800, assembly).synth();
  const templates = fs
    .readdirSync(assembly)
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => path.join(assembly, f));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-scale-'));
  const report = path.join(dir, 'report', 'bulwark.report.json');
  const input = path.join(dir, 'templates');
  fs.mkdirSync(input);
  try {
    let resources = 0;
    for (let copy = 0; resources < target; copy++) {
      for (const t of templates) {
        const text = fs.readFileSync(t, 'utf8');
        fs.writeFileSync(path.join(input, `C${copy}${path.basename(t)}`), text);
        resources += Object.keys((JSON.parse(text) as { Resources: object }).Resources).length;
      }
    }
    const files = fs.readdirSync(input).map((f) => path.join(input, f));

    const bare = median(repeat, () => {
      const before = process.cpuUsage();
      let n = 0;
      for (const f of files)
        n += Object.keys((JSON.parse(fs.readFileSync(f, 'utf8')) as { Resources: object }).Resources).length;
      if (n !== resources) throw new Error(`bare parse read ${n} resources, expected ${resources}`);
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    });

    // The CLI as a package user runs it: compiled (incremental build into dist/).
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
    const bin = path.join(root, 'dist', 'bin', 'bulwark.js');
    const usageFile = path.join(dir, 'usage.json');
    const usageHook = path.join(dir, 'usage.js');
    // Written by the child itself on exit: its peak resident set (kilobytes) and CPU time (microseconds).
    fs.writeFileSync(
      usageHook,
      `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); });\n`,
    );
    let peakKb = 0;
    let checked = 0;
    const check = median(repeat, () => {
      const run = spawnSync(
        process.execPath,
        ['-r', usageHook, bin, 'check', input, '--format', 'json', '--output', report],
        { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (run.status !== 0 && run.status !== 1) {
        throw new Error(`bulwark check exited ${run.status}: ${run.stderr}`);
      }
      const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpu: number };
      peakKb = Math.max(peakKb, usage.maxRSS);
      checked = (JSON.parse(fs.readFileSync(report, 'utf8')) as { summary: { resources: number } }).summary
        .resources;
      return usage.cpu / 1000;
    });
    if (checked !== resources)
      throw new Error(`the report counts ${checked} resources, expected ${resources}`);
    console.log(
      `scale: ${files.length} templates (the bench app's ${templates.length}, copied), repeat=${repeat} (median CPU time after a warm-up); check = \`bulwark check <dir> --format json --output <file>\`, compiled, in a child process`,
    );
    console.log(
      `scale_resources=${resources} bare_parse_ms=${bare.toFixed(0)} check_ms=${check.toFixed(0)} ratio=${(check / bare).toFixed(1)} peak_rss_mb=${(peakKb / 1024).toFixed(0)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Median of the CPU milliseconds `fn` reports over `n` runs, after one warm-up run. */
function median(n: number, fn: () => number): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(fn());
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}
