import type { Classification } from '../../classification';
import type { Unknown } from '../../graph/values';
import type { ClassificationFact, Fact, ViewBase } from './base';
import type { AtRestEncryption, KeyReference } from './data';

// Backup

export interface BackupVaultView extends ViewBase {
  readonly kind: 'backup-vault';
  /** The vault's own `data-classification` tag: the level of the recovery points it is meant to hold. */
  readonly classification?: ClassificationFact;
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** Vault events published to a notification topic (`BACKUP_JOB_FAILED`...); empty when none are. */
  readonly notifications?: Fact<readonly string[]>;
  readonly lock: Fact<{
    readonly mode: 'none' | 'governance' | 'compliance';
    readonly minRetentionDays?: number;
    readonly maxRetentionDays?: number;
  }>;
}

export interface BackupPlanRule {
  readonly name: string;
  readonly schedule?: Fact<string>;
  /**
   * Longest gap in hours between two backups the rule takes, where the source states its schedule other than as a
   * cron `schedule` (an ISO 8601 repeating interval); Infinity for a rule that schedules none (continuous backups
   * only). Undefined: read `schedule`.
   */
  readonly intervalHours?: Fact<number>;
  readonly deleteAfterDays?: Fact<number>;
  readonly continuous: Fact<boolean>;
  readonly vault?: string;
  /**
   * The rule's recovery points stay with the protected resource and in no vault (Azure Blob operational backup:
   * continuous, restored to a point in time from the account itself): no vault lock applies to them.
   */
  readonly inPlace?: boolean;
  readonly copiesTo: readonly Fact<string>[];
  /** Each copy action: its destination vault (address or ARN) and how long the copy is kept (absent: forever). */
  readonly copies?: readonly {
    readonly destination: Fact<string>;
    readonly deleteAfterDays?: Fact<number>;
  }[];
}

export interface BackupPlanView extends ViewBase {
  readonly kind: 'backup-plan';
  readonly rules: readonly BackupPlanRule[];
  /**
   * The shortest interval, in hours, at which the service schedules backups of what the plan protects, where it is
   * longer than an hour (Azure Blob vaulted backups run daily or weekly): a level asking for more frequent backups is
   * held to it. Undefined: the service schedules backups as often as hourly.
   */
  readonly shortestScheduleHours?: number;
  /** What the plan selects: tag conditions and explicit resources. */
  readonly selections: readonly {
    readonly address: string;
    readonly tags: readonly { readonly key: Fact<string>; readonly value: Fact<string> }[];
    readonly resources: readonly Fact<string>[];
    /**
     * What of the selection `tags` and `resources` leave out and may add or exclude stores: `StringLike`,
     * `StringNotEquals` or `StringNotLike` conditions, `NotResources`, a tag condition of unresolved type.
     * Absent when the selection is read whole.
     */
    readonly unread?: Unknown;
    /**
     * Classification levels the selection takes in: from its conditions on the `data-classification` tag
     * (negated ones applied) and the tags of the graph resources it takes in. Unknown when a condition or
     * resource cannot be resolved.
     */
    readonly selectsClassification?: Fact<readonly Classification[]>;
    /**
     * Levels the selection may take in, besides `selectsClassification`, where a part of it that cannot be
     * read (a wildcard exclusion, a tag known only at deploy time) may leave them out; each with why.
     */
    readonly maySelectClassification?: readonly {
      readonly level: Classification;
      readonly reason: Unknown;
    }[];
  }[];
}

// ---------------------------------------------------------------------------------------------
