import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asString, show, type Value } from '../../graph/values';
import type { Fact, PostureView } from '../kinds';
import { displayName } from '../common/naming';
import { GUARDDUTY_DEFAULT_FEATURES, guardDutyDetectors } from '../common/posture';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { arg, block } from './arguments';

function posture(
  r: Resource,
  service: PostureView['service'],
  enabled: Fact<boolean>,
  facts: Partial<Omit<PostureView, 'kind' | 'resource' | 'name' | 'service' | 'enabled'>> = {},
): PostureView {
  return { kind: 'posture', resource: r, name: displayName(r), service, enabled, detectors: [], ...facts };
}

/** A boolean argument inside nested blocks: `path` names the blocks, its last entry the argument. */
function switchAt(v: Value | undefined, ...path: string[]): boolean | Unknown | undefined {
  let cur: Value | undefined = v;
  for (let i = 0; i < path.length - 1; i++) {
    const b = block(cur);
    if (b === undefined || b instanceof Unknown) return b;
    cur = b[path[i]!];
  }
  const b = block(cur);
  if (b === undefined || b instanceof Unknown) return b;
  return asBool(arg(b[path[path.length - 1]!]));
}

/** Legacy `datasources` switches and the GuardDuty feature each stands for. */
const DATA_SOURCE_FEATURES: readonly [string, readonly string[]][] = [
  ['S3_DATA_EVENTS', ['s3_logs', 'enable']],
  ['EKS_AUDIT_LOGS', ['kubernetes', 'audit_logs', 'enable']],
  [
    'EBS_MALWARE_PROTECTION',
    ['malware_protection', 'scan_ec2_instance_with_findings', 'ebs_volumes', 'enable'],
  ],
];

/**
 * `aws_guardduty_detector` -> posture (`threat-detection`): `enable` (default true), and each
 * protection plan as a typed detector: an `aws_guardduty_detector_feature` naming the detector (`name`,
 * `status`), else the legacy `datasources` block, else the plan's default for a new detector. A value the provider
 * computes (known only after apply) is not a configured one.
 */
export function detectorView(r: Resource, ctx: AdapterContext): PostureView {
  const p = r.properties;
  const features: Record<string, Fact<boolean>> = {};
  const sources = p.datasources;
  if (sources instanceof Unknown && sources.refs.length > 0) features['*'] = sources;
  else if (!(sources instanceof Unknown))
    for (const [name, path] of DATA_SOURCE_FEATURES) {
      const v = switchAt(sources, ...path);
      if (v !== undefined) features[name] = v;
    }
  const found = ctx.graph.attachedBy(
    r.address,
    'aws_guardduty_detector_feature',
    (f) => f.properties.detector_id,
  );
  for (const u of found.uncertain) features['*'] = u.reason;
  for (const f of found.attached) {
    const name = asString(f.properties.name);
    if (typeof name !== 'string') {
      features['*'] = name ?? new Unknown('detector feature names no plan');
      continue;
    }
    const status = asString(f.properties.status);
    features[name] =
      status instanceof Unknown
        ? status
        : status === 'ENABLED'
          ? true
          : status === 'DISABLED'
            ? false
            : new Unknown(`feature status is ${show(status)}`);
  }
  for (const [name, on] of Object.entries(GUARDDUTY_DEFAULT_FEATURES)) {
    if (name in features) continue;
    features[name] = features['*'] ?? on;
  }
  const enabled = asBool(p.enable) ?? true;
  return posture(r, 'threat-detection', enabled, { detectors: guardDutyDetectors(enabled, features) });
}

/**
 * `aws_securityhub_account` -> posture (`cspm`): one detector over the account's resources, and its standards:
 * the defaults (`enable_default_standards`, default true), `auto_enable_controls` when set, and each
 * `aws_securityhub_standards_subscription` of the same configuration by its `standards_arn`.
 */
