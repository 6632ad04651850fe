import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { parse } from 'yaml';

// The GitHub Action (action.yml) and the example pull-request workflow: both valid against the
// SchemaStore schemas vendored under test/fixtures/schemas (Apache-2.0, see README there), and the
// Action's own `run:` scripts, read from action.yml, run here on a pair of apps: the same app
// before and after a risky change.

const ROOT = path.resolve(__dirname, '..');
const SCHEMAS = path.join(__dirname, 'fixtures', 'schemas');

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
  readonly 'working-directory'?: string;
}
interface ActionFile {
  readonly inputs: Record<string, { default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { readonly steps: readonly Step[] };
}

const actionText = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
const workflowText = fs.readFileSync(path.join(ROOT, 'examples', 'github', 'bulwark.yml'), 'utf8');
const action = parse(actionText) as ActionFile;

function validator(schema: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, schema), 'utf8')) as object);
}

function step(id: string): Step {
  const s = action.runs.steps.find((x) => x.id === id);
  if (!s) throw new Error(`action.yml has no step with id ${id}`);
  return s;
}

describe('GitHub Action and example workflow: schemas', () => {
  test('examples/github/bulwark.yml is a valid workflow (SchemaStore github-workflow.json)', () => {
    const validate = validator('github-workflow.json');
    expect(validate(parse(workflowText))).toBe(true);
    // The schema rejects what GitHub would: a job without `runs-on` or `uses`.
    const broken = parse(workflowText) as { jobs: { bulwark: Record<string, unknown> } };
    delete broken.jobs.bulwark['runs-on'];
    expect(validate(broken)).toBe(false);
  });

  test('action.yml is valid action metadata (SchemaStore github-action.json)', () => {
    const validate = validator('github-action.json');
    expect(validate(parse(actionText))).toBe(true);
    const broken = parse(actionText) as { runs: Record<string, unknown> };
    broken.runs.using = 'docker-compose';
    expect(validate(broken)).toBe(false);
  });

  test('the example workflow asks for the least permissions: read the code, comment, upload SARIF', () => {
    const wf = parse(workflowText) as { permissions: unknown; on: Record<string, unknown> };
    expect(wf.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      'security-events': 'write',
    });
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
  });

  test('every third-party action is pinned by full commit SHA with its version in a comment', () => {
    const uses = [...`${actionText}\n${workflowText}`.matchAll(/^\s*(?:- )?uses:\s*(\S+)(.*)$/gm)]
      .map((m) => ({ ref: m[1]!, comment: m[2]!.trim() }))
      .filter((u) => !u.ref.startsWith('your-org/bulwark@'));
    expect(uses.map((u) => u.ref.split('@')[0]).sort()).toEqual([
      'actions/checkout',
      'actions/checkout',
      'actions/github-script',
      'actions/setup-node',
      'github/codeql-action/upload-sarif',
    ]);
    for (const u of uses) {
      expect(u.ref).toMatch(/@[0-9a-f]{40}$/);
      expect(u.comment).toMatch(/^# v\d+\.\d+\.\d+$/);
    }
  });

  test('the outputs name the check step, which writes them', () => {
    expect(action.outputs.score?.value).toBe('${{ steps.check.outputs.score }}');
    expect(action.outputs['new-count']?.value).toBe('${{ steps.check.outputs.new-count }}');
    for (const out of ['score', 'new-count', 'exit-code', 'report', 'sarif'])
      expect(step('check').run).toContain(`${out}=`);
  });
});

/**
 * Runs one `run:` step of action.yml in bash as the runner would: its `env:` with the `${{ }}`
 * expressions it uses replaced by `values` (an expression this test does not know fails the test),
 * in its working directory under `workspace`, with `bulwark` on the PATH.
 */
