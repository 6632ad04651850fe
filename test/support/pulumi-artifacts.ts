/**
 * What the Pulumi CLI would write for a program, assembled from what the program registered under
 * Pulumi's mocks (lib/sources/pulumi/capture.ts), for tests where no Pulumi CLI runs:
 *
 * - {@link previewJson}: `pulumi preview --json` on an empty stack (a preview digest: `config` with
 *   secrets blinded, one `create` step per resource, `newState` with the inputs the engine received;
 *   values from other resources are the unknown sentinel, secrets `[secret]`; the placeholders the
 *   mocks give for computed outputs are unknown too, each string holding one becoming the sentinel);
 * - {@link stackExport}: `pulumi stack export` after `pulumi up` (an untyped deployment of version 3,
 *   the root stack and the default provider included): each resource has its Azure resource id and
 *   name, the provider's auto-name among its inputs, and the values it took from other resources filled
 *   in with their `id` or `name` output (the input's key says which); secrets are ciphertexts;
 * - {@link policyResources}: the resources a CrossGuard stack validation receives.
 *
 * The shapes are those of test/fixtures/pulumi/hand-assembled/. Only what the program determines is
 * written; an input whose value the program could not tell and no other resource's id or name fills
 * (an `apply` on an unknown) cannot be assembled, and throws.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { unknownCheckingProxy, type PolicyResource } from '@pulumi/policy';
import { PLACEHOLDER, type CapturedResource, type CaptureResult } from '../../lib/sources/pulumi/capture';
import { SIG, SIG_KEY, UNKNOWN_SENTINEL } from '../../lib/sources/pulumi/values';

const ROOT_STACK = 'pulumi:pulumi:Stack';
const PROVIDER_VERSION = '3.28.0';
const TIME = '2026-12-04T10:12:31.418Z';

/** What the CLI knows besides the resources: the stack's configuration and the program directory. */
export interface ArtifactContext {
  readonly project: string;
  readonly stack: string;
  /** The program directory: source positions are written relative to it (`project:///index.ts#12,15`). */
  readonly dir: string;
  /** Configuration as the program was given it (`<namespace>:<key>` -> string). */
  readonly config: Readonly<Record<string, string>>;
  readonly secretKeys?: readonly string[];
  /** The subscription the stack deploys to, for Azure resource ids. */
  readonly subscriptionId: string;
}

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isSecret(v: unknown): v is { value: unknown } {
  return isRecord(v) && v[SIG_KEY] === SIG.secret;
}

/** Map every secret of a value. */
function mapSecrets(v: unknown, f: (plain: unknown) => unknown): unknown {
  if (isSecret(v)) return f(v.value);
  if (Array.isArray(v)) return v.map((x) => mapSecrets(x, f));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapSecrets(x, f)]));
  return v;
}

/** Placeholder (the value the program was given) -> the resource and the computed output it stands for. */
type Placeholders = ReadonlyMap<string, { readonly urn: string; readonly output: string }>;

function placeholdersOf(resources: readonly CapturedResource[]): Placeholders {
  const out = new Map<string, { urn: string; output: string }>();
  for (const r of resources)
    for (const [output, token] of Object.entries(r.outputs ?? {})) out.set(token, { urn: r.urn, output });
  return out;
}

/** A value with each string that holds a placeholder replaced by `f` of it. */
function mapPlaceholders(v: unknown, f: (s: string) => unknown): unknown {
  if (typeof v === 'string') return v.match(PLACEHOLDER) ? f(v) : v;
  if (Array.isArray(v)) return v.map((x) => mapPlaceholders(x, f));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapPlaceholders(x, f)]));
  return v;
}

/** Inputs as the engine receives them in preview: what was computed from a placeholder is unknown. */
function previewInputs(r: CapturedResource): Json {
  return mapPlaceholders(r.inputs, () => UNKNOWN_SENTINEL) as Json;
}

function shortHash(s: string, n = 8): string {
  return createHash('sha256').update(s).digest('hex').slice(0, n);
}

