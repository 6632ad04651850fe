import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, isInputError } from '../../errors';
import type { InlineAcknowledgement, Resource, SourceLocation, TransformOrigin } from '../../graph/resource';
import { isObject, type ResourceRef, type Unknown, type Value, type ValueObject } from '../../graph/values';
import { OPT_OUT_KEY } from '../../cdk/metadata';
import { identitiesOf } from './identities';
import { Resolver } from './intrinsics';
import { checkText, measure, parseJsonTemplate, parseYamlTemplate, type ParsedTemplate } from './parse';
import { expandTransforms } from './transforms';
import { append, type SourceRead } from '../source';
import { withFileBytes } from '../bytes';

export type { TemplateInfo } from '../artifact';

/**
 * What was read from CloudFormation: its `incomplete` lists nested stacks
 * (`AWS::CloudFormation::Stack`) whose template is not in the input.
 */
export type CloudFormationRead = SourceRead;

const NESTED_STACK = 'AWS::CloudFormation::Stack';

/** The nested stacks among `resources` whose templates were not read. */
function unreadNestedStacks(resources: readonly Resource[], read: (logicalId: string) => boolean): string[] {
  return resources
    .filter((r) => r.type === NESTED_STACK && !read(r.logicalId!))
    .map(
      (r) =>
        `nested stack \`${r.address}\` (${NESTED_STACK}): its template is not in the input, so its resources were not checked`,
    );
}

const STACK_SET = 'AWS::CloudFormation::StackSet';
/** How deep stack sets may nest stack sets in their inline templates. */
const MAX_STACK_SET_DEPTH = 4;

/**
 * The templates stack sets carry inline (`TemplateBody`), read as templates of their own: their
 * resources are addressed below the stack set (`Stack/StackSet/LogicalId`) and judged like any other.
 * A stack set whose template is only a URL, is not a string, or cannot be parsed is reported as not
 * checked, never passed.
 */
function readStackSets(
  resources: readonly Resource[],
  file: string,
  stack: string,
  out: CloudFormationRead,
  depth = 0,
): void {
  for (const r of resources) {
    if (r.type !== STACK_SET) continue;
    const body = r.properties.TemplateBody;
    const notChecked = (why: string) =>
      out.incomplete.push(
        `stack set \`${r.address}\` (${STACK_SET}): ${why}, so its resources were not checked`,
      );
    if (body === undefined) {
      notChecked(
        r.properties.TemplateURL !== undefined ? 'its template is named only by URL' : 'it has no template',
      );
      continue;
    }
    if (typeof body !== 'string') {
      notChecked('its `TemplateBody` is not a literal string');
      continue;
    }
    if (depth >= MAX_STACK_SET_DEPTH) {
      notChecked(`its template nests stack sets more than ${MAX_STACK_SET_DEPTH} deep`);
      continue;
    }
    const where = `${file} (TemplateBody of ${r.logicalId})`;
    let parsed: ParsedTemplate;
    try {
      parsed = /^\s*\{/.test(body) ? parseJsonTemplate(where, body) : parseYamlTemplate(where, body);
    } catch (e) {
      if (!isInputError(e)) throw e;
      notChecked(`its \`TemplateBody\` cannot be read (${e.message})`);
      continue;
    }
    const prefix = r.address;
    const inner = toResources(parsed, {
      stack,
      addressPrefix: prefix,
      pseudo: { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' },
    });
    append(out.resources, inner);
    out.templates.push({ stack: prefix, file: where, resources: inner.length });
    append(
      out.incomplete,
      unreadNestedStacks(inner, () => false),
    );
    readStackSets(inner, file, stack, out, depth + 1);
  }
}

const ACK_KEY = 'aws:cdk:acknowledged-rules';

const RULE_ID = /^(?:(?:Bulwark|Annotation|annotation)::)?(BW-[A-Z]{2,3}-\d{3}(?:\[[^\]]+\])?)$/;

/** True when `dir` is a CDK cloud assembly (has a manifest.json). */
export function isCloudAssembly(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'manifest.json'));
}

