import type { Resource } from '../../graph/resource';
import { Unknown, show, type Value } from '../../graph/values';
import type { BackupVaultView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { enabled, get, keyVaultKey, lower, object } from './common';

/*
 * Recovery Services vaults and Backup vaults (Data Protection) as backup vaults. Immutability is their lock:
 * `Locked` cannot be turned off (compliance), `Unlocked` can (governance), `Disabled` or unset is none.
 * Recovery points are encrypted with Microsoft-managed keys unless the vault names a Key Vault key.
 */

const RECOVERY = 'azure-native:recoveryservices:Vault';
const BACKUP = 'azure-native:dataprotection:BackupVault';

function lock(state: Value | undefined): BackupVaultView['lock'] {
  const s = lower(state);
  if (s instanceof Unknown) return s;
  if (s === undefined || s === 'disabled') return { mode: 'none' };
  if (s === 'unlocked') return { mode: 'governance' };
  if (s === 'locked') return { mode: 'compliance' };
  return new Unknown(`immutability state is ${show(state)}`);
}

/**
 * Failed backup jobs raise an Azure Monitor alert when `monitoringSettings.azureMonitorAlertSettings
 * .alertsForAllJobFailures` is `Enabled`: recorded as the failed-job event. Alert rules and action groups
 * defined elsewhere are not read, so an unset value stays Unknown.
 */
function jobFailureAlerts(props: { readonly [k: string]: Value } | undefined): Fact<readonly string[]> {
  const on = enabled(
    get(props, 'monitoringSettings', 'azureMonitorAlertSettings', 'alertsForAllJobFailures'),
    '`alertsForAllJobFailures`',
  );
  if (on === undefined)
    return new Unknown('`monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures` is not set');
  if (on instanceof Unknown) return on;
  return on ? ['BACKUP_JOB_FAILED'] : [];
}

function view(
  r: Resource,
  ctx: AdapterContext,
  props: Value | undefined,
  keyUri: Value | undefined,
  cmkState?: Fact<boolean>,
): BackupVaultView {
  const p = object(props);
  const security = p instanceof Unknown ? p : object(get(p, 'securitySettings'));
  const key = keyVaultKey(ctx.graph, keyUri);
  const atRest: BackupVaultView['encryption'] =
    cmkState instanceof Unknown
      ? { atRest: cmkState }
      : key && cmkState !== false
        ? { atRest: 'customer-key', key }
        : { atRest: 'provider' };
  return {
    kind: 'backup-vault',
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
    encryption: atRest,
    lock: security instanceof Unknown ? security : lock(get(security, 'immutabilitySettings', 'state')),
    notifications: p instanceof Unknown ? p : jobFailureAlerts(p),
  };
}

export function recoveryVaultView(r: Resource, ctx: AdapterContext): BackupVaultView {
  const props = r.properties.properties;
  return view(r, ctx, props, get(props, 'encryption', 'keyVaultProperties', 'keyUri'));
}

export function backupVaultView(r: Resource, ctx: AdapterContext): BackupVaultView {
  const props = r.properties.properties;
  const enc = get(props, 'securitySettings', 'encryptionSettings');
  return view(
    r,
    ctx,
    props,
    get(enc, 'keyVaultProperties', 'keyUri'),
    enc === undefined ? false : (enabled(get(enc, 'state'), '`encryptionSettings.state`') ?? true),
  );
}

export function registerAzureBackup(registry: AdapterRegistry): void {
  registry.register('pulumi', RECOVERY, recoveryVaultView);
  registry.register('pulumi', BACKUP, backupVaultView);
}
