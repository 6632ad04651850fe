import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asString,
  get,
  isObject,
  show,
  type Value,
} from '../../graph/values';
import type {
  AccessGrantView,
  BuildProjectView,
  ContainerDefinition,
  ContainerTaskView,
  Fact,
  FunctionView,
  KubernetesClusterView,
  PolicyStatement,
} from '../kinds';
import { classificationOf } from '../common/classification';
import { UNRESOLVED_ENVIRONMENT } from '../common/compute';
import { classifyPrincipal } from '../common/grants';
import { keyReference, kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { block, blockArg, unset } from './arguments';

/*
 * AWS provider Lambda functions, permissions and function URLs, CodeBuild projects, ECS task definitions
 * and EKS clusters -> function, access-grant, build-project, container-task and kubernetes-cluster views, as the CloudFormation adapters
 * derive them.
 */

// Lambda

/** `environment.variables`: name -> value; an unresolved map is recorded under {@link UNRESOLVED_ENVIRONMENT}. */
function variables(env: Value | undefined): Record<string, Fact<string>> {
  const v = blockArg(env, 'variables');
  if (v instanceof Unknown) return { [UNRESOLVED_ENVIRONMENT]: v };
  const out: Record<string, Fact<string>> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) out[k] = asString(x) ?? '';
  return out;
}

/** Whether `vpc_config` names subnets. */
function inVpc(cfg: Value | undefined): Fact<boolean> {
  const subnets = blockArg(cfg, 'subnet_ids');
  if (subnets === undefined) return false;
  if (subnets instanceof Unknown) return subnets;
  return !(Array.isArray(subnets) && subnets.length === 0);
}

/** The function's role: the address of a role of the graph, or the ARN as written. */
function roleOf(v: Value | undefined, r: Resource, graph: ResourceGraph): string | undefined {
  if (v instanceof ResourceRef) return v.address;
  const role = graph.target(v, r, 'aws_iam_role');
  if (role && !(role instanceof Unknown)) return role.address;
  return typeof v === 'string' ? v : undefined;
}

/** Function URLs (`aws_lambda_function_url`) whose `function_name` names the function (by reference, name or ARN). */
function functionUrls(graph: ResourceGraph, address: string): FunctionView['urls'] {
  return graph
    .attachedBy(address, 'aws_lambda_function_url', (u) => u.properties.function_name)
    .attached.map((u) => ({
      address: u.address,
      authType: unset(u.properties.authorization_type)
        ? new Unknown('function URL declares no `authorization_type`')
        : (asString(u.properties.authorization_type) ??
          new Unknown('function URL declares no `authorization_type`')),
    }));
}

/**
 * `aws_lambda_function` -> function: `runtime` (none for `package_type = "Image"`), `environment.variables`,
 * `vpc_config.subnet_ids`, `role`, `kms_key_arn` (an empty string is no key: Lambda's AWS managed key), tags,
 * and the function URLs that target it.
 */
export function functionView(r: Resource, ctx: AdapterContext): FunctionView {
  const p = r.properties;
  const key = unset(p.kms_key_arn) ? undefined : p.kms_key_arn;
  return {
    kind: 'function',
    resource: r,
    name: displayName(r),
    runtime: unset(p.runtime) ? undefined : asString(p.runtime),
    environment: variables(p.environment),
    inNetwork: inVpc(p.vpc_config),
    role: roleOf(p.role, r, ctx.graph),
    environmentEncryptionKey: keyReference(key, ctx.graph, r),
    classification: classificationOf(r),
    urls: functionUrls(ctx.graph, r.address),
  };
}

/** The function a permission is on: the address of a function of the graph (by reference, name or ARN), or the value as written. */
function functionScope(v: Value | undefined, r: Resource, ctx: AdapterContext): Fact<string> {
  const fn = ctx.graph.target(v, r, 'aws_lambda_function');
  if (fn instanceof Unknown) return fn;
  if (fn) return fn.address;
  if (v instanceof ResourceRef) return v.address;
  return asString(v) ?? new Unknown('permission names no function');
}

/**
 * `aws_lambda_permission` -> access grant on a function, with its arguments written as the conditions Lambda
 * adds to the function's resource policy: `source_arn` (`ArnLike aws:SourceArn`), `source_account`,
 * `principal_org_id`, `event_source_token` (Alexa) and `function_url_auth_type`.
 */
