import type { Fact, ViewBase } from './base';

// Posture

export interface PostureView extends ViewBase {
  readonly kind: 'posture';
  readonly service:
    | 'config-recorder'
    | 'security-hub'
    | 'threat-detection'
    | 'access-analyzer'
    | 'vulnerability-scanning'
    | 'data-discovery';
  readonly enabled: Fact<boolean>;
  /** Service-specific switches: GuardDuty features, Security Hub standards, recorder scope. */
  readonly features: Readonly<Record<string, Fact<boolean>>>;
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
