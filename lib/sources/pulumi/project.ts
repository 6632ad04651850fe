import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../../errors';

/** The project files a Pulumi program directory is recognised by. */
export const PROJECT_FILES = ['Pulumi.yaml', 'Pulumi.yml'] as const;

/** A Pulumi project: `Pulumi.yaml`, the program's entry point, and the stack's configuration. */
export interface PulumiProject {
  readonly dir: string;
  /** The `Pulumi.yaml` file. */
  readonly file: string;
  readonly name: string;
  /** The program's entry point. */
  readonly main: string;
  readonly stack: string;
  /** The stack file read (`Pulumi.<stack>.yaml`). */
  readonly stackFile: string;
  /** Configuration as Pulumi gives it to programs: `<namespace>:<key>` -> string. */
  readonly config: Record<string, string>;
  /** Keys whose value is `secure:` in the stack file. */
  readonly secretKeys: string[];
}

/** The project file of a directory, or the file itself when it is one; undefined otherwise. */
export function projectFileOf(p: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return undefined;
  }
  if (stat.isFile()) return (PROJECT_FILES as readonly string[]).includes(path.basename(p)) ? p : undefined;
  if (!stat.isDirectory()) return undefined;
  for (const name of PROJECT_FILES) {
    const f = path.join(p, name);
    if (fs.existsSync(f)) return f;
  }
  return undefined;
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError('BULWARK_TEMPLATE_INVALID', file, `cannot be read (${(e as Error).message})`);
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const where = first.linePos?.[0];
    throw new InputError(
      'BULWARK_TEMPLATE_PARSE',
      where ? `${file}:${where.line}:${where.col}` : file,
      `not valid YAML (${first.message.split('\n')[0]})`,
    );
  }
  return doc.toJS() as unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A configuration value as Pulumi passes it to a program: strings as they are, others as JSON. */
function configString(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * A stack file value with every `secure:` leaf replaced by `redacted`: the ciphertext is never
 * given to the program, and the value read from it becomes a redacted unknown.
 */
function redactSecure(v: unknown, redacted: string): { value: unknown; secret: boolean } {
  if (isRecord(v)) {
    if (Object.keys(v).length === 1 && typeof v.secure === 'string') return { value: redacted, secret: true };
    let secret = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const r = redactSecure(x, redacted);
      secret ||= r.secret;
      out[k] = r.value;
    }
    return { value: out, secret };
  }
  if (Array.isArray(v)) {
    let secret = false;
    const value = v.map((x) => {
      const r = redactSecure(x, redacted);
      secret ||= r.secret;
      return r.value;
    });
    return { value, secret };
  }
  return { value: v, secret: false };
}

/** `key` namespaced by the project when it has no namespace, as Pulumi reads project configuration. */
function qualified(project: string, key: string): string {
  return key.includes(':') ? key : `${project}:${key}`;
}

/** The program's entry point: `main` of `Pulumi.yaml`, else `package.json`'s, else `index.ts` or `index.js`. */
function entryPoint(dir: string, file: string, main: unknown): string {
  const candidates = (base: string): string[] => [base, `${base}.ts`, `${base}.js`];
  const inDir = (d: string): string | undefined => {
    const pkg = path.join(d, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const m = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { main?: unknown }).main;
        if (typeof m === 'string') {
          const base = path.resolve(d, m);
          // A TypeScript program's package.json often names the compiled file; its source is read.
          for (const c of [...candidates(base), base.replace(/\.js$/, '.ts')])
            if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
        }
      } catch {
        // An unreadable package.json names no entry point.
      }
    }
    for (const n of ['index.ts', 'index.js']) if (fs.existsSync(path.join(d, n))) return path.join(d, n);
    return undefined;
  };
  if (main !== undefined) {
    if (typeof main !== 'string')
      throw new InputError('BULWARK_TEMPLATE_INVALID', file, '`main` is not a path');
    const p = path.resolve(dir, main);
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      const e = inDir(p);
      if (e) return e;
    } else for (const c of candidates(p)) if (fs.existsSync(c)) return c;
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      `\`main\` names \`${main}\`, which holds no program`,
    );
  }
  const e = inDir(dir);
  if (!e)
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      'the program has no entry point: no `main`, no package.json `main`, no index.ts or index.js',
    );
  return e;
}

