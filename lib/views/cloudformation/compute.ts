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
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type {
  BuildProjectView,
  ContainerDefinition,
  ContainerTaskView,
  Fact,
  FunctionView,
  VirtualMachineView,
} from '../kinds';
import { classificationOf } from '../common/classification';
import { UNRESOLVED_ENVIRONMENT, imageRequiresImdsV2 } from '../common/compute';
import { keyReference, kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

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

/** Function URLs (`AWS::Lambda::Url`) whose `TargetFunctionArn` names the function (by reference, name or ARN). */
function functionUrls(graph: ResourceGraph, address: string): FunctionView['urls'] {
  return graph
    .attachedBy(address, 'AWS::Lambda::Url', (u) => u.properties.TargetFunctionArn)
    .attached.map((u) => ({
      address: u.address,
      authType: asString(u.properties.AuthType) ?? new Unknown('function URL declares no `AuthType`'),
    }));
}

/** `AWS::Lambda::Function` -> function, with the function URLs that target it. */
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
    environmentEncryptionKey: keyReference(p.KmsKeyArn, ctx.graph, r),
    classification: classificationOf(r),
    urls: functionUrls(ctx.graph, r.address),
  };
}

/** Whether a `LogsConfig` keeps build logs: CloudWatch Logs unless disabled, or S3 when enabled. */
function buildLogging(cfg: Value | undefined): Fact<boolean> {
  if (cfg instanceof Unknown) return cfg;
  const cw = asString(get(cfg, 'CloudWatchLogs', 'Status'));
  const s3 = asString(get(cfg, 'S3Logs', 'Status'));
  if (cw === undefined || cw === 'ENABLED' || s3 === 'ENABLED') return true;
  return [cw, s3].find((x): x is Unknown => x instanceof Unknown) ?? false;
}

/**
 * Whether an artifact of the project (`Artifacts` or one of `SecondaryArtifacts`) is written
 * unencrypted (`EncryptionDisabled: true`); an unresolved flag is returned as it is.
 */
function artifactsUnencrypted(p: Resource['properties']): Fact<boolean> {
  let open: Unknown | undefined;
  const secondary =
    p.SecondaryArtifacts instanceof Unknown ? [p.SecondaryArtifacts] : asList(p.SecondaryArtifacts);
  for (const a of [p.Artifacts, ...secondary]) {
    const disabled = a instanceof Unknown ? a : asBool(get(a, 'EncryptionDisabled'));
    if (disabled === true) return true;
    if (disabled instanceof Unknown) open ??= disabled;
  }
  return open ?? false;
}

/**
 * `AWS::CodeBuild::Project` -> build project: plaintext environment variables (`Type` `PLAINTEXT`,
 * the default; `PARAMETER_STORE` and `SECRETS_MANAGER` values are references, left out), privileged
 * mode, the `EncryptionKey` of artifacts (CodeBuild's default: the AWS managed `aws/s3` key; none when
 * an artifact sets `EncryptionDisabled`), and logs.
 */
export function buildProjectView(r: Resource, ctx: AdapterContext): BuildProjectView {
  const p = r.properties;
  const env = get(p, 'Environment');
  const vars = get(env, 'EnvironmentVariables');
  const environment: Record<string, Fact<string>> = {};
  if (vars instanceof Unknown) environment[UNRESOLVED_ENVIRONMENT] = vars;
  for (const v of vars instanceof Unknown ? [] : asList(vars)) {
    if (!isObject(v) || typeof v.Name !== 'string') continue;
    const type = asString(v.Type) ?? 'PLAINTEXT';
    if (type !== 'PLAINTEXT') continue;
    environment[v.Name] = asString(v.Value) ?? '';
  }
  return {
    kind: 'build-project',
    resource: r,
    name: displayName(r),
    environment,
    privileged: asBool(get(env, 'PrivilegedMode')) ?? false,
    encryption: artifactEncryption(r, ctx),
    logging: buildLogging(p.LogsConfig),
  };
}

