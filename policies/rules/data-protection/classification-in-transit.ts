import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor, type TransitRequirement } from '../../../lib/classification';
import { meetsTlsFloor, tlsAtLeast } from '../../../lib/views/common/tls';

/** Lowest TLS version each requirement accepts where the store lets its owner choose (S3 offers 1.3). */
const FLOOR: Record<TransitRequirement, '1.2' | '1.3'> = {
  'tls1.2': '1.2',
  'tls1.2-deny-plaintext': '1.2',
  'tls1.3-preferred': '1.3',
  'tls1.3-pq-preferred': '1.3',
};

export default defineRule({
  id: 'BW-DP-019',
  title: 'Data stores refuse TLS versions below the floor of their level',
  severity: 'medium',
  controls: ['classification:IN-TRANSIT', 'mcsb-v1:DP-3', 'nist-csf-2.0:PR.DS-02', 'gdpr:Art.32(1)(a)'],
  threats: ['data-breach'],
  rationale:
    'Each level sets the lowest TLS version its data may travel over: TLS 1.2 up to CONFIDENTIAL, TLS 1.3 where the ' +
    'service offers it from RESTRICTED up; a store whose strongest setting still accepts TLS 1.2 (OpenSearch TLS ' +
    'policies) is held to 1.2. S3 accepts TLS 1.2 and 1.3 on its endpoints and refuses older versions; a ' +
    'bucket policy denying requests whose `s3:TlsVersion` is below 1.3 makes the bucket TLS 1.3 only. S3 through ' +
    'AWS PrivateLink (interface endpoints) and Multi-Region Access Points does not offer TLS 1.3: a bucket reached ' +
    'only that way takes 1.2, acknowledged with that reason. TOP_SECRET asks for hybrid post-quantum key exchange, ' +
    'which S3 negotiates with clients that offer it over TLS 1.3 but which no bucket setting can require. An Azure ' +
    'storage account cannot require more than TLS 1.2 (`TLS1_2`); an Azure SQL server can require 1.3.',
  fix: {
    cdk:
      'Set `enforceSSL: true` and `minimumTLSVersion: 1.3` on RESTRICTED and TOP_SECRET buckets (a bucket policy ' +
      'statement denying `s3:*` when `NumericLessThan` `s3:TlsVersion` `1.3`).',
    terraform:
      'Give RESTRICTED and TOP_SECRET buckets an `aws_s3_bucket_policy` statement denying `s3:*` to `*` on the bucket ' +
      'and its objects with `condition { test = "NumericLessThan", variable = "s3:TlsVersion", values = ["1.3"] }` ' +
      '(besides the `aws:SecureTransport` deny).',
    pulumi:
      '`storage.StorageAccount`: `minimumTlsVersion: "TLS1_2"` (the API reads an unset value as TLS 1.0); `sql.Server`: `minimalTlsVersion: "1.2"` or `"1.3"`, as the level requires.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const min = view.minTls;
    if (min === undefined) return notApplicable(`${view.storeType} sets no TLS version of its own`);
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    const wanted = FLOOR[requirementsFor(c.level).inTransit];
    const floor =
      view.minTlsCeiling !== undefined && !tlsAtLeast(view.minTlsCeiling, wanted)
        ? view.minTlsCeiling
        : wanted;
    if (min instanceof Unknown)
      return unknown(`\`${view.name}\`: lowest TLS version cannot be resolved (${min.reason})`);
    if (meetsTlsFloor(min, floor) === false)
      return fail(
        `\`${view.name}\` is ${c.level} and accepts TLS ${min}; the level requires TLS ${floor} or later`,
      );
    return pass(`\`${view.name}\` is ${c.level} and accepts TLS ${min} or later`);
  },
});