export function lambdaPermissionView(r: Resource, ctx: AdapterContext): AccessGrantView {
  const p = r.properties;
  const principal = unset(p.principal)
    ? new Unknown('permission names no principal')
    : (asString(p.principal) ?? new Unknown('permission names no principal'));
  const conditions: Record<string, Record<string, Fact<string>[]>> = {};
  const add = (op: string, key: string, v: Value | undefined) => {
    if (unset(v)) return;
    (conditions[op] ??= {})[key] = [asString(v) ?? new Unknown(`empty \`${key}\``)];
  };
  add('ArnLike', 'aws:SourceArn', p.source_arn);
  add('StringEquals', 'aws:SourceAccount', p.source_account);
  add('StringEquals', 'aws:PrincipalOrgID', p.principal_org_id);
  add('StringEquals', 'lambda:EventSourceToken', p.event_source_token);
  add('StringEquals', 'lambda:FunctionUrlAuthType', p.function_url_auth_type);
  return {
    kind: 'access-grant',
    effect: 'allow',
    resource: r,
    name: displayName(r),
    scope: functionScope(p.function_name, r, ctx),
    scopeType: 'function',
    principal,
    principalType: classifyPrincipal(principal),
    actions: [asString(p.action) ?? new Unknown('permission names no action')],
    conditions: conditions as PolicyStatement['conditions'],
  };
}

// CodeBuild

/** Whether `logs_config` keeps build logs: CloudWatch Logs unless `DISABLED`, or S3 when `ENABLED`. */
function buildLogging(cfg: Value | undefined): Fact<boolean> {
  const b = block(cfg);
  if (b instanceof Unknown) return b;
  const status = (sub: string) => {
    const v = blockArg(get(b, sub), 'status');
    return v === undefined ? undefined : asString(v);
  };
  const cw = status('cloudwatch_logs');
  const s3 = status('s3_logs');
  if (cw === undefined || cw === 'ENABLED' || s3 === 'ENABLED') return true;
  return [cw, s3].find((x): x is Unknown => x instanceof Unknown) ?? false;
}

/** Whether `artifacts` or one of `secondary_artifacts` sets `encryption_disabled`; an unresolved flag as it is. */
function artifactsUnencrypted(p: Resource['properties']): Fact<boolean> {
  let open: Unknown | undefined;
  const all = [
    block(p.artifacts),
    ...(unset(p.secondary_artifacts)
      ? []
      : p.secondary_artifacts instanceof Unknown
        ? [p.secondary_artifacts]
        : asList(p.secondary_artifacts)),
  ];
  for (const a of all) {
    if (a === undefined) continue;
    const raw = a instanceof Unknown ? a : get(a, 'encryption_disabled');
    const disabled = unset(raw) ? undefined : asBool(raw);
    if (disabled === true) return true;
    if (disabled instanceof Unknown) open ??= disabled;
  }
  return open ?? false;
}

/**
 * `aws_codebuild_project` -> build project: plaintext `environment.environment_variable` entries (`type`
 * `PLAINTEXT`, the default; `PARAMETER_STORE` and `SECRETS_MANAGER` values are references, left out),
 * `privileged_mode`, the `encryption_key` of artifacts (CodeBuild's default: the AWS managed `aws/s3` key;
 * none when an artifact sets `encryption_disabled`), and `logs_config`.
 */
export function buildProjectView(r: Resource, ctx: AdapterContext): BuildProjectView {
  const p = r.properties;
  const env = block(p.environment);
  const vars = env instanceof Unknown ? env : get(env, 'environment_variable');
  const environment: Record<string, Fact<string>> = {};
  if (vars instanceof Unknown && !unset(vars)) environment[UNRESOLVED_ENVIRONMENT] = vars;
  for (const v of vars instanceof Unknown ? [] : asList(vars)) {
    if (v instanceof Unknown) {
      environment[UNRESOLVED_ENVIRONMENT] = v;
      continue;
    }
    if (!isObject(v) || typeof v.name !== 'string') continue;
    const type = unset(v.type) ? 'PLAINTEXT' : (asString(v.type) ?? 'PLAINTEXT');
    if (type !== 'PLAINTEXT') continue;
    environment[v.name] = asString(v.value) ?? '';
  }
  const unencrypted = artifactsUnencrypted(p);
  const encryption: BuildProjectView['encryption'] =
    unencrypted === true
      ? { atRest: 'none' }
      : unencrypted instanceof Unknown
        ? { atRest: unencrypted }
        : unset(p.encryption_key)
          ? { atRest: 'kms-provider-key' }
          : kmsEncryption(p.encryption_key, ctx.graph, 'kms-provider-key', r);
  const privileged = env instanceof Unknown ? env : get(env, 'privileged_mode');
  return {
    kind: 'build-project',
    resource: r,
    name: displayName(r),
    environment,
    privileged: unset(privileged) ? false : (asBool(privileged) ?? false),
    encryption,
    logging: buildLogging(p.logs_config),
  };
}

