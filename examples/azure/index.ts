/**
 * A classified estate on Azure: one audit workspace, one segmented network, the subscription's
 * posture, and data stores of four levels, each built from a `bulwark/azure` component and secure by
 * default. `bulwark check examples/azure` runs it under Pulumi's mocks and checks what it registers.
 */
import * as pulumi from '@pulumi/pulumi';
import * as resources from '@pulumi/azure-native/resources';
import {
  AuditWorkspace,
  Classification,
  ClassifiedAiAccount,
  ClassifiedBackupVault,
  ClassifiedKeyVault,
  ClassifiedSqlServer,
  ClassifiedStorageAccount,
  SecurityPosture,
  SegmentedVirtualNetwork,
  Tier,
} from '../../lib/azure';

const config = new pulumi.Config();
const location = new pulumi.Config('azure-native').require('location');
const account = { tenantId: config.require('tenantId'), subscriptionId: config.require('subscriptionId') };

const group = new resources.ResourceGroup('estate', { location });
const placement = { resourceGroupName: group.name, location };

// Its archive's key lives in a CONFIDENTIAL vault of its own: every other vault sends its audit log here.
const audit = new AuditWorkspace('audit', {
  ...placement,
  ...account,
  serviceManagedKey: {
    reason:
      'Log Analytics takes a customer key only on a dedicated cluster (100 GB a day and up); the estate logs far less',
  },
  unmaskedLogs: {
    reason: 'Audit records name the caller and its address: masking them would defeat what they are kept for',
  },
  noArchiveBackup: {
    reason:
      'Azure Backup copies block blobs only and the exports are append blobs: the immutability policy keeps them',
  },
});
const network = new SegmentedVirtualNetwork('network', {
  ...placement,
  ...account,
  audit,
  addressSpace: '10.40.0.0/16',
  flows: [
    { from: Tier.INGRESS, to: Tier.APPLICATION, port: 443 },
    { from: Tier.APPLICATION, to: Tier.DATA, port: 443 },
    { from: Tier.APPLICATION, to: Tier.DATA, port: 1433 },
  ],
});
new SecurityPosture('posture', {
  ...account,
  audit,
  securityContactEmails: config.require('securityContactEmails'),
});

// Keys of CONFIDENTIAL and RESTRICTED data: HSM-backed, since they carry the most sensitive level.
const keys = new ClassifiedKeyVault('keys', {
  ...placement,
  ...account,
  classification: Classification.RESTRICTED,
  network,
  audit,
});

// PUBLIC: the marketing site's assets, readable by anyone.
new ClassifiedStorageAccount('site', {
  ...placement,
  classification: Classification.PUBLIC,
  audit,
  anonymousRead: { reason: 'Static marketing assets served to every visitor through the CDN' },
});

// INTERNAL: monthly reports, backed up daily.
const reports = new ClassifiedStorageAccount('reports', {
  ...placement,
  classification: Classification.INTERNAL,
  audit,
  network,
  keyVault: keys,
});
const internalBackups = new ClassifiedBackupVault('backup-internal', {
  ...placement,
  ...account,
  classification: Classification.INTERNAL,
  audit,
  keyVault: keys,
});
internalBackups.protect('reports', reports, ['reports']);

// CONFIDENTIAL: customer documents, backed up daily and continuously.
const documents = new ClassifiedStorageAccount('documents', {
  ...placement,
  classification: Classification.CONFIDENTIAL,
  audit,
  network,
  keyVault: keys,
});
const confidentialBackups = new ClassifiedBackupVault('backup-confidential', {
  ...placement,
  ...account,
  classification: Classification.CONFIDENTIAL,
  audit,
  keyVault: keys,
});
confidentialBackups.protect('documents', documents, ['contracts', 'correspondence']);

// RESTRICTED: identity evidence and the payments ledger, reachable only through private endpoints.
const evidence = new ClassifiedStorageAccount('evidence', {
  ...placement,
  classification: Classification.RESTRICTED,
  audit,
  network,
  keyVault: keys,
});
const restrictedBackups = new ClassifiedBackupVault('backup-restricted', {
  ...placement,
  ...account,
  classification: Classification.RESTRICTED,
  audit,
  keyVault: keys,
});
restrictedBackups.protect('evidence', evidence, ['kyc']);

const payments = new ClassifiedSqlServer('payments', {
  ...placement,
  ...account,
  classification: Classification.RESTRICTED,
  administrator: {
    login: config.require('sqlAdminGroup'),
    objectId: config.require('sqlAdminGroupObjectId'),
  },
  audit,
  network,
  keyVault: keys,
});
payments.addDatabase('ledger', {
  sku: { name: 'GP_S_Gen5', tier: 'GeneralPurpose', family: 'Gen5', capacity: 2 },
});

// CONFIDENTIAL: the support assistant reads customer documents.
new ClassifiedAiAccount('assistant', {
  ...placement,
  classification: Classification.CONFIDENTIAL,
  kind: 'AIServices',
  customSubDomainName: 'contoso-support-assistant',
  audit,
  network,
  keyVault: keys,
});

export const workspaceId = audit.workspace.id;
export const virtualNetworkId = network.virtualNetwork.id;
