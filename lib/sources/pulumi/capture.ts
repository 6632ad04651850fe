/**
 * Runs a Pulumi Node.js program under Pulumi's mocks, in preview mode, and records every resource it
 * registers as the engine would receive it: type, name, parent, the serialized inputs (unknowns and
 * secrets as Pulumi encodes them) and which resources each input depends on.
 *
 * This module is loaded alone in the process that runs the program (see `runner.ts`), so it imports
 * Node built-ins only. The program's own `@pulumi/pulumi` is used, resolved from the program
 * directory: mocks set on another copy would not apply to the program's resources.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

/** What the program run is given. */
export interface CaptureRequest {
  /** The program directory (where `Pulumi.yaml` is). */
  readonly dir: string;
  /** The file to load: the program's entry point. */
  readonly main: string;
  readonly project: string;
  readonly stack: string;
  /** Configuration as Pulumi passes it to programs: `<namespace>:<key>` -> string. */
  readonly config: Readonly<Record<string, string>>;
  /** Keys whose value is secret. */
  readonly secretKeys: readonly string[];
}

/** Where a resource's constructor was called. */
export interface CapturedPosition {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/** One resource registration, as the program sent it. */
export interface CapturedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent?: string;
  /** Read from the cloud (`Resource.get`), not managed by the program. */
  readonly external?: boolean;
  /** Serialized inputs: Pulumi's JSON encoding (unknown sentinel, secret and resource-reference signatures). */
  readonly inputs: Record<string, unknown>;
  /** Input property -> URNs of the resources its value comes from. */
  readonly propertyDependencies: Record<string, string[]>;
  readonly protect?: boolean;
  readonly retainOnDelete?: boolean;
  readonly position?: CapturedPosition;
  /**
   * Outputs the cloud computes that the program was given placeholders for (see {@link PLACEHOLDER}):
   * output (`id`, `name`, `properties.vaultUri`) -> the placeholder.
   */
  readonly outputs?: Readonly<Record<string, string>>;
}

/** What a program run gives. */
export interface CaptureResult {
  readonly resources: CapturedResource[];
  /** Provider functions the program called (their results are not known without a cloud). */
  readonly invokes: string[];
  /** The TypeScript that transpiled the program, when it is TypeScript. */
  readonly transpiler?: { readonly path: string; readonly version: string; readonly own: boolean };
  /** Why the program failed, on one line. */
  readonly error?: string;
}

const ROOT_STACK_TYPE = 'pulumi:pulumi:Stack';

/**
 * The shape of a placeholder: what the mocks give a program for an output the cloud computes, in its
 * stead. Lower-case letters and digits, so that it survives the string handling a program may do.
 */
export const PLACEHOLDER = /bwout[0-9a-f]{12}n\d+x/g;

/**
 * Outputs the cloud computes that programs pass on to other resources, by type, besides every custom
 * resource's `id` and `name`: a path in the resource's outputs. Some derive from the inputs (a vault's
 * URI, a key's versionless URI), some are known only after deployment (an identity's principal and
 * client ids, a key version); either way the program gets a placeholder, never a value made up.
 */
const COMPUTED_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  'azure-native:keyvault:Vault': ['properties.vaultUri'],
  'azure-native:keyvault:Key': ['keyUri', 'keyUriWithVersion'],
  'azure-native:managedidentity:UserAssignedIdentity': ['principalId', 'clientId', 'tenantId'],
  'azure-native:operationalinsights:Workspace': ['customerId'],
};

/**
 * Placeholders shaped as the outputs they stand for, so that a program that takes them apart (the
 * resource group of an id, the host of a URI) gets placeholders back, never nothing: each part named
 * here is the placeholder's token. Other outputs are the token alone.
 */
const PLACEHOLDER_SHAPES: Readonly<Record<string, (token: string) => string>> = {
  id: (t) => `/subscriptions/${t}/resourceGroups/${t}/providers/${t}/${t}/${t}`,
  'properties.vaultUri': (t) => `https://${t}.vault.azure.net/`,
  keyUri: (t) => `https://${t}.vault.azure.net/keys/${t}`,
  keyUriWithVersion: (t) => `https://${t}.vault.azure.net/keys/${t}/${t}`,
};

