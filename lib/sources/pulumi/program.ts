import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../errors';
import type { SourceLocation } from '../../graph/resource';
import type { SourceRead } from '../source';
import type { CaptureRequest, CaptureResult, CapturedResource } from './capture';
import { readProject } from './project';
import { pulumiAdapters } from './adapters';
import { notJudged, toResources, type PulumiRecord } from './resource';

/** How long a program may run before it is stopped and reported. */
export const PROGRAM_TIMEOUT_MS = 300_000;

/**
 * The command that runs `runner` in a new Node.js process: the compiled runner as it is, the
 * TypeScript one (from a source checkout) through ts-node.
 */
function runnerCommand(env: NodeJS.ProcessEnv): string[] {
  const compiled = path.join(__dirname, 'runner.js');
  if (fs.existsSync(compiled)) return [compiled];
  // ts-node compiles the runner with Bulwark's settings, not those of a tsconfig near the program.
  env.TS_NODE_PROJECT = path.resolve(__dirname, '../../../tsconfig.json');
  return ['-r', require.resolve('ts-node/register/transpile-only'), path.join(__dirname, 'runner.ts')];
}

/** The line of a crashed process's standard error that says why: its first error line, else its last. */
function whyCrashed(stderr: string, status: number | null): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line =
    lines.find((l) => /^(\w*Error\b|error TS\d+)/.test(l)) ?? lines.pop() ?? `exit code ${String(status)}`;
  return line.slice(0, 300);
}

/** Run the program in its own Node.js process under Pulumi's mocks and return what it registered. */
function runCapture(request: CaptureRequest, label: string): CaptureResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-pulumi-'));
  try {
    const requestFile = path.join(tmp, 'request.json');
    const resultFile = path.join(tmp, 'result.json');
    fs.writeFileSync(requestFile, JSON.stringify(request));
    const env = { ...process.env };
    // The program runs against mocks, never against an engine a calling Pulumi CLI set up.
    for (const k of Object.keys(env))
      if (/^PULUMI_(CONFIG|MONITOR|ENGINE|PROJECT|STACK|DRY_RUN)/.test(k)) delete env[k];
    const run = spawnSync(process.execPath, [...runnerCommand(env), requestFile, resultFile], {
      cwd: request.dir,
      env,
      encoding: 'utf8',
      // What the program prints is its own; only its error output tells why a run crashed.
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: PROGRAM_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
      throw new InputError(
        'BULWARK_TEMPLATE_INVALID',
        label,
        `the program did not finish within ${PROGRAM_TIMEOUT_MS / 1000} s`,
      );
    if (!fs.existsSync(resultFile)) {
      throw new InputError(
        'BULWARK_TEMPLATE_INVALID',
        label,
        `the program could not be run (${whyCrashed(run.stderr ?? '', run.status)})`,
      );
    }
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as CaptureResult;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The records of captured resources, each located by `locate`. */
export function capturedRecords(
  captured: readonly CapturedResource[],
  locate: (r: CapturedResource) => SourceLocation,
): PulumiRecord[] {
  return captured.map((r) => ({
    urn: r.urn,
    type: r.type,
    custom: r.custom,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.external ? { external: true } : {}),
    inputs: r.inputs,
    propertyDependencies: r.propertyDependencies,
    ...(r.protect ? { protect: true } : {}),
    ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
    ...(r.outputs ? { placeholders: r.outputs } : {}),
    locate: () => locate(r),
  }));
}

/**
 * Read a Pulumi program: run it under Pulumi's mocks with the configuration of one stack (`stack`,
 * or the only stack file) and read every resource it registers. A program that throws is an input
 * error naming it.
 */
export function readProgram(projectFile: string, stack: string | undefined): SourceRead {
  const redacted = `bulwark-redacted-${randomBytes(12).toString('hex')}`;
  const project = readProject(projectFile, stack, redacted);
  const result = runCapture(
    {
      dir: project.dir,
      main: project.main,
      project: project.name,
      stack: project.stack,
      config: project.config,
      secretKeys: project.secretKeys,
    },
    project.main,
  );
  if (result.error !== undefined)
    throw new InputError('BULWARK_TEMPLATE_INVALID', project.main, `the program failed: ${result.error}`);

  const byUrn = new Map(result.resources.map((r) => [r.urn, r]));
  const inProgram = (file: string): boolean => {
    const rel = path.relative(project.dir, file);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules');
  };
  // Where the resource is declared in the program: its own constructor call, else the nearest
  // parent's (a resource a library component creates), else the project file.
  const locate = (r: CapturedResource): SourceLocation => {
    const seen = new Set<string>();
    for (let cur: CapturedResource | undefined = r; cur && !seen.has(cur.urn);) {
      seen.add(cur.urn);
      const p = cur.position;
      if (p && inProgram(p.file))
        return { file: p.file, line: p.line, ...(p.column !== undefined ? { column: p.column } : {}) };
      cur = cur.parent ? byUrn.get(cur.parent) : undefined;
    }
    return { file: project.file };
  };
  const records = capturedRecords(result.resources, locate);
  const resources = toResources(records, (s) => s.includes(redacted));
  const incomplete = [...result.invokes]
    .sort()
    .map(
      (token) =>
        `${project.main}: the program calls \`${token}\`, whose result is known only with a cloud: what it returned was read as absent`,
    );
  return {
    resources,
    templates: [
      { stack: `${project.name}/${project.stack}`, file: project.file, resources: resources.length },
    ],
    incomplete: [...incomplete, ...notJudged(resources, pulumiAdapters(), project.main)],
  };
}
