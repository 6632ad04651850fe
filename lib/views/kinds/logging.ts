import type { Unknown } from '../../graph/values';
import type { Fact, ViewBase } from './base';
import type { AtRestEncryption, KeyReference } from './data';

// Logging

export interface AuditTrailView extends ViewBase {
  readonly kind: 'audit-trail';
  readonly logging: Fact<boolean>;
  readonly multiRegion: Fact<boolean>;
  readonly includesGlobalEvents: Fact<boolean>;
  /** Log file integrity validation (CloudTrail SHA-256 digest chain). */
  readonly integrityValidation: Fact<boolean>;
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** Delivery to a log analytics sink (CloudWatch Logs). */
  readonly cloudWatchDelivery: Fact<boolean>;
  /** Address of the store receiving the logs, when in the graph. */
  readonly sinkStore?: string;
  /** Data events captured: read, write, or both; `none` when only management events. */
  readonly dataEvents: Fact<'none' | 'read' | 'write' | 'all'>;
  /** What the data-event selectors capture, one entry a selector and resource type. */
  readonly dataEventSelectors?: readonly DataEventSelector[];
  /**
   * Metric filters on the log group the trail delivers to, each with whether an alarm that acts watches its
   * metric. Undefined without CloudWatch Logs delivery; Unknown when the log group is outside the graph.
   */
  readonly metricFilters?: Fact<readonly LogMetricFilter[]>;
}

/** A metric filter over a trail's log group (CloudWatch Logs metric filter). */
export interface LogMetricFilter {
  /** Address of the filter resource. */
  readonly address: string;
  /** The filter pattern as written. */
  readonly pattern: Fact<string>;
  /** An alarm on the filter's metric (same name and namespace) has at least one alarm action. */
  readonly alarmed: Fact<boolean>;
}

/** Data events one trail selector captures for one resource type. */
export interface DataEventSelector {
  /** CloudTrail data resource type: `AWS::S3::Object`, `AWS::DynamoDB::Table`, `AWS::Lambda::Function`... */
  readonly resourceType: Fact<string>;
  readonly access: 'read' | 'write' | 'all';
  /** Every resource of the type in the account and region (`arn:aws:s3`, no ARN filter). */
  readonly allResources: boolean;
  /** Addresses of graph resources the selector covers whole (every object of a bucket). */
  readonly addresses: readonly string[];
  /** Why some of what the selector covers cannot be told (unresolved ARNs, prefix or event-name filters). */
  readonly unresolved?: Unknown;
}

// ---------------------------------------------------------------------------------------------