function runStep(
  id: string,
  workspace: string,
  values: Readonly<Record<string, string>>,
  extraEnv: Readonly<Record<string, string>> = {},
): { status: number; stdout: string; stderr: string; outputs: Record<string, string> } {
  const s = step(id);
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
      if (!Object.hasOwn(values, expr))
        throw new Error(`step ${id} uses \${{ ${expr} }}, unknown to this test`);
      return values[expr]!;
    });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) env[k] = expand(String(v));
  const outputFile = path.join(workspace, `${id}.outputs`);
  fs.writeFileSync(outputFile, '');
  const cwd = path.join(workspace, s['working-directory'] ? expand(s['working-directory']) : '.');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', s.run!], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: `${SHIM_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: process.env.HOME ?? os.tmpdir(),
      GITHUB_OUTPUT: outputFile,
      ...env,
      ...extraEnv,
    },
  });
  const outputs: Record<string, string> = {};
  for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, outputs };
}

let SHIM_DIR = '';

/** Whether this CLI has delta mode (`check --baseline`), read from the option table. */
const HAS_DELTA = fs
  .readFileSync(path.join(ROOT, 'lib', 'cli', 'index.ts'), 'utf8')
  .includes("'--baseline <");

describe('GitHub Action: its scripts on an app before and after a risky change', () => {
  let workspace: string;
  let out: string;
  const inputs = (o: Record<string, string>) => ({
    'inputs.working-directory': 'app',
    'inputs.install-command': '',
    // The apps are synthesized by this test; the step still runs the synth command it is given.
    'inputs.synth-command': 'test -d cdk.out',
    'inputs.cloud-assembly': 'cdk.out',
    'inputs.pack': 'all',
    'inputs.fail-on': 'high',
    ...o,
  });

  /** The app: a bucket (one high finding that already exists); the risky change opens SSH to the internet. */
  function synth(dir: string, risky: boolean): void {
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    const stack = new Stack(app, 'Shop');
    new s3.Bucket(stack, 'Orders');
    if (risky) {
      new ec2.CfnSecurityGroup(stack, 'Admin', {
        groupDescription: 'admin access',
        securityGroupIngress: [
          { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0', description: 'ssh' },
        ],
      });
    }
    app.synth();
  }

  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-action-'));
    out = path.join(workspace, 'runner-temp', 'bulwark');
    SHIM_DIR = path.join(workspace, 'runner-temp', 'bulwark-bin');
    fs.mkdirSync(SHIM_DIR, { recursive: true });
    // What the setup step puts on the PATH, pointed at this checkout's sources.
    fs.writeFileSync(
      path.join(SHIM_DIR, 'bulwark'),
      `#!/usr/bin/env bash\nexport TS_NODE_PROJECT=${JSON.stringify(path.join(ROOT, 'tsconfig.json'))}\nexec node -r ${JSON.stringify(require.resolve('ts-node/register/transpile-only'))} ${JSON.stringify(path.join(ROOT, 'bin', 'bulwark.ts'))} "$@"\n`,
      { mode: 0o755 },
    );
    synth(path.join(workspace, '.bulwark-base', 'app'), false);
    synth(path.join(workspace, 'app'), false);
    synth(path.join(workspace, 'after', 'app'), true);
  });
  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

  test('the base step checks the base branch checkout into base.json', () => {
    const r = runStep('base', workspace, inputs({ 'steps.setup.outputs.out': out }));
    expect(r.stdout).not.toContain('::warning::');
    expect(r.status).toBe(0);
    const base = JSON.parse(fs.readFileSync(path.join(out, 'base.json'), 'utf8')) as {
      findings: { ruleId: string; gating: boolean }[];
    };
    expect(base.findings.filter((f) => f.gating).map((f) => f.ruleId)).toEqual(['BW-DP-006']);
  }, 120_000);

  test('without a base report, the check step gates on every high finding: exit-code 1, SARIF and JSON written', () => {
    const dir = path.join(workspace, 'nobase');
    const r = runStep('check', path.join(workspace, 'after'), inputs({ 'steps.setup.outputs.out': dir }));
    expect(r.status).toBe(0);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.outputs['new-count']).toBe('2');
    expect(r.outputs.baseline).toBe('false');
    expect(Number(r.outputs.score)).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(r.outputs.sarif!, 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(fs.readFileSync(path.join(dir, 'comment.md'), 'utf8')).toContain('BW-NS-001');
  }, 180_000);

  // `--baseline` and `--fail-on-new` (delta mode) are skipped, and say so, where they have not landed.
  const withDelta = (name: string, fn: () => void) =>
    HAS_DELTA ? test(name, fn, 180_000) : test.skip(`${name} (skipped: no --baseline in this CLI)`, fn);

  withDelta('--fail-on-new: the unchanged app with an existing high finding exits 0, 0 new', () => {
    const dir = path.join(workspace, 'unchanged');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(out, 'base.json'), path.join(dir, 'base.json'));
    const r = runStep('check', workspace, inputs({ 'steps.setup.outputs.out': dir }));
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ 'exit-code': '0', 'new-count': '0', baseline: 'true' });
  });

  withDelta('--fail-on-new: the change that opens SSH to the internet exits 1 with one new finding', () => {
    const dir = path.join(workspace, 'risky');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(out, 'base.json'), path.join(dir, 'base.json'));
    const r = runStep('check', path.join(workspace, 'after'), inputs({ 'steps.setup.outputs.out': dir }));
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ 'exit-code': '1', 'new-count': '1', baseline: 'true' });
    // The comment is the pull-request summary: verdict first, then the new finding.
    const comment = fs.readFileSync(path.join(dir, 'comment.md'), 'utf8');
    expect(comment.split('\n')[0]).toMatch(/^## ❌ Bulwark: 1 new finding, 1 gating/);
    expect(comment).toMatch(/### New findings \(1\)[\s\S]*BW-NS-001/);
  });

  test('the gate step fails on exit-code 1 and on a missing one, passes on 0', () => {
    const gate = (code: string) =>
      runStep('gate', workspace, {
        'steps.check.outputs.exit-code': code,
        'steps.check.outputs.new-count': '1',
        'inputs.fail-on': 'high',
      }).status;
    expect(gate('0')).toBe(0);
    expect(gate('1')).toBe(1);
    expect(gate('')).toBe(1);
  });
});