/**
 * Read a Pulumi project and the configuration of one of its stacks. The stack is `stack` when
 * given; otherwise the only `Pulumi.<stack>.yaml` beside the project file. `redacted` replaces every
 * `secure:` value.
 */
export function readProject(projectFile: string, stack: string | undefined, redacted: string): PulumiProject {
  const dir = path.dirname(path.resolve(projectFile));
  const body = readYaml(projectFile);
  if (!isRecord(body))
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      projectFile,
      'not a Pulumi project: the top level is not a map',
    );
  const name = body.name;
  if (typeof name !== 'string' || name === '')
    throw new InputError('BULWARK_TEMPLATE_INVALID', projectFile, 'not a Pulumi project: it has no `name`');
  const runtime = isRecord(body.runtime) ? body.runtime.name : body.runtime;
  if (runtime !== 'nodejs')
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      projectFile,
      `runtime \`${String(runtime)}\` is not run: Bulwark runs Node.js programs; check a \`pulumi preview --json\` or \`pulumi stack export\` file instead`,
    );
  const main = entryPoint(dir, projectFile, body.main);

  const stackDir = typeof body.stackConfigDir === 'string' ? path.resolve(dir, body.stackConfigDir) : dir;
  const stacks = fs
    .readdirSync(stackDir)
    .map((n) => /^Pulumi\.(.+)\.ya?ml$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ stack: m[1]!, file: path.join(stackDir, m[0]) }))
    .sort((a, b) => (a.stack < b.stack ? -1 : a.stack > b.stack ? 1 : 0));
  let chosen: { stack: string; file: string } | undefined;
  if (stack !== undefined) {
    chosen = stacks.find((s) => s.stack === stack);
    if (!chosen)
      throw new InputError(
        'BULWARK_STACK_NOT_FOUND',
        path.join(stackDir, `Pulumi.${stack}.yaml`),
        `no such stack file${stacks.length ? ` (stacks here: ${stacks.map((s) => s.stack).join(', ')})` : ''}`,
      );
  } else if (stacks.length === 1) chosen = stacks[0];
  else if (stacks.length === 0)
    throw new InputError(
      'BULWARK_STACK_NOT_FOUND',
      projectFile,
      'no stack file (`Pulumi.<stack>.yaml`) beside the project: create one, or check a preview or export instead',
    );
  else
    throw new InputError(
      'BULWARK_USAGE',
      projectFile,
      `several stacks (${stacks.map((s) => s.stack).join(', ')}): choose one with --stack`,
    );

  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  // Project-level defaults first (`key: value` or `key: { default: value }`), then the stack's values.
  if (isRecord(body.config)) {
    for (const [k, v] of Object.entries(body.config)) {
      const value = isRecord(v) && ('default' in v || 'type' in v || 'description' in v) ? v.default : v;
      if (value !== undefined && value !== null) config[qualified(name, k)] = configString(value);
    }
  }
  const stackBody = readYaml(chosen!.file);
  if (stackBody !== null && stackBody !== undefined && !isRecord(stackBody))
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      chosen!.file,
      'not a stack file: the top level is not a map',
    );
  const stackConfig = isRecord(stackBody) ? stackBody.config : undefined;
  if (stackConfig !== undefined && stackConfig !== null && !isRecord(stackConfig))
    throw new InputError('BULWARK_TEMPLATE_INVALID', chosen!.file, '`config` is not a map');
  for (const [k, v] of Object.entries(stackConfig ?? {})) {
    const key = qualified(name, k);
    const r = redactSecure(v, redacted);
    config[key] = configString(r.value);
    if (r.secret) secretKeys.push(key);
  }
  return {
    dir,
    file: path.resolve(projectFile),
    name,
    main,
    stack: chosen!.stack,
    stackFile: chosen!.file,
    config,
    secretKeys,
  };
}