/** Outputs of any resource with a managed identity (`identity` input): its system-assigned principal. */
const IDENTITY_OUTPUTS = ['identity.principalId', 'identity.tenantId'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A resource's outputs in preview: its inputs, and a placeholder (from `next`) for each output the cloud
 * computes that no input sets: `id`, `name` (unless an input is the name) and {@link COMPUTED_OUTPUTS}.
 * A path is filled only where its parent object is known.
 */
export function previewOutputs(
  type: string,
  inputs: Record<string, unknown>,
  next: (output: string) => string,
): Record<string, unknown> {
  const state: Record<string, unknown> = { ...inputs };
  if (typeof state.name !== 'string') state.name = next('name');
  const paths = [...(COMPUTED_OUTPUTS[type] ?? []), ...(isObject(inputs.identity) ? IDENTITY_OUTPUTS : [])];
  for (const p of paths) {
    const keys = p.split('.');
    let at = state;
    for (const k of keys.slice(0, -1)) {
      const child = at[k];
      if (!isObject(child)) {
        at = undefined as unknown as Record<string, unknown>;
        break;
      }
      at = at[k] = { ...child };
    }
    const leaf = keys[keys.length - 1]!;
    if (at && at[leaf] === undefined) at[leaf] = next(p);
  }
  return state;
}

/** Node's `require`, for the modules named at run time: the program and its own Pulumi and TypeScript. */
const load: (id: string) => unknown = Module.createRequire(__filename);

/** The URN the Pulumi engine gives a resource: its type qualified by its parent's, except the root stack's. */
export function urnOf(stack: string, project: string, parent: string, type: string, name: string): string {
  let qualified = type;
  if (parent) {
    const parentType = parent.split('::')[2] ?? '';
    if (parentType !== ROOT_STACK_TYPE) qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** One line of an error: its message without a stack trace. */
export function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}

interface ProtoPosition {
  getUri(): string;
  getLine(): number;
  getColumn(): number;
}
interface ProtoDependencies {
  getUrnsList(): string[];
}
interface ProtoRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom?(): boolean;
  getObject?(): { toJavaScript(): Record<string, unknown> } | undefined;
  getProperties?(): { toJavaScript(): Record<string, unknown> } | undefined;
  getPropertydependenciesMap?(): { forEach(f: (v: ProtoDependencies, k: string) => void): void };
  getProtect?(): boolean | undefined;
  getRetainondelete?(): boolean | undefined;
  getSourceposition?(): ProtoPosition | undefined;
  getTok?(): string;
}
interface ProtoResponse {
  getUrn?(): string;
  getId?(): string;
  getObject?(): { toJavaScript(): Record<string, unknown> } | undefined;
}
type Callback = (err: unknown, resp?: ProtoResponse) => void;
interface Monitor {
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: ProtoRequest, cb: Callback): Promise<void>;
  readResource(req: ProtoRequest, cb: Callback): Promise<void>;
}
interface PulumiModule {
  runtime: {
    setMocks(
      mocks: {
        newResource(a: {
          type: string;
          id?: string;
          custom?: boolean;
          inputs: unknown;
        }): Promise<{ id?: string; state: unknown }>;
        call(a: { token: string }): Promise<Record<string, unknown>>;
      },
      project: string,
      stack: string,
      preview: boolean,
    ): Promise<void>;
    getMonitor(): Monitor;
    setAllConfig(c: Record<string, string>, secretKeys?: string[]): void;
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
    waitForRPCs?(): Promise<void>;
  };
  log?: { hasErrors?(): boolean };
}

function positionOf(p: ProtoPosition | undefined): CapturedPosition | undefined {
  if (!p || !p.getUri()) return undefined;
  const uri = p.getUri();
  let file = uri;
  try {
    if (uri.startsWith('file:')) file = new URL(uri).pathname;
  } catch {
    file = uri;
  }
  return { file, line: p.getLine(), ...(p.getColumn() ? { column: p.getColumn() } : {}) };
}

