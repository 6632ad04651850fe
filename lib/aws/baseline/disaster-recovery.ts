import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { Classification, requirementsFor } from '../../classification';
import { COMPLIANCE_LOCK_GRACE } from '../backup';
import { customerKeyFor, tagClassification } from '../common/classified';
import { drVaultName, levelTitle } from './settings';

/** Levels whose backups are copied to another region. */
export const COPIED_LEVELS: readonly Classification[] = [
  Classification.RESTRICTED,
  Classification.TOP_SECRET,
];

/**
 * The vaults of the disaster-recovery region that receive the cross-region copies of RESTRICTED and
 * TOP_SECRET backups: named `bulwark-dr-<level>` (the ARN the baseline's plans copy to), each
 * encrypted with a customer-managed key rotating as the level requires, locked in compliance mode
 * with the level's retention window (copies kept at least as long as the plan keeps them, never
 * longer than the data), retained on stack deletion.
 */
export class DisasterRecoveryStack extends Stack {
  /** The vaults, by level. */
  readonly vaults: Readonly<Partial<Record<Classification, backup.BackupVault>>>;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vaults: Partial<Record<Classification, backup.BackupVault>> = {};
    for (const level of COPIED_LEVELS) {
      const req = requirementsFor(level);
      const name = levelTitle(level);
      const key = customerKeyFor(this, `${name}Key`, level, `Encrypts ${level} backup copies`) as kms.Key;
      const keep = req.backup.retentionDays!;
      const cap = req.dataRetentionDays!;
      const vault = new backup.BackupVault(this, `${name}Vault`, {
        backupVaultName: drVaultName(level),
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
        blockRecoveryPointDeletion: true,
        lockConfiguration: {
          minRetention: Duration.days(keep >= cap ? cap - 1 : keep),
          maxRetention: Duration.days(cap),
          changeableFor: COMPLIANCE_LOCK_GRACE,
        },
      });
      tagClassification(vault, level);
      vaults[level] = vault;
    }
    this.vaults = vaults;
  }
}