// ECS

/** `environment` of a container definition: `[{ name, value }]`. */
function containerEnvironment(v: unknown): Record<string, Fact<string>> {
  const out: Record<string, Fact<string>> = {};
  if (v === undefined || v === null) return out;
  if (!Array.isArray(v)) return { [UNRESOLVED_ENVIRONMENT]: new Unknown('`environment` is not a list') };
  for (const e of v as unknown[]) {
    if (!e || typeof e !== 'object') continue;
    const { name, value } = e as { name?: unknown; value?: unknown };
    if (typeof name !== 'string') continue;
    out[name] =
      typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  }
  return out;
}

function capabilityList(v: unknown): Fact<string>[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return [new Unknown('capabilities are not a list')];
  return (v as unknown[]).map((x) =>
    typeof x === 'string' ? x : new Unknown(`capability ${JSON.stringify(x)}`),
  );
}

const flag = (v: unknown, what: string): Fact<boolean> =>
  v === undefined || v === null
    ? false
    : typeof v === 'boolean'
      ? v
      : new Unknown(`\`${what}\` is ${JSON.stringify(v)}`);

/** A container whose definition cannot be read: every fact, its environment included, is the Unknown. */
function unresolvedContainer(name: string, u: Unknown): ContainerDefinition {
  return {
    name,
    privileged: u,
    user: u,
    readonlyRootFilesystem: u,
    environment: { [UNRESOLVED_ENVIRONMENT]: u },
    capabilities: u,
  };
}

/** One container definition of the ECS API's JSON (camelCase, as `container_definitions` holds it). */
function container(c: unknown, index: number): ContainerDefinition {
  if (!c || typeof c !== 'object' || Array.isArray(c))
    return unresolvedContainer(String(index), new Unknown(`container definition ${index} is not an object`));
  const d = c as Record<string, unknown>;
  const caps = (d.linuxParameters as Record<string, unknown> | undefined)?.capabilities as
    Record<string, unknown> | undefined;
  return {
    name: typeof d.name === 'string' ? d.name : String(index),
    privileged: flag(d.privileged, 'privileged'),
    user: typeof d.user === 'string' ? d.user : undefined,
    readonlyRootFilesystem: flag(d.readonlyRootFilesystem, 'readonlyRootFilesystem'),
    environment: containerEnvironment(d.environment),
    capabilities: { add: capabilityList(caps?.add), drop: capabilityList(caps?.drop) },
  };
}

/**
 * `container_definitions`, a JSON string (the ECS API's `ContainerDefinitions`): one definition per container.
 * A value that is not resolved (`jsonencode(...)` of unknowns, a template) or is not JSON gives one container
 * whose facts are unknown, never an empty task.
 */
function containers(v: Value | undefined): ContainerDefinition[] {
  const whole = (u: Unknown): ContainerDefinition[] => [unresolvedContainer(UNRESOLVED_ENVIRONMENT, u)];
  if (v instanceof Unknown || v instanceof ResourceRef) {
    const u = asString(v) as Unknown;
    return whole(new Unknown(`container definitions cannot be resolved (${u.reason})`, u.refs, u.display));
  }
  if (typeof v !== 'string')
    return whole(new Unknown(`container definitions are ${show(v)}, not a JSON string`));
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    return whole(new Unknown('container definitions are not valid JSON'));
  }
  if (!Array.isArray(parsed)) return whole(new Unknown('container definitions are not a JSON list'));
  return parsed.map(container);
}

