import type { Detector, DetectorScope, DetectorType, Fact, PostureView } from '../kinds';

/** GuardDuty protection plans by feature name (`Features[].Name`, `aws_guardduty_detector_feature.name`). */
const GUARDDUTY_PLANS: Readonly<
  Record<string, { readonly type: DetectorType; readonly scope: DetectorScope; readonly title: string }>
> = {
  S3_DATA_EVENTS: { type: 'threat-detection', scope: 'object-store-data', title: 'S3 Protection' },
  EKS_AUDIT_LOGS: { type: 'threat-detection', scope: 'kubernetes-audit-logs', title: 'EKS Protection' },
  RDS_LOGIN_EVENTS: { type: 'threat-detection', scope: 'database-logins', title: 'RDS Protection' },
  LAMBDA_NETWORK_LOGS: { type: 'threat-detection', scope: 'function-network', title: 'Lambda Protection' },
  RUNTIME_MONITORING: { type: 'threat-detection', scope: 'workload-runtime', title: 'Runtime Monitoring' },
  EKS_RUNTIME_MONITORING: {
    type: 'threat-detection',
    scope: 'kubernetes-runtime',
    title: 'EKS Runtime Monitoring',
  },
  EBS_MALWARE_PROTECTION: {
    type: 'malware-protection',
    scope: 'virtual-machines',
    title: 'Malware Protection for EC2',
  },
};

/**
 * Protection plans a new detector turns on when the configuration does not name them: every optional
 * feature except Runtime Monitoring (GuardDuty `CreateDetector`, which CloudFormation and the Terraform
 * provider call).
 * @see https://docs.aws.amazon.com/cli/latest/reference/guardduty/create-detector.html
 */
export const GUARDDUTY_DEFAULT_FEATURES: Readonly<Record<string, boolean>> = {
  S3_DATA_EVENTS: true,
  EKS_AUDIT_LOGS: true,
  EBS_MALWARE_PROTECTION: true,
  RDS_LOGIN_EVENTS: true,
  LAMBDA_NETWORK_LOGS: true,
  RUNTIME_MONITORING: false,
};

/**
 * The detectors of a GuardDuty detector: its foundational threat detection over the account's activity
 * (CloudTrail management events, VPC flow logs, DNS logs: on whenever the detector is), and one detector per
 * protection plan the feature states name. A feature name GuardDuty does not document is left out.
 */
export function guardDutyDetectors(
  enabled: Fact<boolean>,
  features: Readonly<Record<string, Fact<boolean>>>,
): Detector[] {
  const out: Detector[] = [
    { type: 'threat-detection', scope: 'account-activity', enabled, name: 'GuardDuty', title: 'GuardDuty' },
  ];
  for (const [name, on] of Object.entries(features)) {
    const plan = Object.prototype.hasOwnProperty.call(GUARDDUTY_PLANS, name)
      ? GUARDDUTY_PLANS[name]
      : undefined;
    if (plan) out.push({ ...plan, enabled: on, name });
  }
  return out;
}

/** The detector of a repository's or registry's image scanning. */
export function imageScanningDetectors(enabled: Fact<boolean>, name: string): Detector[] {
  return [{ type: 'vulnerability-scanning', scope: 'container-images', enabled, name }];
}

/** The detector of a given scope (and type, when several types share it), if the view has one. */
export function detectorOf(
  view: PostureView,
  scope: DetectorScope,
  type?: DetectorType,
): Detector | undefined {
  return view.detectors.find((d) => d.scope === scope && (type === undefined || d.type === type));
}

/** A detector as messages name it: the plan's documented title, then its name as configured (`Defender for Servers (`VirtualMachines`)`). */
export function detectorLabel(d: Detector): string {
  return d.title ? `${d.title} (\`${d.name}\`)` : `\`${d.name}\``;
}
