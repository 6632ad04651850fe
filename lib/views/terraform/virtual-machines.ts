import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  Unknown,
  asBool,
  asString,
  get,
  isAfterApply,
  isObject,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type { Fact, VirtualMachineView } from '../kinds';
import { classificationOf } from '../common/classification';
import { imageRequiresImdsV2, namesAl2023Image } from '../common/compute';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { blockArg, blockList, unset } from './arguments';

/*
 * AWS provider EC2 instances, launch templates and launch configurations -> virtual-machine views, as
 * the CloudFormation adapter derives them.
 */

const LAUNCH_TEMPLATES = ['aws_launch_template', 'aws_launch_configuration'];
const SUBNETS = ['aws_subnet', 'data.aws_subnet'];
const SSM_PARAMETER = 'data.aws_ssm_parameter';

/**
 * `metadata_options` requires IMDSv2 (`http_tokens = "required"`) or turns the endpoint off
 * (`http_endpoint = "disabled"`); undefined when it says neither.
 */
function imdsFrom(options: Value | undefined): Fact<boolean> | undefined {
  const endpoint = asString(blockArg(options, 'http_endpoint'));
  if (endpoint instanceof Unknown) return endpoint;
  if (endpoint === 'disabled') return true;
  const tokens = asString(blockArg(options, 'http_tokens'));
  if (tokens instanceof Unknown) return tokens;
  if (tokens === undefined) return undefined;
  return tokens === 'required';
}

/**
 * Whether the image requires IMDSv2 by default (Amazon Linux 2023): an image id naming its SSM public
 * parameter (`resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-...`), or the value of a
 * `data.aws_ssm_parameter` whose `name` is that parameter.
 */
function imageImdsV2(image: Value | undefined, graph: ResourceGraph): true | undefined {
  if (imageRequiresImdsV2(image)) return true;
  const parameter = refsIn(image)
    .map((ref) => graph.get(ref.address))
    .find((x) => x?.type === SSM_PARAMETER);
  const name = parameter?.properties.name;
  return typeof name === 'string' && namesAl2023Image(name) ? true : undefined;
}

/**
 * Whether every EBS volume declared is encrypted: `root_block_device` and `ebs_block_device` (instances,
 * launch configurations) or `block_device_mappings[].ebs` (launch templates). A volume without
 * `encrypted` follows the account's EBS default encryption (unknown here); none declared: the image's
 * volumes, likewise unknown.
 */
function volumesEncrypted(volumes: readonly Value[], what: string): Fact<boolean> {
  if (volumes.length === 0)
    return new Unknown(
      `${what} declares no EBS volumes: the image's volumes follow the account's default encryption`,
    );
  let open: Unknown | undefined;
  for (const v of volumes) {
    const raw = v instanceof Unknown ? v : get(v, 'encrypted');
    const enc = unset(raw) ? undefined : asBool(raw);
    if (enc === false) return false;
    if (enc instanceof Unknown) open ??= enc;
    else if (enc === undefined)
      open ??= new Unknown(
        `a volume of ${what} does not set \`encrypted\`: the account's default encryption decides`,
      );
  }
  return open ?? true;
}

/** The EBS volumes of `block_device_mappings` (launch templates). */
function mappedVolumes(mappings: Value | undefined): Value[] {
  return blockList(mappings).flatMap((m) => (m instanceof Unknown ? [m] : blockList(get(m, 'ebs'))));
}

/** The primary network interface's `associate_public_ip_address` in a launch template, if it sets one. */
function templatePublicIp(interfaces: Value | undefined): Fact<boolean> | undefined {
  const all = blockList(interfaces);
  const primary = all.find((n) => {
    if (n instanceof Unknown) return true;
    const index = get(n, 'device_index');
    return unset(index) || index === 0 || index === '0';
  });
  if (primary instanceof Unknown) return primary;
  const v = get(primary, 'associate_public_ip_address');
  return unset(v) ? undefined : asBool(v);
}

/** Whether the subnet an instance launches into assigns public IPv4 addresses (`map_public_ip_on_launch`). */
function subnetAssignsPublicIp(
  subnet: Value | undefined,
  holder: Resource,
  graph: ResourceGraph,
): Fact<boolean> {
  if (unset(subnet))
    return new Unknown("the instance names no subnet: the default VPC's default subnet decides");
  const s = graph.target(subnet, holder, SUBNETS);
  if (s instanceof Unknown) return s;
  if (!s) return new Unknown(`subnet ${show(subnet)} is not declared in the configuration`);
  const map = s.properties.map_public_ip_on_launch;
  return unset(map) ? false : (asBool(map) ?? false);
}

/** The subnet of the instance's primary network interface (`network_interface` / `primary_network_interface`). */
function interfaceSubnet(
  p: Resource['properties'],
  holder: Resource,
  graph: ResourceGraph,
): Value | undefined {
  const primary =
    blockList(p.primary_network_interface)[0] ??
    blockList(p.network_interface).find((n) => {
      const index = get(n, 'device_index');
      return n instanceof Unknown || index === 0 || index === '0';
    });
  if (primary === undefined) return undefined;
  if (primary instanceof Unknown) return primary;
  const eni = graph.target(get(primary, 'network_interface_id'), holder, 'aws_network_interface');
  if (eni instanceof Unknown) return eni;
  if (!eni)
    return new Unknown(`network interface ${show(get(primary, 'network_interface_id'))} is not declared`);
  return eni.properties.subnet_id;
}

