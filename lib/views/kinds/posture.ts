import type { Fact, ViewBase } from './base';

// Posture

/** What a detector does: the four families every cloud's posture services fall into. */
export type DetectorType = 'threat-detection' | 'cspm' | 'vulnerability-scanning' | 'malware-protection';

/**
 * What a detector watches. `account-activity`: the account's or subscription's control-plane, network and DNS
 * activity; `object-store-data`: data access to object stores; `kubernetes-audit-logs`: the Kubernetes API audit
 * log; `database-logins`: sign-ins to databases; `function-network`: network activity of serverless functions;
 * `workload-runtime`: processes, files and connections inside virtual machines, containers and clusters;
 * `kubernetes-runtime`: the same, for Kubernetes clusters only; `virtual-machines`: the disks of virtual machines;
 * `container-images`: images in a container registry; `cloud-resources`: the configuration of the account's
 * resources against benchmark standards; `key-stores`: access to key and secret stores; `web-applications`: requests
 * to and activity of managed web apps; `ai-workloads`: prompts and responses of AI services; `apis`: calls to managed
 * API gateways.
 */
export type DetectorScope =
  | 'account-activity'
  | 'object-store-data'
  | 'kubernetes-audit-logs'
  | 'database-logins'
  | 'function-network'
  | 'workload-runtime'
  | 'kubernetes-runtime'
  | 'virtual-machines'
  | 'container-images'
  | 'cloud-resources'
  | 'key-stores'
  | 'web-applications'
  | 'ai-workloads'
  | 'apis';

/** One detection plan of a posture service: a GuardDuty protection plan, a Defender for Cloud plan, ECR scanning. */
export interface Detector {
  readonly type: DetectorType;
  readonly scope: DetectorScope;
  /** The plan itself is on; the service's own `enabled` is a separate fact (a plan of a disabled service runs nowhere). */
  readonly enabled: Fact<boolean>;
  /** The provider's name of the plan, for messages (`S3_DATA_EVENTS`, `EBS_MALWARE_PROTECTION`). */
  readonly name: string;
  /**
   * The plan as the provider's documentation calls it, for messages (`S3 Protection`, `Malware Protection for EC2`,
   * `Defender for Servers`); undefined when it has no name of its own.
   */
  readonly title?: string;
  /**
   * The plan an add-on detector belongs to (an extension of a Defender plan, such as Defender for Storage's malware
   * scanning): judged by the rules of its own type, not as a plan of the service.
   */
  readonly partOf?: string;
}

/** Benchmark standards a CSPM service evaluates (Security Hub standards, Azure policy initiatives). */
export interface PostureStandards {
  /** The service's default standards are on (Security Hub: AWS Foundational Security Best Practices and CIS). */
  readonly defaults: Fact<boolean>;
  /**
   * Standards subscribed beside the defaults, by identifier as written (a Security Hub standards ARN, rendered with
   * its unresolved parts); an Unknown when an identifier cannot even be rendered.
   */
  readonly subscribed: readonly Fact<string>[];
  /** New controls of enabled standards are turned on as the provider adds them; undefined when not set. */
  readonly autoEnableControls?: Fact<boolean>;
}

export interface PostureView extends ViewBase {
  readonly kind: 'posture';
  /**
   * The posture service: `config-recorder` (resource configuration history), `cspm` (Security Hub, Defender CSPM),
   * `threat-detection` (GuardDuty, Defender plans), `access-analyzer` (external access findings),
   * `vulnerability-scanning` (a registry's or repository's image scanning), `data-discovery` (Macie).
   */
  readonly service:
    | 'config-recorder'
    | 'cspm'
    | 'threat-detection'
    | 'access-analyzer'
    | 'vulnerability-scanning'
    | 'data-discovery';
  /** The service runs. */
  readonly enabled: Fact<boolean>;
  /**
   * The account or subscription the service covers, where the resource names it (an Azure subscription scope
   * `/subscriptions/<id>`); undefined where the service covers the account it is declared in (GuardDuty, Security Hub).
   */
  readonly scope?: Fact<string>;
  /**
   * The one resource the service watches, by address, where it is turned on for that resource alone (Defender for SQL
   * on one logical server); undefined for a service that covers its account or subscription.
   */
  readonly watches?: string;
  /**
   * Where the service publishes its alerts, as event routes match them (`source`, `detailType`); undefined: the
   * service's findings are read by the rules that know it (GuardDuty, Security Hub on EventBridge).
   */
  readonly alerts?: { readonly source: string; readonly detailType: string; readonly name: string };
  /** The detection plans the service runs, each typed and scoped. Empty for a service that detects nothing itself. */
  readonly detectors: readonly Detector[];
  /** CSPM services: the standards evaluated. */
  readonly standards?: PostureStandards;
  /** Configuration recorders: what is recorded. */
  readonly recording?: {
    /** Every resource type the service supports. */
    readonly allSupported: Fact<boolean>;
    /** Global identity resource types too (IAM users, roles, groups, policies). */
    readonly globalTypes: Fact<boolean>;
  };
  /** Image repositories: a pushed image cannot overwrite an existing tag. */
  readonly immutableTags?: Fact<boolean>;
  /** Access analyzers: the zone of trust, as the provider names it (`ACCOUNT`, `ORGANIZATION`). */
  readonly analyzerScope?: Fact<string>;
  /**
   * Vulnerability scanning: how images are scanned. `enhanced`: the deeper scanner (Inspector); `onPush`,
   * `continuous`: when; `registry`: a registry-wide configuration covers the repository.
   */
  readonly scanning?: {
    readonly enhanced?: Fact<boolean>;
    readonly onPush?: Fact<boolean>;
    readonly continuous?: Fact<boolean>;
    readonly registry?: Fact<boolean>;
  };
}

// ---------------------------------------------------------------------------------------------
// Incident response

/** A route for events to targets: an EventBridge rule. */
export interface EventRouteView extends ViewBase {
  readonly kind: 'event-route';
  readonly enabled: Fact<boolean>;
  /** Event bus the route listens on: `default` for the account's default bus. */
  readonly bus: Fact<string>;
  /**
   * Event sources the pattern matches (`aws.guardduty`); empty when the pattern does not filter on the
   * source; undefined when the route has no event pattern (scheduled).
   */
  readonly sources?: Fact<readonly string[]>;
  /** Detail types the pattern matches; empty when it does not filter on them. */
  readonly detailTypes?: Fact<readonly string[]>;
  /** Targets: addresses of graph resources, otherwise ARNs as written. */
  readonly targets: readonly Fact<string>[];
}

// ---------------------------------------------------------------------------------------------
