import {
  DescribeBackupVaultCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupSelectionsCommand,
  ListTagsCommand,
  type BackupRule,
} from '@aws-sdk/client-backup';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, type Value } from '../../graph/values';
import { compact, keyValue, liveResource, plain, Reads, tagRecord } from './common';
import type { CollectContext, Collected, Collector } from './types';

const VAULT = 'AWS::Backup::BackupVault';
const SELECTION = 'AWS::Backup::BackupSelection';

const DAY_MS = 86_400_000;

/**
 * `AWS::Backup::BackupVault`: its key and its lock. A lock with a lock date is a compliance-mode
 * lock: `ChangeableForDays` is the days left before it becomes immutable (0 once it is).
 */
export const vaultCollector: Collector = {
  types: [VAULT],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['ResourceNotFoundException']);
    const v = await reads.primary(() =>
      ctx.aws.send(new DescribeBackupVaultCommand({ BackupVaultName: ctx.physicalId })),
    );
    const tags = v.BackupVaultArn
      ? await reads.optional('Tags', () =>
          ctx.aws.send(new ListTagsCommand({ ResourceArn: v.BackupVaultArn })),
        )
      : null;
    const lockDate = v.LockDate instanceof Date ? v.LockDate.getTime() : undefined;
    const properties = compact({
      BackupVaultName: v.BackupVaultName,
      EncryptionKeyArn: await keyValue(ctx, reads, 'EncryptionKeyArn', v.EncryptionKeyArn, 'backup'),
      LockConfiguration: v.Locked
        ? compact({
            MinRetentionDays: v.MinRetentionDays,
            MaxRetentionDays: v.MaxRetentionDays,
            ChangeableForDays:
              lockDate === undefined ? undefined : Math.max(0, Math.ceil((lockDate - Date.now()) / DAY_MS)),
          })
        : undefined,
    });
    const tagValues = tags instanceof Unknown || tags === null ? {} : tagRecord(tags.Tags);
    return reads.result([liveResource(ctx.desired, properties, tagValues)]);
  },
};

/** A plan rule in CloudFormation's shape, vaults as references where the stacks declare them. */
function planRule(ctx: CollectContext, rule: BackupRule): Value {
  const vault = (name: string | undefined) => ctx.ids.refOrId(name, ctx.graph, [VAULT]);
  return compact({
    RuleName: rule.RuleName,
    TargetBackupVault: vault(rule.TargetBackupVaultName),
    ScheduleExpression: rule.ScheduleExpression,
    StartWindowMinutes: rule.StartWindowMinutes,
    CompletionWindowMinutes: rule.CompletionWindowMinutes,
    EnableContinuousBackup: rule.EnableContinuousBackup,
    Lifecycle: rule.Lifecycle ? plain(rule.Lifecycle) : undefined,
    CopyActions: (rule.CopyActions ?? []).map((c) =>
      compact({
        DestinationBackupVaultArn: vault(c.DestinationBackupVaultArn),
        Lifecycle: c.Lifecycle ? plain(c.Lifecycle) : undefined,
      }),
    ),
  });
}

/**
 * `AWS::Backup::BackupPlan`: its rules, and its selections as live `AWS::Backup::BackupSelection`
 * resources naming the plan (at the addresses of the selections declared in the template).
 */
export const planCollector: Collector = {
  types: ['AWS::Backup::BackupPlan'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const BackupPlanId = ctx.physicalId;
    const reads = new Reads(['ResourceNotFoundException']);
    const plan = await reads.primary(() => ctx.aws.send(new GetBackupPlanCommand({ BackupPlanId })));
    const resources: Resource[] = [
      liveResource(
        ctx.desired,
        {
          BackupPlan: compact({
            BackupPlanName: plan.BackupPlan?.BackupPlanName,
            BackupPlanRule: (plan.BackupPlan?.Rules ?? []).map((r) => planRule(ctx, r)),
          }),
        },
        {},
      ),
    ];
    const self = new ResourceRef(ctx.desired.address);
    const listed = await reads.optional('BackupSelection', () =>
      ctx.aws.send(new ListBackupSelectionsCommand({ BackupPlanId })),
    );
    if (listed instanceof Unknown) {
      resources.push(
        liveResource(
          ctx.desired,
          { BackupPlanId: self, BackupSelection: listed },
          {},
          {
            address: `${ctx.desired.address}#selections`,
            type: SELECTION,
          },
        ),
      );
    }
    const ids = listed instanceof Unknown || listed === null ? [] : (listed.BackupSelectionsList ?? []);
    const selections = await Promise.all(
      ids.map(async (s) => {
        const got = await reads.optional('BackupSelection', () =>
          ctx.aws.send(new GetBackupSelectionCommand({ BackupPlanId, SelectionId: s.SelectionId })),
        );
        const declared = ctx.ids.addressOf(s.SelectionId, ctx.graph, [SELECTION]);
        const sel = got instanceof Unknown || got === null ? got : got.BackupSelection;
        const body: Value =
          sel === null || sel === undefined
            ? new Unknown('the backup selection could not be read')
            : sel instanceof Unknown
              ? sel
              : compact({
                  SelectionName: sel.SelectionName,
                  IamRoleArn: sel.IamRoleArn,
                  Resources: (sel.Resources ?? []).map((arn) => ctx.ids.refOrId(arn, ctx.graph) ?? arn),
                  ListOfTags: sel.ListOfTags ? plain(sel.ListOfTags) : undefined,
                  Conditions: sel.Conditions ? plain(sel.Conditions) : undefined,
                });
        return liveResource(
          ctx.desired,
          { BackupPlanId: self, BackupSelection: body },
          {},
          {
            address: declared ?? `${ctx.desired.address}#selection/${s.SelectionId}`,
            type: SELECTION,
            desired: declared ? ctx.graph.get(declared) : undefined,
          },
        );
      }),
    );
    resources.push(...selections);
    return reads.result(resources);
  },
};