/** `project:///index.ts#12,15`, as the engine records a constructor call in the program. */
function sourcePosition(ctx: ArtifactContext, r: CapturedResource): string | undefined {
  const p = r.position;
  if (!p) return undefined;
  const rel = path.relative(ctx.dir, p.file);
  if (rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).includes('node_modules'))
    return undefined;
  return `project:///${rel.split(path.sep).join('/')}#${p.line}${p.column !== undefined ? `,${p.column}` : ''}`;
}

function rootStackUrn(ctx: ArtifactContext): string {
  return `urn:pulumi:${ctx.stack}::${ctx.project}::${ROOT_STACK}::${ctx.project}-${ctx.stack}`;
}

function providerUrn(ctx: ArtifactContext, id: string): string {
  return `urn:pulumi:${ctx.stack}::${ctx.project}::pulumi:providers:azure-native::default_${PROVIDER_VERSION.replace(/\./g, '_')}::${id}`;
}

/** The root stack first, as the engine registers it. */
function ordered(captured: CaptureResult): CapturedResource[] {
  const roots = captured.resources.filter((r) => r.type === ROOT_STACK);
  return [...roots, ...captured.resources.filter((r) => r.type !== ROOT_STACK)];
}

function dependenciesOf(r: CapturedResource): string[] {
  return [...new Set(Object.values(r.propertyDependencies).flat())];
}

/** `config` of a preview digest: secrets blinded. */
function previewConfig(ctx: ArtifactContext): Json {
  const secret = new Set(ctx.secretKeys ?? []);
  return Object.fromEntries(
    Object.keys(ctx.config)
      .sort()
      .map((k) => [k, secret.has(k) ? '[secret]' : ctx.config[k]]),
  );
}

/** `pulumi preview --json` of the program on an empty stack. */
export function previewJson(captured: CaptureResult, ctx: ArtifactContext): Json {
  const provider = providerUrn(ctx, UNKNOWN_SENTINEL);
  const steps = ordered(captured).map((r) => {
    const inputs = mapSecrets(previewInputs(r), () => '[secret]') as Json;
    const isCustom = r.custom && r.type !== ROOT_STACK;
    const outputs: Json = isCustom ? { ...inputs, id: UNKNOWN_SENTINEL, name: UNKNOWN_SENTINEL } : {};
    const deps = dependenciesOf(r);
    const position = sourcePosition(ctx, r);
    return {
      op: 'create',
      urn: r.urn,
      ...(isCustom ? { provider } : {}),
      newState: {
        urn: r.urn,
        custom: r.custom,
        type: r.type,
        inputs,
        outputs,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.protect ? { protect: true } : {}),
        ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
        ...(deps.length > 0 ? { dependencies: deps } : {}),
        ...(isCustom ? { provider } : {}),
        ...(Object.keys(r.propertyDependencies).length > 0
          ? { propertyDependencies: r.propertyDependencies }
          : {}),
        ...(position ? { sourcePosition: position } : {}),
      },
    };
  });
  return {
    config: previewConfig(ctx),
    steps,
    duration: 4_127_000_000,
    changeSummary: { create: steps.length },
  };
}

/**
 * Azure resource ids by type: the path under the resource group (or under `scopeId` for extension
 * resources), each `{input}` the name the resource or its parent is given by. The last one is the
 * resource's own name input, which the provider fills with an auto-name when the program leaves it out.
 */
const ID_SHAPES: Readonly<Record<string, string>> = {
  'azure-native:resources:ResourceGroup': '/subscriptions/{subscription}/resourceGroups/{resourceGroupName}',
  'azure-native:storage:StorageAccount': 'Microsoft.Storage/storageAccounts/{accountName}',
  'azure-native:storage:BlobContainer':
    'Microsoft.Storage/storageAccounts/{accountName}/blobServices/default/containers/{containerName}',
  'azure-native:keyvault:Vault': 'Microsoft.KeyVault/vaults/{vaultName}',
  'azure-native:network:NetworkSecurityGroup':
    'Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}',
  'azure-native:network:VirtualNetwork': 'Microsoft.Network/virtualNetworks/{virtualNetworkName}',
  'azure-native:network:Subnet':
    'Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}',
  'azure-native:sql:Server': 'Microsoft.Sql/servers/{serverName}',
  'azure-native:sql:Database': 'Microsoft.Sql/servers/{serverName}/databases/{databaseName}',
  'azure-native:security:Pricing': '{scopeId}/providers/Microsoft.Security/pricings/{pricingName}',
  'azure-native:cognitiveservices:Account': 'Microsoft.CognitiveServices/accounts/{accountName}',
};

