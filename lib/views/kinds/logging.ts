import type { Unknown } from '../../graph/values';
import type { Fact, ViewBase } from './base';
import type { AtRestEncryption, KeyReference } from './data';

// Logging

export interface AuditTrailView extends ViewBase {
  readonly kind: 'audit-trail';
  readonly logging: Fact<boolean>;
  readonly multiRegion: Fact<boolean>;
  readonly includesGlobalEvents: Fact<boolean>;
  /**
   * Tampering with delivered records is detected or prevented: log file integrity validation (CloudTrail SHA-256
   * digest chain), or, where the service writes no digest (the Azure activity log), delivery to write-once storage
   * (version-level immutability on the storage account that keeps the records).
   */
  readonly integrityValidation: Fact<boolean>;
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** Delivery to a log analytics sink, where events are searched and alerted on (CloudWatch Logs, a Log Analytics workspace). */
  readonly cloudWatchDelivery: Fact<boolean>;
  /** Address of the store receiving the log files (a bucket; the storage account archiving an activity log), when in the graph. */
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

/** Where a resource-log setting sends logs: a log workspace, a store (archive), an event stream or a partner service. */
export type LogDestination = 'workspace' | 'store' | 'event-stream' | 'partner';

/**
 * A resource that writes resource logs of its own (Azure diagnostic logs: a key vault's audit events, an NSG's rule
 * events, a cluster's API audit), with the settings that send them somewhere. Only resources of services that write
 * such logs have one; sending them is a separate resource per destination.
 */
export interface ResourceLogsView extends ViewBase {
  readonly kind: 'resource-logs';
  /** The settings that name the resource, in graph order. */
  readonly settings: readonly {
    /** Address of the setting. */
    readonly address: string;
    /** Which logs it sends: every category, the audit categories, some named ones, or none. */
    readonly logs: Fact<'all' | 'audit' | 'some' | 'none'>;
    readonly destinations: Fact<readonly LogDestination[]>;
  }[];
  /** Settings that may name the resource but whose target cannot be resolved. */
  readonly unresolved?: Unknown;
}
