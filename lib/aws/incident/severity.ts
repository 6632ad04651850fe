import type * as sns from 'aws-cdk-lib/aws-sns';

/** Severity classes of security incidents, most urgent first. */
export type IncidentSeverity = 'critical' | 'high' | 'medium' | 'low';

/** Every severity class, most urgent first. */
export const INCIDENT_SEVERITIES: readonly IncidentSeverity[] = ['critical', 'high', 'medium', 'low'];

/** How fast an incident of a severity class must be responded to, from the security model. */
export interface ResponseTarget {
  /** Minutes from notification to first response. */
  readonly minutes: number;
  /** The target as people say it (`15 min`), used in topic names and tags. */
  readonly label: string;
}

/** Response-time targets per severity class: 15 minutes, 1 hour, 4 hours, 24 hours. */
export const RESPONSE_TARGETS: Readonly<Record<IncidentSeverity, ResponseTarget>> = {
  critical: { minutes: 15, label: '15 min' },
  high: { minutes: 60, label: '1 h' },
  medium: { minutes: 240, label: '4 h' },
  low: { minutes: 1440, label: '24 h' },
};

/** One notification topic per severity class: where alarms and findings of that class go. */
export interface AlarmTopics {
  /** Respond within 15 minutes. */
  readonly critical: sns.ITopic;
  /** Respond within 1 hour. */
  readonly high: sns.ITopic;
  /** Respond within 4 hours. */
  readonly medium: sns.ITopic;
  /** Respond within 24 hours. */
  readonly low: sns.ITopic;
}
