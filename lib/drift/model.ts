import type { Severity } from '../engine/rule';

/*
 * What a drift run produces. The report carries it as its `drift` section (lib/report renders it).
 */

/** How a deployed resource differs from the desired state. */
export type DriftKind =
  /** A security fact differs between the desired and the live view. */
  | 'changed'
  /** The resource was deleted outside the pipeline (the API answers "not found"). */
  | 'deleted'
  /** The desired resource is not among its stack's deployed resources. */
  | 'missing'
  /** The resource (or one of its properties) could not be read: access denied, throttled, an error. */
  | 'unreadable'
  /** Bulwark does not read this type live: reported, never skipped silently. */
  | 'not-checked';

/** A JSON value as the report carries it (unknown values as their readable rendering). */
export type DriftValue =
  string | number | boolean | null | readonly DriftValue[] | { readonly [k: string]: DriftValue };

/** One difference between the desired state and what is deployed. */
export interface ReportDriftEntry {
  readonly kind: DriftKind;
  /** Address of the desired resource: `Stack/LogicalId`. */
  readonly address: string;
  /** CloudFormation type: `AWS::S3::Bucket`. */
  readonly type: string;
  /** Display name used in messages. */
  readonly name: string;
  /** Physical id of the deployed resource, when known. */
  readonly physicalId?: string;
  /** CDK construct path, when known. */
  readonly path?: string;
  readonly stack?: string;
  /** Template file (relative, forward slashes) and line of the declaration, when known. */
  readonly file?: string;
  readonly line?: number;
  /** Kind of view the fact belongs to: `data-store`, `firewall`... (changed entries). */
  readonly view?: string;
  /** The fact that differs, as a path in the view: `encryption.atRest`, `rules`; or the property that could not be read. */
  readonly fact?: string;
  /** The desired value (`null` for a rule added out of band). */
  readonly desired?: DriftValue;
  /** The live value (`null` for a rule removed out of band). */
  readonly live?: DriftValue;
  /**
   * Rule ids the difference touches: for a changed fact, the rules whose outcome this change alone
   * alters; for a deleted, missing or unreadable resource, the rules that applied to it.
   */
  readonly rules: readonly string[];
  /** Control references of those rules. */
  readonly controls: readonly string[];
  /**
   * The highest severity of those rules; `low` when none; at least `high` for a deleted or missing
   * resource (its controls hold nowhere any more).
   */
  readonly severity: Severity;
  /**
   * Whether the entry counts toward the exit code (at or above `--fail-on`): changed, deleted and
   * missing entries do (a change outside the pipeline is drift whatever the rule's enforcement);
   * unreadable ones do when they hide rules and the pack gates unknowns; not-checked ones, and
   * resources left unread by an interruption, never do.
   */
  readonly gating: boolean;
  /** What differs, naming the resource in backticks. Text from the artifact and the cloud: escape it. */
  readonly message: string;
}

/** A live fact about the account and region rather than a resource of the stacks. */
export interface ReportAccountFact {
  /** `ebs-encryption-by-default`. */
  readonly name: string;
  /** The value read, or `unknown` when it could not be read. */
  readonly value: boolean | string | number | 'unknown';
  readonly detail?: string;
}

/** The drift section of a `bulwark drift` report. */
export interface ReportDrift {
  /** Account and region read. */
  readonly account?: string;
  readonly region?: string;
  /** Stacks compared. */
  readonly stacks: readonly string[];
  /** Counts over the desired resources of those stacks. */
  readonly resources: {
    readonly desired: number;
    /** Read live (changed or not). */
    readonly read: number;
    readonly changed: number;
    readonly deleted: number;
    readonly missing: number;
    readonly unreadable: number;
    readonly notChecked: number;
  };
  /** Requests sent to AWS, and how long the run took. */
  readonly requests?: number;
  readonly durationMs?: number;
  /** Differences, sorted by severity, address and fact. */
  readonly entries: readonly ReportDriftEntry[];
  /** Account-level facts read along the way. */
  readonly accountFacts: readonly ReportAccountFact[];
}