/** Which output of the resource an input took: its key says (`resourceGroupName`, `networkSecurityGroup.id`). */
function attributeOf(key: string): 'id' | 'name' | undefined {
  if (/(^|[a-z])(Id|id)$/.test(key) || key === 'id') return 'id';
  if (/(^|[a-z])(Name|name)$/.test(key) || key === 'name') return 'name';
  return undefined;
}

/** `pulumi stack export` of the stack after `pulumi up` of the program. */
export function stackExport(captured: CaptureResult, ctx: ArtifactContext): Json {
  const providerId = [8, 4, 4, 4, 12].map((n, i) => shortHash(`${ctx.project}/provider/${i}`, n)).join('-');
  const provider = providerUrn(ctx, providerId);
  const known = new Map<string, { id: string; name: string }>();
  const placeholders = placeholdersOf(captured.resources);

  // Fill the unknowns an input took from one other resource with that resource's id or name.
  const fill = (r: CapturedResource, key: string, v: unknown, trail: string): unknown => {
    if (v === UNKNOWN_SENTINEL) {
      const deps = r.propertyDependencies[key] ?? [];
      const attribute = attributeOf(trail.split('.').pop()!);
      const from = deps.length === 1 ? known.get(deps[0]!) : undefined;
      if (!from || !attribute)
        throw new Error(
          `${r.urn}: \`${trail}\` is unknown in preview and no one resource's id or name fills it; it cannot be assembled`,
        );
      return from[attribute];
    }
    if (typeof v === 'string' && v.match(PLACEHOLDER)) {
      // Each placeholder the value holds, longest first, becomes the output it stands for.
      let out = v;
      for (const [value, p] of [...placeholders].sort(([a], [b]) => b.length - a.length)) {
        if (!out.includes(value)) continue;
        const from = known.get(p.urn);
        if (!from || (p.output !== 'id' && p.output !== 'name'))
          throw new Error(
            `${r.urn}: \`${trail}\` takes the output \`${p.output}\` of ${p.urn}, which is not assembled`,
          );
        out = out.split(value).join(from[p.output]);
      }
      if (out.match(PLACEHOLDER))
        throw new Error(
          `${r.urn}: \`${trail}\` takes part of another resource's output; it cannot be assembled`,
        );
      return out;
    }
    if (Array.isArray(v)) return v.map((x, i) => fill(r, key, x, `${trail}[${i}]`));
    if (isRecord(v) && !isSecret(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(r, key, x, `${trail}.${k}`)]));
    return v;
  };

  const resources: Json[] = [];
  for (const r of ordered(captured)) {
    const position = sourcePosition(ctx, r);
    if (r.type === ROOT_STACK) {
      resources.push({ urn: r.urn, custom: false, type: r.type, outputs: {}, created: TIME, modified: TIME });
      resources.push({
        urn: provider,
        custom: true,
        id: providerId,
        type: 'pulumi:providers:azure-native',
        inputs: { location: ctx.config['azure-native:location'], version: PROVIDER_VERSION },
        outputs: { location: ctx.config['azure-native:location'], version: PROVIDER_VERSION },
        created: TIME,
        modified: TIME,
      });
      continue;
    }
    let inputs = Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, fill(r, k, v, k)])) as Json;
    inputs = mapSecrets(inputs, (plain) => ({
      [SIG_KEY]: SIG.secret,
      ciphertext: `v1:${shortHash(`${r.urn}/${String(plain)}`, 16)}:${shortHash(String(plain), 32)}`,
    })) as Json;
    const common = {
      urn: r.urn,
      custom: r.custom,
      type: r.type,
      ...(r.parent ? { parent: r.parent } : { parent: rootStackUrn(ctx) }),
      ...(r.protect ? { protect: true } : {}),
      ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
      ...(dependenciesOf(r).length > 0 ? { dependencies: dependenciesOf(r) } : {}),
    };
    if (!r.custom) {
      resources.push({
        ...common,
        outputs: {},
        created: TIME,
        modified: TIME,
        ...(position ? { sourcePosition: position } : {}),
      });
      continue;
    }
    const shape = ID_SHAPES[r.type];
    if (!shape)
      throw new Error(`${r.urn}: no Azure resource id shape for \`${r.type}\`; add it to ID_SHAPES`);
    const nameInput = /\{(\w+)\}$/.exec(shape)![1]!;
    if (typeof inputs[nameInput] !== 'string')
      inputs[nameInput] = `${r.name.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}${shortHash(r.urn)}`;
    const name = inputs[nameInput] as string;
    const local = shape.replace(/\{(\w+)\}/g, (_, k: string) =>
      k === 'subscription' ? ctx.subscriptionId : String(inputs[k]),
    );
    const id =
      local.startsWith('/') || shape.startsWith('{')
        ? local
        : `/subscriptions/${ctx.subscriptionId}/resourceGroups/${String(inputs.resourceGroupName)}/providers/${local}`;
    known.set(r.urn, { id, name });
    resources.push({
      ...common,
      id,
      inputs,
      outputs: { ...inputs, id, name, provisioningState: 'Succeeded' },
      provider,
      propertyDependencies: Object.fromEntries(
        Object.keys(inputs).map((k) => [k, r.propertyDependencies[k] ?? []]),
      ),
      created: TIME,
      modified: TIME,
      ...(position ? { sourcePosition: position } : {}),
    });
  }
  return {
    version: 3,
    deployment: {
      manifest: { time: TIME, magic: shortHash(`${ctx.project}/magic`, 64), version: 'v3.210.0' },
      secrets_providers: { type: 'passphrase', state: { salt: `v1:${shortHash(ctx.project, 12)}=` } },
      resources,
    },
  };
}