/** Read a template file (JSON or YAML) into resources. */
export function readTemplateFile(file: string, stackName?: string): CloudFormationRead {
  const parsed = parseTemplateFile(file);
  const stack =
    stackName ?? path.basename(file).replace(/\.template\.(json|ya?ml)$|\.(json|ya?ml|template)$/i, '');
  const resources = toResources(parsed, {
    stack,
    addressPrefix: stack,
    pseudo: { 'AWS::StackName': stack, 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' },
  });
  // A template file alone names nested templates only by URL: none of them is read.
  const out: CloudFormationRead = {
    resources,
    templates: [{ stack, file, resources: resources.length }],
    incomplete: unreadNestedStacks(resources, () => false),
  };
  readStackSets(resources, file, stack, out);
  return out;
}

/** Read every template of a directory that is not a cloud assembly. */
export function readTemplateDirectory(dir: string): CloudFormationRead {
  const names = fs.readdirSync(dir).sort();
  let files = names.filter((n) => /\.template(\.(json|ya?ml))?$/i.test(n));
  if (files.length === 0) files = names.filter((n) => /\.(json|ya?ml)$/i.test(n));
  if (files.length === 0) {
    throw new InputError(
      'BULWARK_NO_TEMPLATES',
      dir,
      'the directory has no templates (*.template.json, *.json, *.yaml) and no cloud assembly manifest.json',
    );
  }
  const out: CloudFormationRead = { resources: [], templates: [], incomplete: [] };
  for (const n of files) {
    const r = readTemplateFile(path.join(dir, n));
    append(out.resources, r.resources);
    append(out.templates, r.templates);
    append(out.incomplete, r.incomplete);
  }
  return out;
}

interface ManifestArtifact {
  type?: string;
  environment?: string;
  displayName?: string;
  properties?: { templateFile?: string; stackName?: string; directoryName?: string };
  metadata?: Record<string, { type: string; data?: unknown }[]>;
  additionalMetadataFile?: string;
}

export interface AssemblyReadOptions {
  /** Read nested assemblies (stages) too. Default true. */
  readonly recurse?: boolean;
  /** Only stacks whose template file (absolute path) is in this set. */
  readonly onlyTemplates?: ReadonlySet<string>;
}

/** Read a CDK cloud assembly: every stack, nested stacks and nested assemblies (stages). */
export function readCloudAssembly(dir: string, opts: AssemblyReadOptions = {}): CloudFormationRead {
  return readAssembly(dir, opts, []);
}

/**
 * Read one assembly; `enclosing` holds the real paths of the assemblies that nest it, the
 * top-level one first: a nested assembly must be inside it.
 */
function readAssembly(dir: string, opts: AssemblyReadOptions, enclosing: string[]): CloudFormationRead {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = readJson(manifestFile) as { artifacts?: Record<string, unknown> };
  if (
    !isObject(manifest as Value) ||
    (manifest.artifacts !== undefined && !isObject(manifest.artifacts as Value))
  ) {
    throw new InputError(
      'BULWARK_ASSEMBLY_INVALID',
      manifestFile,
      'not a cloud assembly manifest: expected an object with `artifacts`',
    );
  }
  const here = [...enclosing, realPath(dir)];
  const out: CloudFormationRead = { resources: [], templates: [], incomplete: [] };
  for (const [id, raw] of Object.entries(manifest.artifacts ?? {})) {
    const art = artifactOf(manifestFile, id, raw);
    if (art.type === 'cdk:cloud-assembly' && art.properties?.directoryName) {
      if (opts.recurse === false) continue;
      const subDir = path.join(dir, art.properties.directoryName);
      const subReal = realPath(subDir);
      if (subReal !== here[0] && !subReal.startsWith(`${here[0]}${path.sep}`)) {
        throw new InputError(
          'BULWARK_ASSEMBLY_INVALID',
          manifestFile,
          `nested assembly \`${id}\` (directory \`${art.properties.directoryName}\`) is outside the cloud assembly`,
        );
      }
      if (here.includes(subReal)) {
        throw new InputError(
          'BULWARK_ASSEMBLY_INVALID',
          manifestFile,
          `nested assembly \`${id}\` (directory \`${art.properties.directoryName}\`) is this assembly or one that contains it: a cycle of nested assemblies`,
        );
      }
      const sub = readAssembly(subDir, opts, here);
      append(out.resources, sub.resources);
      append(out.templates, sub.templates);
      append(out.incomplete, sub.incomplete);
      continue;
    }
    if (art.type !== 'aws:cloudformation:stack') continue;
    const templateFile = art.properties?.templateFile;
    if (!templateFile)
      throw new InputError(
        'BULWARK_ASSEMBLY_INVALID',
        manifestFile,
        `stack artifact \`${id}\` names no templateFile`,
      );
    for (const [field, file] of [
      ['templateFile', templateFile],
      ['additionalMetadataFile', art.additionalMetadataFile],
    ] as const) {
      if (file !== undefined && !insideDirectory(dir, file))
        throw new InputError(
          'BULWARK_ASSEMBLY_INVALID',
          manifestFile,
          `stack artifact \`${id}\`: ${field} \`${file}\` is not a file inside the cloud assembly`,
        );
    }
    if (opts.onlyTemplates && !opts.onlyTemplates.has(path.resolve(dir, templateFile))) continue;
    const stack = art.properties?.stackName ?? art.displayName ?? id;
    const inline = art.metadata ?? {};
    const extraFile = art.additionalMetadataFile ? path.join(dir, art.additionalMetadataFile) : undefined;
    const extra = extraFile ? readFile(extraFile) : undefined;
    const marks = (b: Buffer | string) => b.includes(ACK_KEY) || b.includes(OPT_OUT_KEY);
    const metadata: StackMetadata = {
      file: extraFile ?? manifestFile,
      mayAcknowledge: (extra !== undefined && marks(extra)) || marks(JSON.stringify(inline)),
      load: () => {
        const merged = { ...inline };
        if (extraFile && extra) {
          const parsed = parseJsonValue(extraFile, checkText(extraFile, extra));
          Object.assign(merged, metadataOf(extraFile, id, parsed) ?? {});
        }
        return merged;
      },
    };
    readStack(dir, stack, templateFile, art.environment, metadata, out);
  }
  if (out.templates.length === 0 && !opts.onlyTemplates) {
    throw new InputError(
      'BULWARK_NO_TEMPLATES',
      dir,
      'the cloud assembly has no stacks (run `cdk synth` first?)',
    );
  }
  return out;
}

/** The real path of a directory (links resolved), or the path itself when it cannot be resolved. */
function realPath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Whether `file`, relative to `dir`, names a path strictly inside `dir`. */
function insideDirectory(dir: string, file: string): boolean {
  const rel = path.relative(dir, path.resolve(dir, file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** An artifact entry of a manifest, checked for the fields Bulwark reads. */
function artifactOf(manifestFile: string, id: string, raw: unknown): ManifestArtifact {
  const bad = (what: string) =>
    new InputError('BULWARK_ASSEMBLY_INVALID', manifestFile, `artifact \`${id}\`: ${what}`);
  if (!isPlainObject(raw)) throw bad('is not an object');
  for (const k of ['type', 'environment', 'displayName', 'additionalMetadataFile'] as const) {
    if (raw[k] !== undefined && typeof raw[k] !== 'string') throw bad(`\`${k}\` is not a string`);
  }
  const props = raw.properties;
  if (props !== undefined) {
    if (!isPlainObject(props)) throw bad('`properties` is not an object');
    for (const k of ['templateFile', 'stackName', 'directoryName'] as const) {
      if (props[k] !== undefined && typeof props[k] !== 'string')
        throw bad(`\`properties.${k}\` is not a string`);
    }
  }
  metadataOf(manifestFile, id, raw.metadata);
  return raw as ManifestArtifact;
}

/** Construct metadata (path -> entries), checked for shape. */
function metadataOf(file: string, id: string, raw: unknown): ManifestArtifact['metadata'] {
  if (raw === undefined) return undefined;
  const bad = (what: string) =>
    new InputError('BULWARK_ASSEMBLY_INVALID', file, `metadata of artifact \`${id}\`: ${what}`);
  if (!isPlainObject(raw)) throw bad('is not an object');
  for (const [p, entries] of Object.entries(raw)) {
    if (!Array.isArray(entries)) throw bad(`entries of \`${p}\` are not a list`);
    for (const e of entries) {
      if (!isPlainObject(e) || typeof e.type !== 'string') throw bad(`an entry of \`${p}\` has no \`type\``);
    }
  }
  return raw as ManifestArtifact['metadata'];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stack's construct metadata, read only when needed. */
interface StackMetadata {
  /** The file the metadata comes from (the manifest, or the stack's additional metadata file). */
  readonly file: string;
  /** The metadata may hold acknowledgements or opt-outs (a byte search, before any parsing). */
  readonly mayAcknowledge: boolean;
  load(): Record<string, { type: string; data?: unknown }[]>;
}

/** Whether some resource lacks a construct path in the template, or the stack nests stacks. */
function needsManifestPaths(t: ParsedTemplate): boolean {
  const resources = t.body.Resources as Record<
    string,
    { Type?: unknown; Metadata?: Record<string, unknown> }
  >;
  for (const id in resources) {
    const r = resources[id]!;
    if (r.Type === 'AWS::CloudFormation::Stack') return true;
    if (typeof r.Metadata?.['aws:cdk:path'] !== 'string') return true;
  }
  return false;
}

function readStack(
  dir: string,
  stack: string,
  templateFile: string,
  environment: string | undefined,
  stackMetadata: StackMetadata,
  out: CloudFormationRead,
): void {
  const file = path.join(dir, templateFile);
  const parsed = parseTemplateFile(file);
  // The manifest's construct metadata is needed for construct paths the template does not carry
  // (`aws:cdk:path` is there when the CDK CLI synthesized it), nested stacks and acknowledgements.
  const metadata = stackMetadata.mayAcknowledge || needsManifestPaths(parsed) ? stackMetadata.load() : {};
  // Construct paths from the manifest: path -> logical id, template files of nested stacks, acknowledgements.
  const logicalIdPaths: [string, string][] = [];
  const templateFiles: [string, string][] = [];
  const acks: [string, InlineAcknowledgement[]][] = [];
  for (const [p, entries] of Object.entries(metadata)) {
    for (const e of entries) {
      if (e.type === 'aws:cdk:logicalId' && typeof e.data === 'string') logicalIdPaths.push([p, e.data]);
      else if (e.type === 'aws:cdk:templateFile' && typeof e.data === 'string')
        templateFiles.push([p, e.data]);
      else if (e.type === ACK_KEY && e.data && typeof e.data === 'object') {
        const list: InlineAcknowledgement[] = [];
        for (const [rule, reason] of Object.entries(e.data as Record<string, unknown>)) {
          const m = RULE_ID.exec(rule);
          if (m) list.push({ rule: m[1]!, reason: String(reason) });
        }
        if (list.length) acks.push([p, list]);
      } else if (e.type === OPT_OUT_KEY && e.data && typeof e.data === 'object') {
        const d = e.data as { rule?: unknown; reason?: unknown; prop?: unknown };
        const m = typeof d.rule === 'string' ? RULE_ID.exec(d.rule) : null;
        if (m && typeof d.reason === 'string') {
          acks.push([
            p,
            [
              {
                rule: m[1]!,
                reason: d.reason,
                kind: 'opt-out',
                prop: typeof d.prop === 'string' ? d.prop : undefined,
              },
            ],
          ]);
        }
      }
    }
  }
  const pseudo = pseudoParameters(environment, stack);
  // The stack's own entry: the shortest construct path whose template is the stack's template.
  const rootPath =
    templateFiles
      .filter(([, f]) => f === templateFile)
      .map(([p]) => p)
      .sort((a, b) => a.length - b.length)[0] ?? `/${stack}`;
  const nested = templateFiles.filter(([p]) => p !== rootPath).sort((a, b) => b[0].length - a[0].length);
  const templateOf = (constructPath: string): string =>
    nested.find(([p]) => constructPath.startsWith(`${p}/`))?.[1] ?? templateFile;
  const pathsByTemplate = new Map<string, Map<string, string>>();
  for (const [p, logicalId] of logicalIdPaths) {
    const t = templateOf(p);
    let m = pathsByTemplate.get(t);
    if (!m) pathsByTemplate.set(t, (m = new Map()));
    m.set(logicalId, p.replace(/^\//, ''));
  }
  const acksFor = (constructPath: string | undefined): InlineAcknowledgement[] | undefined => {
    if (!constructPath) return undefined;
    const full = `/${constructPath}`;
    const found = acks.filter(([p]) => full === p || full.startsWith(`${p}/`)).flatMap(([, l]) => l);
    return found.length ? found : undefined;
  };

  const resources = toResources(parsed, {
    stack,
    addressPrefix: stack,
    pseudo,
    paths: pathsByTemplate.get(templateFile),
    acksFor,
  });
  append(out.resources, resources);
  out.templates.push({ stack, file, resources: resources.length });
  // Nested stack resources whose templates are read below, as (parent template, logical id).
  const readNested = new Set<string>();
  const nestedKey = (parentFile: string, logicalId: string) => `${parentFile}\u0000${logicalId}`;
  for (const [nestedPath] of nested) {
    const parentLogicalId = logicalIdPaths.find(([p]) => p.startsWith(`${nestedPath}.NestedStack/`))?.[1];
    if (parentLogicalId) readNested.add(nestedKey(templateOf(nestedPath), parentLogicalId));
  }
  append(
    out.incomplete,
    unreadNestedStacks(resources, (id) => readNested.has(nestedKey(templateFile, id))),
  );
  readStackSets(resources, file, stack, out);

  // Nested stacks: the parent resource's construct path is `<nested path>.NestedStack/...`.
  for (const [nestedPath, nestedFile] of [...nested].reverse()) {
    const parentLogicalId = logicalIdPaths.find(([p]) => p.startsWith(`${nestedPath}.NestedStack/`))?.[1];
    const prefix = `${stack}/${parentLogicalId ?? nestedPath.split('/').pop()}`;
    checkNotOwnAncestor(stackMetadata.file, nestedPath, nestedFile, rootPath, templateFile, nested);
    if (!insideDirectory(dir, nestedFile))
      throw new InputError(
        'BULWARK_ASSEMBLY_INVALID',
        stackMetadata.file,
        `nested stack \`${nestedPath.replace(/^\//, '')}\`: its template file \`${nestedFile}\` is not a file inside the cloud assembly`,
      );
    const nf = path.join(dir, nestedFile);
    const np = parseTemplateFile(nf, `the template of nested stack \`${nestedPath.replace(/^\//, '')}\``);
    const nestedResources = toResources(np, {
      stack,
      addressPrefix: prefix,
      pseudo,
      paths: pathsByTemplate.get(nestedFile),
      acksFor,
    });
    append(out.resources, nestedResources);
    out.templates.push({ stack: prefix, file: nf, resources: nestedResources.length });
    out.incomplete.push(
      ...unreadNestedStacks(nestedResources, (id) => readNested.has(nestedKey(nestedFile, id))),
    );
  }
}

/**
 * A nested stack whose template is the template of the stack or of a nested stack that contains it
 * would nest itself: name the cycle.
 */
function checkNotOwnAncestor(
  manifestFile: string,
  nestedPath: string,
  nestedFile: string,
  rootPath: string,
  rootFile: string,
  nested: readonly [string, string][],
): void {
  const ancestors: [string, string][] = [
    [rootPath, rootFile],
    ...nested.filter(([p]) => p !== nestedPath && nestedPath.startsWith(`${p}/`)),
  ];
  const cycle = ancestors.find(([, f]) => path.normalize(f) === path.normalize(nestedFile));
  if (cycle) {
    const name = (p: string) => p.replace(/^\//, '');
    throw new InputError(
      'BULWARK_ASSEMBLY_INVALID',
      manifestFile,
      `nested stack \`${name(nestedPath)}\` uses template \`${nestedFile}\`, the template of \`${name(cycle[0])}\` that contains it: a cycle of nested stacks`,
    );
  }
}

function pseudoParameters(environment: string | undefined, stack: string): Record<string, string> {
  const out: Record<string, string> = { 'AWS::StackName': stack };
  const m = /^aws:\/\/([^/]+)\/(.+)$/.exec(environment ?? '');
  const account = m?.[1];
  const region = m?.[2];
  if (account && account !== 'unknown-account') out['AWS::AccountId'] = account;
  if (region && region !== 'unknown-region') {
    out['AWS::Region'] = region;
    out['AWS::Partition'] = region.startsWith('cn-')
      ? 'aws-cn'
      : region.startsWith('us-gov-')
        ? 'aws-us-gov'
        : 'aws';
    out['AWS::URLSuffix'] = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  } else {
    out['AWS::Partition'] = 'aws';
    out['AWS::URLSuffix'] = 'amazonaws.com';
  }
  return out;
}

/**
 * A resource read from a template. One class, so every resource has the same shape. It keeps where
 * the template declares it, not the template: the parsed template is released once its resources
 * are read.
 */
class TemplateResource implements Resource {
  readonly source = 'cloudformation' as const;
  readonly tags: Readonly<Record<string, Value>>;
  // Where the template declares the resource (not enumerable: never serialized with the resource).
  readonly #file: string;
  readonly #line: number | undefined;
  readonly #column: number | undefined;

  constructor(
    readonly address: string,
    readonly type: string,
    readonly properties: ValueObject,
    readonly logicalId: string,
    readonly path: string | undefined,
    readonly stack: string,
    template: ParsedTemplate,
    readonly acknowledgements: readonly InlineAcknowledgement[] | undefined,
    readonly condition: string | undefined,
    readonly retainOnDelete: boolean,
    readonly references: readonly ResourceRef[],
    readonly transform: TransformOrigin | undefined,
    readonly identities: readonly (string | Unknown)[],
    /** The template instance the resource was read from: its parameters give its expressions their values. */
    readonly expressionScope: string,
  ) {
    this.tags = tagsOf(properties);
    const at = template.locate(transform?.declaredAs ?? logicalId);
    this.#file = template.file;
    this.#line = at.line;
    this.#column = at.column;
  }

  get location(): SourceLocation {
    return this.#line === undefined
      ? { file: this.#file }
      : { file: this.#file, line: this.#line, column: this.#column };
  }
}

/** Deletion policies that keep a resource's data when its stack is deleted. */
const RETAINING_POLICIES: readonly string[] = ['Retain', 'RetainExceptOnCreate', 'Snapshot'];

interface ToResourcesOptions {
  readonly stack: string;
  readonly addressPrefix: string;
  readonly pseudo: Record<string, string>;
  /** Logical id -> construct path, from the assembly manifest. */
  readonly paths?: ReadonlyMap<string, string>;
  readonly acksFor?: (constructPath: string | undefined) => InlineAcknowledgement[] | undefined;
}

function toResources(t: ParsedTemplate, o: ToResourcesOptions): Resource[] {
  // Transforms (SAM, language extensions) expand first; what they produce points at its declaration.
  const { body, origins } = expandTransforms(t.body);
  const written = t.body.Resources as Record<string, Record<string, unknown>>;
  const declared = body.Resources as Record<string, Record<string, unknown>>;
  const ids = Object.keys(declared);
  const addresses = new Map<string, string>();
  const base = `${o.addressPrefix}/`;
  for (const id of ids) addresses.set(id, base + id);
  const resolver = new Resolver({
    resources: addresses,
    parameters: objectOr(body.Parameters),
    mappings: objectOr(body.Mappings),
    conditions: objectOr(body.Conditions),
    pseudo: o.pseudo,
  });
  const out: Resource[] = [];
  for (const logicalId of ids) {
    const decl = declared[logicalId]!;
    const { value: resolved, refs: references } = resolver.resolveWithRefs(decl.Properties ?? {});
    const properties: ValueObject = isObject(resolved) ? resolved : {};
    const origin = origins.get(logicalId);
    const declaredAs = origin?.declaredAs ?? logicalId;
    const meta = (written[declaredAs] ?? decl).Metadata as Record<string, unknown> | undefined;
    let constructPath =
      (typeof meta?.['aws:cdk:path'] === 'string' ? (meta['aws:cdk:path'] as string) : undefined) ??
      o.paths?.get(declaredAs);
    if (constructPath && origin && !origin.primary) {
      constructPath = `${constructPath}/${origin.part ?? logicalId}`;
    }
    const dp = typeof decl.DeletionPolicy === 'string' ? decl.DeletionPolicy : undefined;
    out.push(
      new TemplateResource(
        addresses.get(logicalId)!,
        String(decl.Type),
        properties,
        logicalId,
        constructPath,
        o.stack,
        t,
        o.acksFor?.(constructPath),
        typeof decl.Condition === 'string' ? decl.Condition : undefined,
        dp === undefined ? false : RETAINING_POLICIES.includes(dp),
        references,
        origin,
        identitiesOrNone(identitiesOf(String(decl.Type), properties, o.pseudo)),
        o.addressPrefix,
      ),
    );
  }
  return out;
}

/** What a resource without tags or identities holds: one shared value, as most resources have none. */
const NO_TAGS: Readonly<Record<string, Value>> = Object.freeze({});
const NO_IDENTITIES: readonly (string | Unknown)[] = Object.freeze([]);

/** Tags from `Tags` as a list of {Key, Value} (most types) or a map (some types). */
function tagsOf(properties: ValueObject): Readonly<Record<string, Value>> {
  const tags = properties.Tags;
  if (tags === undefined) return NO_TAGS;
  const out: Record<string, Value> = {};
  if (Array.isArray(tags)) {
    for (const t of tags) {
      if (isObject(t) && typeof t.Key === 'string' && t.Value !== undefined) out[t.Key] = t.Value;
    }
  } else if (isObject(tags)) {
    for (const [k, v] of Object.entries(tags)) out[k] = v;
  }
  return out;
}

function identitiesOrNone(ids: readonly (string | Unknown)[]): readonly (string | Unknown)[] {
  return ids.length === 0 ? NO_IDENTITIES : ids;
}

function objectOr(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Read and parse a template; `role` says what the file is when it is missing (a nested template). */
function parseTemplateFile(file: string, role?: string): ParsedTemplate {
  return withFileBytes(
    file,
    (bytes) => {
      const text = checkText(file, bytes);
      if (/\.json$/i.test(file) || /^\s*\{/.test(text)) return parseJsonTemplate(file, text, bytes);
      return parseYamlTemplate(file, text);
    },
    (e) => readError(file, e, role),
  );
}

function readFile(file: string, role?: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw readError(file, e, role);
  }
}

/** The input error for a template file that cannot be read. */
function readError(file: string, e: unknown, role?: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new InputError('BULWARK_PATH_NOT_FOUND', file, role ? `no such file (${role})` : 'no such file');
  if (code === 'EISDIR')
    return new InputError('BULWARK_TEMPLATE_INVALID', file, 'is a directory, expected a template file');
  return new InputError('BULWARK_TEMPLATE_INVALID', file, `cannot be read (${code ?? (e as Error).message})`);
}

function readJson(file: string): unknown {
  const text = checkText(file, readFile(file));
  return parseJsonValue(file, text);
}

/** Parse a manifest or metadata file; nesting deeper than any manifest needs is rejected. */
function parseJsonValue(file: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError('BULWARK_ASSEMBLY_INVALID', file, `invalid JSON (${(e as Error).message})`);
  }
  measure(file, value);
  return value;
}