function dependenciesOf(req: ProtoRequest): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  req.getPropertydependenciesMap?.().forEach((v, k) => {
    const urns = v.getUrnsList();
    if (urns.length > 0) out[k] = [...urns];
  });
  return out;
}

/** Whether a file belongs to the program (under its directory, outside `node_modules`). */
function inProgram(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules');
}

interface TypeScriptModule {
  version: string;
  transpileModule(
    src: string,
    o: { fileName: string; compilerOptions: Record<string, unknown> },
  ): { outputText: string };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2022: number };
}

/**
 * Transpile the program's `.ts` files on `require`: with the program's own TypeScript when it
 * resolves from the program directory, else with the one beside this module.
 */
function hookTypeScript(dir: string): { restore: () => void; transpiler: CaptureResult['transpiler'] } {
  let tsPath: string;
  let own = true;
  try {
    tsPath = require.resolve('typescript', { paths: [dir] });
  } catch {
    own = false;
    try {
      tsPath = require.resolve('typescript');
    } catch {
      throw new Error(
        'the program is TypeScript and `typescript` resolves neither from it nor from Bulwark: add it to the program (npm install --save-dev typescript)',
      );
    }
  }
  const ts = load(tsPath) as TypeScriptModule;
  const extensions = (Module as unknown as { _extensions: Record<string, (m: unknown, f: string) => void> })
    ._extensions;
  const previous = extensions['.ts'];
  extensions['.ts'] = (m: unknown, filename: string) => {
    if (!inProgram(dir, filename)) {
      if (previous) return previous(m, filename);
      throw new Error(`${filename}: a TypeScript file outside the program is not transpiled`);
    }
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        inlineSourceMap: true,
      },
    });
    (m as { _compile(code: string, f: string): void })._compile(out.outputText, filename);
  };
  return {
    restore: () => {
      if (previous) extensions['.ts'] = previous;
      else delete extensions['.ts'];
    },
    transpiler: { path: tsPath, version: ts.version, own },
  };
}

/**
 * Run the program under Pulumi's mocks in preview mode: resources are registered but nothing is
 * created. An output the cloud computes (an id, a name, a vault's URI, an identity's principal id) is
 * given to the program as a placeholder, which the reader turns back into a reference to the resource
 * it belongs to: a value computed from it in the program (azure-native fills the defaults of nested
 * inputs such as a storage account's `encryption` in an `apply`) is then known but for that
 * reference, where `pulumi preview` would make all of it unknown. Any other output stays unknown, and
 * so does every value computed from it. Resolves when every registration has settled.
 * `program`, when given, is run instead of loading `req.main` (a program built in the calling process,
 * such as a rule case).
 */
