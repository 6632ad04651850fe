import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';
import { requirementsFor, type AtRestRequirement } from '../../../lib/classification';
import type { AtRestEncryption, DataStoreType } from '../../../lib/views/kinds';

/** What satisfies each requirement; `dedicated-customer-key` is held to a customer key (see rationale). */
function accepted(req: AtRestRequirement, store: DataStoreType): readonly AtRestEncryption[] {
  switch (req) {
    case 'provider':
      return ['provider', 'kms-provider-key', 'customer-key', 'double'];
    case 'kms':
      return ['kms-provider-key', 'customer-key', 'double'];
    case 'customer-key':
    case 'dedicated-customer-key':
      return ['customer-key', 'double'];
    case 'double':
      return store === 'object-store' ? ['double'] : ['customer-key', 'double'];
  }
}

const WANTED: Record<AtRestRequirement, string> = {
  provider: 'encryption at rest',
  kms: 'a KMS key',
  'customer-key': 'a customer-managed KMS key',
  'dedicated-customer-key': 'a customer-managed KMS key dedicated to the store',
  double: 'two layers of encryption (DSSE-KMS)',
};

/** The same requirements where keys live in Key Vault (or Managed HSM). */
const WANTED_AZURE: Record<AtRestRequirement, string> = {
  provider: 'encryption at rest',
  kms: 'a Key Vault key',
  'customer-key': 'a customer-managed key in Key Vault',
  'dedicated-customer-key': 'a customer-managed key in Key Vault dedicated to the store',
  double: 'two layers of encryption',
};

export default defineRule({
  id: 'BW-DP-012',
  title: 'Classified data stores are encrypted as their level requires',
  severity: 'high',
  controls: [
    'classification:AT-REST',
    'mcsb-v1:DP-5',
    'nist-csf-2.0:PR.DS-01',
    'gdpr:Art.25(1)',
    'gdpr:Art.32(1)(a)',
    'ccpa:1798.100(e)',
  ],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'Each level sets the encryption its data needs: PUBLIC any, INTERNAL a KMS key, CONFIDENTIAL a customer-managed ' +
    "key (its policy and use are the owner's), RESTRICTED a customer-managed key dedicated to the store, TOP_SECRET two " +
    'layers (S3 DSSE-KMS; elsewhere a dedicated customer-managed key). Views do not show which stores share a key, so ' +
    'RESTRICTED and TOP_SECRET non-object stores are checked for a customer-managed key only; dedication is not asserted. ' +
    'Two layers on provider-managed keys (Azure infrastructure encryption with Microsoft-managed keys) meet INTERNAL, never a level that asks for a customer-managed key. ' +
    'A bucket receiving application or classic load balancer access logs can only use SSE-S3 (the services deliver ' +
    'to no other encryption): the level is not asserted on it.',
  fix: {
    cdk:
      'Give the store the key its level requires: `encryptionKey` with a `kms.Key` of its own from CONFIDENTIAL up, ' +
      'and `BucketEncryption.DSSE` for TOP_SECRET buckets.',
    terraform:
      "Name the key the level requires: a customer-managed `aws_kms_key` of the store's own from CONFIDENTIAL up " +
      '(`kms_master_key_id`, `kms_key_id`, or `server_side_encryption { kms_key_arn }` on DynamoDB), and ' +
      '`sse_algorithm = "aws:kms:dsse"` in the `aws_s3_bucket_server_side_encryption_configuration` of TOP_SECRET ' +
      'buckets.',
    pulumi:
      'Name the key the level requires from CONFIDENTIAL up: `storage.StorageAccount` `encryption` with ' +
      '`keySource: "Microsoft.Keyvault"` and `keyVaultProperties`, `sql.Server` `keyId`, ' +
      '`cognitiveservices.Account` `properties.encryption` with `keySource: "Microsoft.KeyVault"`; infrastructure ' +
      'encryption (`requireInfrastructureEncryption`) adds a layer and does not replace the key.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    if (view.memoryOnly) return notApplicable('the store keeps its data in memory only');
    const req = requirementsFor(c.level).atRest;
    const wanted = cloudOfResource(view.resource) === 'azure' ? WANTED_AZURE : WANTED;
    const at = view.encryption.atRest;
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: encryption at rest cannot be resolved (${at.reason})`);
    const delivery = view.logDeliveries?.find((d) => d.providerKeyOnly);
    if (delivery && at === 'provider' && req !== 'provider')
      return notApplicable(
        `\`${view.name}\` receives ${delivery.what}, which are delivered only to stores on service-managed keys ` +
          `(SSE-S3): ${wanted[req]} would stop them`,
      );
    // Two layers on provider-managed keys (Azure infrastructure encryption with Microsoft keys, DSSE-KMS on the
    // AWS managed key) meet a level that asks for a KMS key, never one that asks for a customer's key.
    const customerKeyWanted = req !== 'provider' && req !== 'kms';
    if (at === 'double' && customerKeyWanted && view.encryption.key === undefined) {
      return fail(
        `\`${view.name}\` is ${c.level} and uses two layers of encryption on provider-managed keys; the level requires ` +
          wanted[req],
      );
    }
    if (!accepted(req, view.storeType).includes(at)) {
      return fail(
        `\`${view.name}\` is ${c.level} and uses ${at} encryption; the level requires ${wanted[req]}`,
      );
    }
    return pass(`\`${view.name}\` is ${c.level} and uses ${at} encryption`);
  },
});
