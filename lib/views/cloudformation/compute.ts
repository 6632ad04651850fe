import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asString,
  get,
  isObject,
  type Value,
} from '../../graph/values';
import type { ContainerDefinition, ContainerTaskView, Fact, FunctionView } from '../kinds';
import { keyReference } from '../common/keys';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/**
 * Key under which an environment that cannot be resolved as a whole (an `Fn::If` between two maps)
 * is recorded, so rules meet the Unknown instead of an empty environment.
 */
export const UNRESOLVED_ENVIRONMENT = '*';

function variables(v: Value | undefined): Record<string, Fact<string>> {
  if (v instanceof Unknown) return { [UNRESOLVED_ENVIRONMENT]: v };
  const out: Record<string, Fact<string>> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) out[k] = asString(x) ?? '';
  return out;
}

function inVpc(cfg: Value | undefined): Fact<boolean> {
  if (cfg === undefined || cfg === null) return false;
  if (cfg instanceof Unknown) return cfg;
  const subnets = get(cfg, 'SubnetIds');
  if (subnets === undefined || subnets === null) return false;
  return !(Array.isArray(subnets) && subnets.length === 0);
}

/** `AWS::Lambda::Function` -> function. */
export function functionView(r: Resource, ctx: AdapterContext): FunctionView {
  const p = r.properties;
  return {
    kind: 'function',
    resource: r,
    name: displayName(r),
    runtime: asString(p.Runtime),
    environment: variables(get(p, 'Environment', 'Variables')),
    inNetwork: inVpc(p.VpcConfig),
    role: p.Role instanceof ResourceRef ? p.Role.address : typeof p.Role === 'string' ? p.Role : undefined,
    environmentEncryptionKey: keyReference(p.KmsKeyArn, ctx.graph),
  };
}

function containerEnvironment(v: Value | undefined): Record<string, Fact<string>> {
  if (v instanceof Unknown) return { [UNRESOLVED_ENVIRONMENT]: v };
  const out: Record<string, Fact<string>> = {};
  for (const e of asList(v)) {
    if (e instanceof Unknown) out[UNRESOLVED_ENVIRONMENT] = e;
    if (!isObject(e) || typeof e.Name !== 'string') continue;
    out[e.Name] = asString(e.Value) ?? '';
  }
  return out;
}

function container(c: Value): ContainerDefinition {
  if (!isObject(c)) {
    const u = c instanceof Unknown ? c : new Unknown('container definition is not an object');
    return { name: u.toString(), privileged: u, user: u, readonlyRootFilesystem: u, environment: {} };
  }
  return {
    name: typeof c.Name === 'string' ? c.Name : String(asString(c.Name) ?? '?'),
    privileged: asBool(c.Privileged) ?? false,
    user: asString(c.User),
    readonlyRootFilesystem: asBool(c.ReadonlyRootFilesystem) ?? false,
    environment: containerEnvironment(c.Environment),
  };
}

/** `AWS::ECS::TaskDefinition` -> container task, one definition per container. */
export function taskDefinitionView(r: Resource): ContainerTaskView {
  const defs = r.properties.ContainerDefinitions;
  return {
    kind: 'container-task',
    resource: r,
    name: displayName(r),
    containers: (defs instanceof Unknown ? [defs] : asList(defs)).map(container),
  };
}

/** Lambda functions and ECS task definitions -> function and container-task views. */
export function registerCompute(registry: AdapterRegistry): void {
  registry.register('AWS::Lambda::Function', functionView);
  registry.register('AWS::ECS::TaskDefinition', taskDefinitionView);
}