export async function capture(req: CaptureRequest, program?: () => unknown): Promise<CaptureResult> {
  let pulumiPath: string;
  try {
    pulumiPath = require.resolve('@pulumi/pulumi', { paths: [req.dir] });
  } catch {
    return {
      resources: [],
      invokes: [],
      error:
        '@pulumi/pulumi does not resolve from the program directory: install its dependencies (npm install)',
    };
  }
  const pulumi = load(pulumiPath) as PulumiModule;
  const resources: CapturedResource[] = [];
  const invokes = new Set<string>();
  const failures: string[] = [];
  const onRejection = (e: unknown) => failures.push(oneLine(e));
  process.on('unhandledRejection', onRejection);
  let ts: ReturnType<typeof hookTypeScript> | undefined;
  try {
    ts = /\.tsx?$/.test(req.main) ? hookTypeScript(req.dir) : undefined;
  } catch (e) {
    process.off('unhandledRejection', onRejection);
    return { resources: [], invokes: [], error: oneLine(e) };
  }
  // Positions are those of the program's own files: Node maps them through the transpiler's source
  // maps, unless a stack-trace hook installed before (a TypeScript loader's) maps them otherwise.
  const sourceMaps = process.sourceMapsEnabled;
  const prepare = Error.prepareStackTrace;
  process.setSourceMapsEnabled(true);
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  // Placeholders given for computed outputs: placeholder -> output, until the registration is recorded.
  const run = randomBytes(6).toString('hex');
  let count = 0;
  const pending = new Map<string, string>();
  const next = (output: string): string => {
    const token = `bwout${run}n${count++}x`;
    const value = PLACEHOLDER_SHAPES[output]?.(token) ?? token;
    pending.set(value, output);
    return value;
  };
  /** The placeholders a registration's response carries: output -> placeholder. */
  const placeholdersIn = (resp: ProtoResponse): Record<string, string> | undefined => {
    const out: Record<string, string> = {};
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        const output = pending.get(v);
        if (output !== undefined) {
          out[output] = v;
          pending.delete(v);
        }
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (isObject(v)) Object.values(v).forEach(walk);
    };
    walk(resp.getId?.());
    walk(resp.getObject?.()?.toJavaScript());
    return Object.keys(out).length > 0 ? out : undefined;
  };
  try {
    await pulumi.runtime.setMocks(
      {
        // A custom resource's computed outputs are placeholders (the reader links them back to it); a
        // component's state is its inputs.
        newResource: async (a) =>
          a.custom === false || !isObject(a.inputs)
            ? { id: a.id, state: a.inputs }
            : {
                id: a.id || next('id'),
                state: previewOutputs(a.type, a.inputs, next),
              },
        call: async (a) => {
          invokes.add(a.token);
          return {};
        },
      },
      req.project,
      req.stack,
      true,
    );
    const monitor = pulumi.runtime.getMonitor();
    monitor.newUrn = (parent, type, name) => urnOf(req.stack, req.project, parent, type, name);
    const record = (r: ProtoRequest, external: boolean, urn: string, resp: ProtoResponse) => {
      const outputs = placeholdersIn(resp);
      const inputs = (external ? r.getProperties?.() : r.getObject?.())?.toJavaScript() ?? {};
      resources.push({
        urn,
        type: r.getType(),
        name: r.getName(),
        custom: external ? true : (r.getCustom?.() ?? true),
        ...(r.getParent() ? { parent: r.getParent() } : {}),
        ...(external ? { external: true } : {}),
        inputs,
        propertyDependencies: dependenciesOf(r),
        ...(r.getProtect?.() ? { protect: true } : {}),
        ...(r.getRetainondelete?.() ? { retainOnDelete: true } : {}),
        ...(positionOf(r.getSourceposition?.()) ? { position: positionOf(r.getSourceposition?.()) } : {}),
        ...(outputs ? { outputs } : {}),
      });
    };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (r, cb) =>
      register(r, (err, resp) => {
        if (!err && resp?.getUrn) record(r, false, resp.getUrn(), resp);
        cb(err, resp);
      });
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (r, cb) =>
      read(r, (err, resp) => {
        if (!err && resp?.getUrn) record(r, true, resp.getUrn(), resp);
        cb(err, resp);
      });
    pulumi.runtime.setAllConfig({ ...req.config }, [...req.secretKeys]);
    await pulumi.runtime.runInPulumiStack(async () => {
      const exported = program ?? load(req.main);
      const fn =
        typeof exported === 'function'
          ? exported
          : typeof (exported as { default?: unknown } | null)?.default === 'function'
            ? (exported as { default: () => unknown }).default
            : undefined;
      return fn ? await (fn as () => unknown)() : exported;
    });
    await pulumi.runtime.waitForRPCs?.();
    // Rejections surface on the next turns of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    if (failures.length > 0)
      return { resources, invokes: [...invokes], error: failures[0], transpiler: ts?.transpiler };
    if (pulumi.log?.hasErrors?.())
      return {
        resources,
        invokes: [...invokes],
        error: 'the program logged errors',
        transpiler: ts?.transpiler,
      };
    return { resources, invokes: [...invokes], transpiler: ts?.transpiler };
  } catch (e) {
    return { resources, invokes: [...invokes], error: oneLine(e), transpiler: ts?.transpiler };
  } finally {
    process.off('unhandledRejection', onRejection);
    process.setSourceMapsEnabled(sourceMaps);
    if (prepare) Error.prepareStackTrace = prepare;
    ts?.restore();
  }
}
