import { Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { Classification, requirementsFor, tagValue } from '../../classification';
import { ClassifiedBackup } from '../backup';
import { CLEARANCE_TAG } from '../stores';
import { drVaultArn, levelTitle } from './settings';

/** Levels that take backups: every level but PUBLIC. */
export const BACKED_UP_LEVELS: readonly Classification[] = [
  Classification.INTERNAL,
  Classification.CONFIDENTIAL,
  Classification.RESTRICTED,
  Classification.TOP_SECRET,
];

/** Props of {@link BaselineBackups}. */
export interface BaselineBackupsProps {
  /** Region of the vaults receiving the cross-region copies (RESTRICTED and TOP_SECRET). */
  readonly drRegion: string;
  /**
   * Copy destination per level, instead of the `bulwark-dr-<level>` vault in `drRegion`.
   * @default - `drVaultArn(scope, drRegion, level)`
   */
  readonly copyDestinationVaultArns?: Partial<Record<Classification, string>>;
  /** Topic notified of failed backup and copy jobs of every level. */
  readonly failureTopic?: sns.ITopic;
}

/**
 * One {@link ClassifiedBackup} per level from INTERNAL to TOP_SECRET, each selecting the resources
 * tagged with its level. The role of each plan carries the `clearance` tag of its level, so that
 * the attribute-based key and resource policies of RESTRICTED and TOP_SECRET stores admit AWS
 * Backup; pass {@link roleOf} to those stores' `trustedServiceRoles`, which exempts the role from
 * the VPC endpoint condition (AWS Backup does not come through your endpoints).
 */
export class BaselineBackups extends Construct {
  /** The backups, by level. */
  readonly byLevel: Readonly<Partial<Record<Classification, ClassifiedBackup>>>;
  private readonly roles: Partial<Record<Classification, iam.Role>> = {};

  constructor(scope: Construct, id: string, props: BaselineBackupsProps) {
    super(scope, id);
    const byLevel: Partial<Record<Classification, ClassifiedBackup>> = {};
    for (const level of BACKED_UP_LEVELS) {
      const copy = requirementsFor(level).backup.crossRegionCopy
        ? (props.copyDestinationVaultArns?.[level] ?? drVaultArn(this, props.drRegion, level))
        : undefined;
      const backup = new ClassifiedBackup(this, levelTitle(level), {
        classification: level,
        copyDestinationVaultArn: copy,
        failureTopic: props.failureTopic,
      });
      const role = backup.node.tryFindChild('Role');
      if (!(role instanceof iam.Role)) throw new Error(`${backup.node.path}: the backup role was not found`);
      Tags.of(role).add(CLEARANCE_TAG, tagValue(level));
      this.roles[level] = role;
      byLevel[level] = backup;
    }
    this.byLevel = byLevel;
  }

  /** The role AWS Backup uses for `level`'s plan. */
  roleOf(level: Classification): iam.IRole {
    const role = this.roles[level];
    if (!role) throw new Error(`${this.node.path}: ${level} takes no backups`);
    return role;
  }
}