/** Inputs as a stack validation sees them: secrets unwrapped (the policy SDK drops their marker). */
function unwrapSecrets(v: unknown): unknown {
  return mapSecrets(v, (plain) => unwrapSecrets(plain));
}

/**
 * The resources a CrossGuard stack validation receives for what the program registered: props that
 * throw on unknown values, parents and property dependencies as resources, a provider for every
 * custom resource.
 */
export function policyResources(captured: readonly CapturedResource[], project: string): PolicyResource[] {
  const providerUrnOf = `urn:pulumi:dev::${project}::pulumi:providers:azure-native::default::id`;
  const byUrn = new Map<string, PolicyResource>();
  const out = captured.map((c) => {
    const props = unknownCheckingProxy(unwrapSecrets(previewInputs(c)) as Record<string, unknown>);
    const r = {
      type: c.type,
      name: c.name,
      urn: c.urn,
      props,
      opts: { protect: c.protect === true, ignoreChanges: [], aliases: [], customTimeouts: {} },
      dependencies: [],
      propertyDependencies: {},
      ...(c.custom && c.type !== ROOT_STACK
        ? {
            provider: {
              type: 'pulumi:providers:azure-native',
              name: 'default',
              urn: providerUrnOf,
              props: {},
            },
          }
        : {}),
      isType: () => false,
      asType: () => undefined,
    } as unknown as PolicyResource;
    byUrn.set(c.urn, r);
    return r;
  });
  captured.forEach((c, i) => {
    const r = out[i]!;
    if (c.parent && byUrn.has(c.parent)) r.parent = byUrn.get(c.parent);
    for (const [k, deps] of Object.entries(c.propertyDependencies))
      r.propertyDependencies[k] = deps.map((d) => byUrn.get(d)!).filter(Boolean);
  });
  return out;
}