function artifactEncryption(r: Resource, ctx: AdapterContext): BuildProjectView['encryption'] {
  const p = r.properties;
  const unencrypted = artifactsUnencrypted(p);
  if (unencrypted === true) return { atRest: 'none' };
  if (unencrypted instanceof Unknown) return { atRest: unencrypted };
  return p.EncryptionKey === undefined
    ? { atRest: 'kms-provider-key' }
    : kmsEncryption(p.EncryptionKey, ctx.graph, 'kms-provider-key', r);
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

function capabilityList(v: Value | undefined): Fact<string>[] {
  if (v instanceof Unknown) return [v];
  return asList(v).map((x) => asString(x) ?? new Unknown('empty capability'));
}

/** `LinuxParameters.Capabilities` of a container: what it adds to and drops from the default set. */
function capabilities(c: Value): ContainerDefinition['capabilities'] {
  const caps = get(c, 'LinuxParameters', 'Capabilities');
  if (caps instanceof Unknown) return caps;
  return { add: capabilityList(get(caps, 'Add')), drop: capabilityList(get(caps, 'Drop')) };
}

function container(c: Value): ContainerDefinition {
  if (!isObject(c)) {
    const u = c instanceof Unknown ? c : new Unknown('container definition is not an object');
    return {
      name: u.toString(),
      privileged: u,
      user: u,
      readonlyRootFilesystem: u,
      environment: { [UNRESOLVED_ENVIRONMENT]: u },
      capabilities: u,
    };
  }
  return {
    name: typeof c.Name === 'string' ? c.Name : String(asString(c.Name) ?? '?'),
    privileged: asBool(c.Privileged) ?? false,
    user: asString(c.User),
    readonlyRootFilesystem: asBool(c.ReadonlyRootFilesystem) ?? false,
    environment: containerEnvironment(c.Environment),
    capabilities: capabilities(c),
  };
}

/**
 * `AWS::ECS::TaskDefinition` -> container task, one definition per container, with the task's
 * network, process and IPC namespace modes as written.
 */
export function taskDefinitionView(r: Resource): ContainerTaskView {
  const p = r.properties;
  const defs = p.ContainerDefinitions;
  return {
    kind: 'container-task',
    resource: r,
    name: displayName(r),
    containers: (defs instanceof Unknown ? [defs] : asList(defs)).map(container),
    networkMode: asString(p.NetworkMode),
    pidMode: asString(p.PidMode),
    ipcMode: asString(p.IpcMode),
  };
}

/** `MetadataOptions` requires IMDSv2 (`HttpTokens: required`) or turns the endpoint off; undefined when it says neither. */
function imdsFrom(options: Value | undefined): Fact<boolean> | undefined {
  if (options instanceof Unknown) return options;
  const endpoint = asString(get(options, 'HttpEndpoint'));
  if (endpoint instanceof Unknown) return endpoint;
  if (endpoint === 'disabled') return true;
  const tokens = asString(get(options, 'HttpTokens'));
  if (tokens instanceof Unknown) return tokens;
  if (tokens === undefined) return undefined;
  return tokens === 'required';
}

/**
 * Whether every EBS volume of `BlockDeviceMappings` is encrypted. A mapping without `Encrypted`
 * follows the account's EBS default encryption (unknown here); no mappings: the image's volumes,
 * likewise unknown.
 */
function volumesEncrypted(mappings: Value | undefined, what: string): Fact<boolean> {
  if (mappings instanceof Unknown) return mappings;
  const ebs = asList(mappings)
    .map((m) => get(m, 'Ebs'))
    .filter((e) => e !== undefined);
  if (ebs.length === 0)
    return new Unknown(
      `${what} declares no EBS volumes: the image's volumes follow the account's default encryption`,
    );
  let open: Unknown | undefined;
  for (const e of ebs) {
    const enc = asBool(get(e, 'Encrypted'));
    if (enc === false) return false;
    if (enc instanceof Unknown) open ??= enc;
    else if (enc === undefined)
      open ??= new Unknown(
        `a volume of ${what} does not set \`Encrypted\`: the account's default encryption decides`,
      );
  }
  return open ?? true;
}

/** The launch template an instance names (`LaunchTemplateId` reference, version reference, or name). */
function launchTemplateOf(
  spec: Value | undefined,
  graph: ResourceGraph,
  holder: Resource,
): Resource | Unknown | undefined {
  if (spec === undefined) return undefined;
  if (spec instanceof Unknown && spec.refs.length === 0) return spec;
  const byRef = refsIn(spec)
    .map((ref) => graph.get(ref.address))
    .find((x) => x?.type === 'AWS::EC2::LaunchTemplate');
  if (byRef) return byRef;
  const named = graph.target(get(spec, 'LaunchTemplateName'), holder, 'AWS::EC2::LaunchTemplate');
  if (named) return named;
  return new Unknown(`launch template ${show(spec)} is not declared in the template`);
}

/** Whether the subnet an instance launches into assigns public IPv4 addresses. */
function subnetAssignsPublicIp(subnet: Value | undefined, graph: ResourceGraph): Fact<boolean> {
  if (subnet === undefined)
    return new Unknown("the instance names no subnet: the default VPC's default subnet decides");
  const s = subnet instanceof ResourceRef ? graph.get(subnet.address) : undefined;
  if (s?.type === 'AWS::EC2::Subnet') return asBool(s.properties.MapPublicIpOnLaunch) ?? false;
  return new Unknown(`subnet ${show(subnet)} is not declared in the template`);
}

/** The primary network interface's `AssociatePublicIpAddress`, if it sets one. */
function primaryInterfacePublicIp(interfaces: Value | undefined): Fact<boolean> | undefined {
  if (interfaces instanceof Unknown) return interfaces;
  const primary = asList(interfaces).find((n) => {
    const index = get(n, 'DeviceIndex');
    return index === undefined || index === 0 || index === '0';
  });
  return asBool(get(primary, 'AssociatePublicIpAddress'));
}

/** Whether an instance profile is set (`IamInstanceProfile`, in a template's data: `{ Arn | Name }`). */
function hasProfile(v: Value | undefined): Fact<boolean> {
  if (v instanceof Unknown && v.refs.length === 0) return v;
  return v !== undefined && v !== null && v !== '';
}

/**
 * `AWS::EC2::Instance` -> virtual machine. Metadata options and volumes come from the instance,
 * else from the launch template it names; without either, the image decides: Amazon Linux 2023
 * requires IMDSv2, any other image leaves IMDSv1 allowed (`HttpTokens` `optional`, unless the
 * account default says otherwise). The public IP follows the
 * primary interface's `AssociatePublicIpAddress`, else the subnet's `MapPublicIpOnLaunch`.
 */
export function instanceView(r: Resource, ctx: AdapterContext): VirtualMachineView {
  const p = r.properties;
  const template = launchTemplateOf(p.LaunchTemplate, ctx.graph, r);
  const data = template instanceof Unknown ? template : get(template?.properties, 'LaunchTemplateData');
  let imds = imdsFrom(p.MetadataOptions);
  if (imds === undefined) imds = imdsFrom(get(data, 'MetadataOptions'));
  if (imds === undefined) imds = imageRequiresImdsV2(p.ImageId ?? get(data, 'ImageId'));
  if (imds === undefined) imds = template instanceof Unknown ? template : false;
  const mappings = p.BlockDeviceMappings ?? get(data, 'BlockDeviceMappings');
  const publicIp =
    primaryInterfacePublicIp(p.NetworkInterfaces) ??
    primaryInterfacePublicIp(get(data, 'NetworkInterfaces')) ??
    subnetAssignsPublicIp(p.SubnetId ?? get(p.NetworkInterfaces, 0, 'SubnetId'), ctx.graph);
  const profile = p.IamInstanceProfile ?? get(data, 'IamInstanceProfile');
  return {
    kind: 'virtual-machine',
    machineType: 'instance',
    resource: r,
    name: displayName(r),
    imdsV2Required: imds,
    publicIp,
    ebsEncrypted: volumesEncrypted(mappings, 'the instance'),
    instanceProfile: template instanceof Unknown && profile === undefined ? template : hasProfile(profile),
    classification: classificationOf(r),
  };
}

/**
 * Whether an EKS managed node group launches from this launch template (`LaunchTemplate.Id` or
 * `.Name`): the group then gives the nodes an instance profile for its `NodeRole`.
 */
function nodeGroupLaunches(r: Resource, graph: ResourceGraph): boolean {
  const spec = (g: Resource): Value[] =>
    ['Id', 'Name', 'Version'].map((k) => get(g.properties.LaunchTemplate, k) ?? null);
  return graph.attachedBy(r.address, 'AWS::EKS::Nodegroup', spec).attached.length > 0;
}

/**
 * `AWS::EC2::LaunchTemplate` and `AWS::AutoScaling::LaunchConfiguration` -> virtual machine
 * (templates). Whether launched instances get a public IP is left to the group's subnets unless the
 * template says so on its primary interface. Metadata options not set follow the image (Amazon Linux
 * 2023 requires IMDSv2). A launch template of an EKS managed node group takes its instance profile
 * from the group's node role.
 */
export function launchTemplateView(r: Resource, ctx: AdapterContext): VirtualMachineView {
  const p = r.properties;
  const configuration = r.type === 'AWS::AutoScaling::LaunchConfiguration';
  const data = configuration ? p : get(p, 'LaunchTemplateData');
  const what = configuration ? 'the launch configuration' : 'the launch template';
  const publicIp = configuration
    ? asBool(p.AssociatePublicIpAddress)
    : primaryInterfacePublicIp(get(data, 'NetworkInterfaces'));
  return {
    kind: 'virtual-machine',
    machineType: configuration ? 'launch-configuration' : 'launch-template',
    resource: r,
    name: displayName(r),
    imdsV2Required:
      imdsFrom(get(data, 'MetadataOptions')) ?? imageRequiresImdsV2(get(data, 'ImageId')) ?? false,
    publicIp,
    ebsEncrypted: volumesEncrypted(get(data, 'BlockDeviceMappings'), what),
    instanceProfile:
      !configuration && nodeGroupLaunches(r, ctx.graph) ? true : hasProfile(get(data, 'IamInstanceProfile')),
    classification: classificationOf(r),
  };
}

/**
 * Lambda functions, ECS task definitions, EC2 instances and launch templates, and CodeBuild projects
 * -> function, container-task, virtual-machine and build-project views.
 */
export function registerCompute(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::Lambda::Function', functionView);
  registry.register('cloudformation', 'AWS::ECS::TaskDefinition', taskDefinitionView);
  registry.register('cloudformation', 'AWS::EC2::Instance', instanceView);
  registry.register(
    'cloudformation',
    ['AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
    launchTemplateView,
  );
  registry.register('cloudformation', 'AWS::CodeBuild::Project', buildProjectView);
}