describe('GitHub Action: the pull-request comment script', () => {
  type Comment = { id: number; body: string; user: { type: string } };

  /** Runs the github-script step's script against an in-memory pull request. */
  async function post(comments: Comment[], file: string): Promise<void> {
    const script = step('comment').with!.script!;
    const github = {
      paginate: (_fn: unknown, _args: unknown) => Promise.resolve([...comments]),
      rest: {
        issues: {
          listComments: () => undefined,
          updateComment: (a: { comment_id: number; body: string }) => {
            comments.find((c) => c.id === a.comment_id)!.body = a.body;
            return Promise.resolve();
          },
          createComment: (a: { body: string }) => {
            comments.push({ id: comments.length + 1, body: a.body, user: { type: 'Bot' } });
            return Promise.resolve();
          },
        },
      },
    };
    const context = { repo: { owner: 'o', repo: 'r' }, payload: { pull_request: { number: 7 } } };
    const saved = process.env.BULWARK_COMMENT;
    process.env.BULWARK_COMMENT = file;
    try {
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
        ...args: string[]
      ) => (...a: unknown[]) => Promise<void>;
      await new AsyncFunction('require', 'github', 'context', script)(require, github, context);
    } finally {
      if (saved === undefined) delete process.env.BULWARK_COMMENT;
      else process.env.BULWARK_COMMENT = saved;
    }
  }

  test('creates one comment marked <!-- bulwark -->, then updates it; others are left alone; capped in size', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-comment-'));
    try {
      const file = path.join(dir, 'comment.md');
      const comments: Comment[] = [{ id: 1, body: 'LGTM <!-- bulwark -->', user: { type: 'User' } }];
      fs.writeFileSync(file, 'first run');
      await post(comments, file);
      fs.writeFileSync(file, `second run ${'x'.repeat(70_000)}`);
      await post(comments, file);
      expect(comments).toHaveLength(2);
      expect(comments[0]!.body).toBe('LGTM <!-- bulwark -->');
      expect(comments[1]!.body.startsWith('<!-- bulwark -->\nsecond run')).toBe(true);
      expect(comments[1]!.body.length).toBeLessThanOrEqual(65_536);
      expect(comments[1]!.body).toContain('truncated');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
