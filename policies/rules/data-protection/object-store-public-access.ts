import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';

export default defineRule({
  id: 'BW-DP-008',
  title: 'Object stores block public access',
  severity: 'high',
  controls: [
    'cis-aws-5.0:2.1.4',
    'cis-azure-6.0:9.3.8',
    'mcsb-v1:NS-2',
    'nist-csf-2.0:PR.AA-05',
    'classification:PUBLIC-ACCESS',
    'gdpr:Art.5(1)(f)',
    'gdpr:Art.25(2)',
  ],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'S3 Block Public Access overrides public ACLs and public bucket policies, so one mistaken grant cannot expose the ' +
    'bucket. All four settings are needed: blocking new public ACLs or policies alone leaves existing ones in force. ' +
    'Data that is meant to be public is the only exception, and it is taken explicitly, with a reason. An Azure ' +
    'storage account that disallows anonymous blob access (`allowBlobPublicAccess: false`) does the same: no container ' +
    'can then be made public.',
  fix: {
    cdk:
      'Set `blockPublicAccess: BlockPublicAccess.BLOCK_ALL` on the bucket (or leave the default). For a bucket whose data ' +
      'is public by design, tag it `data-classification: public` and acknowledge this rule with the reason.',
    terraform:
      'Add an `aws_s3_bucket_public_access_block` for the bucket with `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` all `true`, and remove `Principal = "*"` Allow statements from its `aws_s3_bucket_policy`. `azurerm_storage_account`: `allow_nested_items_to_be_public = false` (`allow_blob_public_access` in provider 2.x), written out (its default is `true` in provider 3.x and 4.x).',
    pulumi:
      '`storage.StorageAccount`: `allowBlobPublicAccess: false` (or leave it unset), and no `storage.BlobContainer` with `publicAccess` `Blob` or `Container`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'object-store' || view.publicAccess === undefined)
      return notApplicable('not an object store');
    const pa = view.publicAccess;
    // Azure storage has no public access block: an account allows anonymous access to containers that ask for it.
    const azure = cloudOfResource(view.resource) === 'azure';
    if (pa instanceof Unknown)
      return unknown(
        azure
          ? `\`${view.name}\`: whether anonymous public access is allowed cannot be resolved (${pa.reason})`
          : `\`${view.name}\`: public access block cannot be resolved (${pa.reason})`,
      );
    if (pa !== 'blocked')
      return fail(
        azure
          ? `\`${view.name}\` does not block public access (anonymous access to its containers is allowed)`
          : `\`${view.name}\` does not block public access (public access block: ${pa})`,
      );
    return pass(`\`${view.name}\` blocks public access`);
  },
});
