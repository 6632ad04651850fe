import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';

export default defineRule({
  id: 'BW-DP-006',
  title: 'Object stores deny requests without TLS',
  severity: 'high',
  controls: [
    'cis-aws-5.0:2.1.1',
    'cis-azure-6.0:9.3.4',
    'mcsb-v1:DP-3',
    'nist-csf-2.0:PR.DS-02',
    'gdpr:Art.32(1)(a)',
  ],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'S3 answers plain HTTP as well as HTTPS. Only a bucket policy statement that denies every request where ' +
    '`aws:SecureTransport` is false guarantees that objects and credentials never cross the network in clear text, ' +
    'whatever the client or SDK is configured to do. An Azure storage account refuses plain HTTP unless ' +
    '`enableHttpsTrafficOnly` is turned off.',
  fix: {
    cdk:
      'Set `enforceSSL: true` on the bucket, or add a bucket policy statement denying `s3:*` when ' +
      '`aws:SecureTransport` is `false`.',
    terraform:
      'Add an `aws_s3_bucket_policy` for the bucket with a statement denying `s3:*` to every principal on the bucket ARN and `<arn>/*` when `aws:SecureTransport` is `false` (an `aws_iam_policy_document` `statement` with `condition { test = "Bool", variable = "aws:SecureTransport", values = ["false"] }`). `azurerm_storage_account`: leave `https_traffic_only_enabled` (`enable_https_traffic_only` before provider 4.0) unset or `true`.',
    pulumi: '`storage.StorageAccount`: leave `enableHttpsTrafficOnly` unset or `true`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'object-store' || view.tlsOnly === undefined)
      return notApplicable('not an object store');
    const tls = view.tlsOnly;
    if (tls instanceof Unknown)
      return unknown(
        cloudOfResource(view.resource) === 'azure'
          ? `\`${view.name}\`: whether it refuses plain HTTP cannot be resolved (${tls.reason})`
          : `\`${view.name}\`: the bucket policy cannot be resolved (${tls.reason})`,
      );
    if (!tls)
      return fail(
        `\`${view.name}\` accepts requests without TLS (plain HTTP is not refused to every client, for every action, on the store and all its objects)`,
      );
    return pass(`\`${view.name}\` denies requests without TLS`);
  },
});