/** The launch template an instance names (`launch_template.id` or `.name`). */
function launchTemplateOf(
  spec: Value | undefined,
  holder: Resource,
  graph: ResourceGraph,
): Resource | Unknown | undefined {
  const b = blockList(spec)[0];
  if (b === undefined) return undefined;
  if (b instanceof Unknown) return b;
  // A plan computes the argument not written (`id` when the template is named by `name`): read the one set.
  const id = get(b, 'id');
  const named = unset(id) ? get(b, 'name') : id;
  const t = graph.target(named, holder, 'aws_launch_template');
  if (t) return t;
  return new Unknown(`launch template ${show(named)} is not declared in the configuration`);
}

/** Whether an instance profile is set (`iam_instance_profile`, in a launch template a block `{ name | arn }`). */
function hasProfile(v: Value | undefined): Fact<boolean> {
  if (v instanceof Unknown && v.refs.length === 0 && !isAfterApply(v)) return v;
  if (unset(v)) return false;
  if (Array.isArray(v) || isObject(v)) {
    const b: Value | undefined = blockList(v)[0];
    if (b === undefined) return false;
    if (b instanceof Unknown) return b.refs.length > 0 || b;
    return !unset(get(b, 'name')) || !unset(get(b, 'arn'));
  }
  return true;
}

/**
 * `aws_instance` -> virtual machine. Metadata options and volumes come from the instance, else from the
 * launch template it names; without either, the image decides: Amazon Linux 2023 requires IMDSv2, any
 * other image leaves IMDSv1 allowed (`http_tokens` `optional`, unless the account default says
 * otherwise). The public IP follows `associate_public_ip_address`, else the launch template's primary
 * interface, else the subnet's `map_public_ip_on_launch` (through the primary network interface when
 * the instance attaches one).
 */
export function instanceView(r: Resource, ctx: AdapterContext): VirtualMachineView {
  const p = r.properties;
  const graph = ctx.graph;
  const template = launchTemplateOf(p.launch_template, r, graph);
  const tp = template instanceof Unknown ? undefined : template?.properties;
  let imds = imdsFrom(p.metadata_options);
  if (imds === undefined && template instanceof Unknown) imds = template;
  if (imds === undefined) imds = imdsFrom(tp?.metadata_options);
  if (imds === undefined) imds = imageImdsV2(unset(p.ami) ? tp?.image_id : p.ami, graph);
  if (imds === undefined) imds = false;
  const own = [...blockList(p.root_block_device), ...blockList(p.ebs_block_device)];
  const volumes = own.length > 0 ? own : mappedVolumes(tp?.block_device_mappings);
  const associate = unset(p.associate_public_ip_address) ? undefined : asBool(p.associate_public_ip_address);
  const publicIp =
    associate ??
    templatePublicIp(tp?.network_interfaces) ??
    subnetAssignsPublicIp(
      unset(p.subnet_id)
        ? (interfaceSubnet(p, r, graph) ?? blockArg(tp?.network_interfaces, 'subnet_id'))
        : p.subnet_id,
      r,
      graph,
    );
  const profile = unset(p.iam_instance_profile) ? tp?.iam_instance_profile : p.iam_instance_profile;
  return {
    kind: 'virtual-machine',
    machineType: 'instance',
    resource: r,
    name: displayName(r),
    imdsV2Required: imds,
    publicIp,
    ebsEncrypted:
      template instanceof Unknown && own.length === 0 ? template : volumesEncrypted(volumes, 'the instance'),
    instanceProfile: template instanceof Unknown && unset(profile) ? template : hasProfile(profile),
    classification: classificationOf(r),
  };
}

/**
 * Whether an EKS managed node group (`aws_eks_node_group`) launches from this launch template
 * (`launch_template.id` or `.name`): the group then gives the nodes an instance profile for its node role.
 */
function nodeGroupLaunches(r: Resource, graph: ResourceGraph): boolean {
  const spec = (g: Resource): Value[] =>
    blockList(g.properties.launch_template).flatMap((b) => [get(b, 'id') ?? null, get(b, 'name') ?? null]);
  return graph.attachedBy(r.address, 'aws_eks_node_group', spec).attached.length > 0;
}

/**
 * `aws_launch_template` and `aws_launch_configuration` -> virtual machine (templates). Whether launched
 * instances get a public IP is left to the group's subnets unless the template says so
 * (`associate_public_ip_address` on a launch configuration or on a template's primary interface).
 * Metadata options not set follow the image (Amazon Linux 2023 requires IMDSv2). A launch template of an
 * EKS managed node group takes its instance profile from the group's node role.
 */
export function launchTemplateView(r: Resource, ctx: AdapterContext): VirtualMachineView {
  const p = r.properties;
  const configuration = r.type === 'aws_launch_configuration';
  const what = configuration ? 'the launch configuration' : 'the launch template';
  const publicIp = configuration
    ? unset(p.associate_public_ip_address)
      ? undefined
      : asBool(p.associate_public_ip_address)
    : templatePublicIp(p.network_interfaces);
  const volumes = configuration
    ? [...blockList(p.root_block_device), ...blockList(p.ebs_block_device)]
    : mappedVolumes(p.block_device_mappings);
  return {
    kind: 'virtual-machine',
    machineType: configuration ? 'launch-configuration' : 'launch-template',
    resource: r,
    name: displayName(r),
    imdsV2Required: imdsFrom(p.metadata_options) ?? imageImdsV2(p.image_id, ctx.graph) ?? false,
    publicIp,
    ebsEncrypted: volumesEncrypted(volumes, what),
    instanceProfile:
      !configuration && nodeGroupLaunches(r, ctx.graph) ? true : hasProfile(p.iam_instance_profile),
    classification: classificationOf(r),
  };
}

/** EC2 instances, launch templates and launch configurations -> virtual-machine views. */
export function registerVirtualMachines(registry: AdapterRegistry): void {
  registry.register('terraform', 'aws_instance', instanceView);
  registry.register('terraform', LAUNCH_TEMPLATES, launchTemplateView);
}