export function hubView(r: Resource, ctx: AdapterContext): PostureView {
  const p = r.properties;
  const subscribed: Fact<string>[] = [];
  for (const std of ctx.graph.ofType('aws_securityhub_standards_subscription')) {
    if (std.stack !== r.stack) continue;
    const arn = asString(std.properties.standards_arn);
    if (arn instanceof Unknown) subscribed.push(arn.display ?? arn);
    else if (arn !== undefined) subscribed.push(arn);
  }
  const auto = p.auto_enable_controls;
  return posture(r, 'cspm', true, {
    detectors: [{ type: 'cspm', scope: 'cloud-resources', enabled: true, name: 'Security Hub' }],
    standards: {
      defaults: asBool(p.enable_default_standards) ?? true,
      subscribed,
      ...(auto !== undefined && auto !== null ? { autoEnableControls: asBool(auto) ?? true } : {}),
    },
  });
}

/**
 * `aws_config_configuration_recorder` -> posture (`config-recorder`). The provider creates the
 * recorder stopped: it records only when an `aws_config_configuration_recorder_status` naming it sets
 * `is_enabled = true`. Without `recording_group` AWS Config records every supported type except the
 * global IAM types.
 */
export function recorderView(r: Resource, ctx: AdapterContext): PostureView {
  const p = r.properties;
  const group = block(p.recording_group);
  let allSupported: Fact<boolean>;
  let includeGlobal: Fact<boolean>;
  if (group === undefined) {
    allSupported = true;
    includeGlobal = false;
  } else if (group instanceof Unknown) {
    allSupported = group;
    includeGlobal = group;
  } else {
    const strategy = block(group.recording_strategy);
    const useOnly =
      strategy === undefined || strategy instanceof Unknown ? strategy : asString(strategy.use_only);
    const explicit = asBool(group.all_supported);
    allSupported =
      explicit ??
      (useOnly === undefined
        ? true
        : useOnly instanceof Unknown
          ? useOnly
          : useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES');
    includeGlobal = asBool(group.include_global_resource_types) ?? false;
  }
  const status = ctx.graph.attachedBy(
    r.address,
    'aws_config_configuration_recorder_status',
    (s) => s.properties.name,
  );
  let enabled: Fact<boolean> = false;
  if (status.uncertain[0]) enabled = status.uncertain[0].reason;
  for (const s of status.attached) {
    const on = asBool(s.properties.is_enabled);
    if (on === true) enabled = true;
    else if (on instanceof Unknown && enabled === false) enabled = on;
  }
  return posture(r, 'config-recorder', enabled, {
    recording: { allSupported, globalTypes: includeGlobal },
  });
}

/** `aws_accessanalyzer_analyzer` -> posture (`access-analyzer`) with its `type` (default `ACCOUNT`) as scope. */
export function analyzerView(r: Resource): PostureView {
  return posture(r, 'access-analyzer', true, { analyzerScope: asString(r.properties.type) ?? 'ACCOUNT' });
}

/** `aws_macie2_account` -> posture (`data-discovery`): on unless `status` is `PAUSED` (default `ENABLED`). */
export function macieView(r: Resource): PostureView {
  const status = asString(r.properties.status) ?? 'ENABLED';
  const enabled: Fact<boolean> =
    status instanceof Unknown
      ? status
      : status === 'ENABLED'
        ? true
        : status === 'PAUSED'
          ? false
          : new Unknown(`Macie status is ${show(status)}`);
  return posture(r, 'data-discovery', enabled);
}

/** GuardDuty, Security Hub, Config, IAM Access Analyzer and Macie -> posture views. */
export function registerPosture(registry: AdapterRegistry): void {
  registry.register('terraform', 'aws_guardduty_detector', detectorView);
  registry.register('terraform', 'aws_securityhub_account', hubView);
  registry.register('terraform', 'aws_config_configuration_recorder', recorderView);
  registry.register('terraform', 'aws_accessanalyzer_analyzer', analyzerView);
  registry.register('terraform', 'aws_macie2_account', macieView);
}
