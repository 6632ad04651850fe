import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asNumber, asString } from '../../graph/values';
import type { Fact, KeyView } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import { parsePolicyDocument } from '../common/policy';
import type { AdapterRegistry } from '../registry';

/** KMS's default rotation period when automatic rotation is enabled without `RotationPeriodInDays`. */
const DEFAULT_ROTATION_DAYS = 365;

/**
 * `AWS::KMS::Key` -> key. Defaults as CloudFormation applies them: `KeySpec` `SYMMETRIC_DEFAULT`,
 * rotation off, `Enabled` true, rotation period 365 days once rotation is on.
 */
export function keyView(r: Resource): KeyView {
  const p = r.properties;
  const spec = asString(p.KeySpec);
  const keySpec: Fact<string> = spec ?? 'SYMMETRIC_DEFAULT';
  const rotationEnabled: Fact<boolean> = asBool(p.EnableKeyRotation) ?? false;
  let rotationPeriodDays: Fact<number> | undefined;
  if (rotationEnabled instanceof Unknown) rotationPeriodDays = rotationEnabled;
  else if (rotationEnabled) rotationPeriodDays = asNumber(p.RotationPeriodInDays) ?? DEFAULT_ROTATION_DAYS;
  return {
    kind: 'key',
    resource: r,
    name: displayName(r),
    keySpec,
    symmetric: keySpec instanceof Unknown ? keySpec : keySpec === 'SYMMETRIC_DEFAULT',
    rotationEnabled,
    rotationPeriodDays,
    enabled: asBool(p.Enabled) ?? true,
    policy: p.KeyPolicy === undefined ? undefined : parsePolicyDocument(p.KeyPolicy),
    classification: classificationOf(r),
  };
}

/** Key views for `AWS::KMS::Key`. */
export function registerKeys(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::KMS::Key', keyView);
}