/**
 * `aws_ecs_task_definition` -> container task: the containers of `container_definitions`, and the task's
 * `network_mode`, `pid_mode` and `ipc_mode` as written.
 */
export function taskDefinitionView(r: Resource): ContainerTaskView {
  const p = r.properties;
  const mode = (v: Value | undefined) => (unset(v) ? undefined : asString(v));
  return {
    kind: 'container-task',
    resource: r,
    name: displayName(r),
    containers: containers(p.container_definitions),
    networkMode: mode(p.network_mode),
    pidMode: mode(p.pid_mode),
    ipcMode: mode(p.ipc_mode),
  };
}

// EKS

/**
 * Kubernetes secrets encryption from `encryption_config`: a customer key when the block covers `secrets` and
 * names `provider.key_arn`; else EKS's own key.
 */
function secretsEncryption(
  cfg: Value | undefined,
  ctx: AdapterContext,
): KubernetesClusterView['secretsEncryption'] {
  if (unset(cfg)) return { atRest: 'provider' };
  if (cfg instanceof Unknown)
    return { atRest: new Unknown(`encryption configuration cannot be resolved (${cfg.reason})`, cfg.refs) };
  for (const entry of isObject(cfg) ? [cfg] : asList(cfg)) {
    if (entry instanceof Unknown)
      return {
        atRest: new Unknown(`encryption configuration cannot be resolved (${entry.reason})`, entry.refs),
      };
    if (!isObject(entry)) continue;
    const resources = entry.resources;
    const covers = resources instanceof Unknown ? resources : asList(resources).some((x) => x === 'secrets');
    if (covers === false) continue;
    const key = blockArg(entry.provider, 'key_arn');
    if (key === undefined) continue;
    const enc = kmsEncryption(key, ctx.graph, 'provider');
    if (covers instanceof Unknown)
      return {
        atRest: new Unknown(`the resources the key encrypts cannot be resolved (${covers.reason})`),
        key: enc.key,
      };
    return enc;
  }
  return { atRest: 'provider' };
}

/** `enabled_cluster_log_types`: none unless listed. */
function controlPlaneLogs(v: Value | undefined): Fact<readonly string[]> {
  if (unset(v)) return [];
  if (v instanceof Unknown) return new Unknown(`cluster logging cannot be resolved (${v.reason})`, v.refs);
  const out: string[] = [];
  for (const t of asList(v)) {
    const s = asString(t);
    if (s instanceof Unknown) return new Unknown(`a log type cannot be resolved (${s.reason})`, s.refs);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/**
 * `aws_eks_cluster` -> Kubernetes cluster. Provider and service defaults: `vpc_config.endpoint_public_access`
 * is true and `public_access_cidrs` is `0.0.0.0/0` when unset; no control-plane log type is enabled.
 */
export function eksClusterView(r: Resource, ctx: AdapterContext): KubernetesClusterView {
  const p = r.properties;
  const vpc = p.vpc_config;
  const publicAccess = asBool(blockArg(vpc, 'endpoint_public_access')) ?? true;
  const cidrs = blockArg(vpc, 'public_access_cidrs');
  const apiAllowedCidrs: Fact<string>[] =
    publicAccess === false
      ? []
      : cidrs === undefined
        ? ['0.0.0.0/0']
        : cidrs instanceof Unknown
          ? [cidrs]
          : asList(cidrs).map((c) => asString(c) ?? new Unknown(`unexpected CIDR ${show(c)}`));
  return {
    kind: 'kubernetes-cluster',
    resource: r,
    name: displayName(r),
    secretsEncryption: secretsEncryption(p.encryption_config, ctx),
    apiPublic: publicAccess,
    apiAllowedCidrs,
    controlPlaneLogs: controlPlaneLogs(p.enabled_cluster_log_types),
  };
}

/** Lambda functions, permissions (function URLs feed the function view), CodeBuild projects, ECS task definitions and EKS clusters. */
export function registerCompute(registry: AdapterRegistry): void {
  registry.register('terraform', 'aws_lambda_function', functionView);
  registry.register('terraform', 'aws_lambda_permission', lambdaPermissionView);
  registry.register('terraform', 'aws_codebuild_project', buildProjectView);
  registry.register('terraform', 'aws_ecs_task_definition', taskDefinitionView);
  registry.register('terraform', 'aws_eks_cluster', eksClusterView);
}
