import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';
import { Classification } from '../../../lib/classification';

export default defineRule({
  id: 'BW-DP-015',
  title: 'Data stores above PUBLIC grant no public access',
  severity: 'high',
  controls: [
    'classification:PUBLIC-ACCESS',
    'mcsb-v1:NS-2',
    'nist-csf-2.0:PR.AA-05',
    'gdpr:Art.5(1)(f)',
    'gdpr:Art.25(2)',
    'ccpa:1798.100(e)',
  ],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'Only PUBLIC data may be reachable by everyone, and then by an explicit choice. From INTERNAL up every door must ' +
    'be shut: an object store blocks public access with all four S3 settings, no resource policy (bucket, queue or ' +
    'topic policy) grants `Principal: "*"` without a condition naming an account, organisation, VPC or endpoint, and a ' +
    'database has no public endpoint. RESTRICTED and TOP_SECRET further require access through private endpoints, ' +
    'which is not asserted here.',
  fix: {
    cdk:
      'Keep `blockPublicAccess: BlockPublicAccess.BLOCK_ALL`, remove `Principal: "*"` grants (or restrict them with ' +
      '`aws:PrincipalOrgID` / `aws:SourceVpce`), and set `publiclyAccessible: false` on databases. If the data is public ' +
      'by design, tag the store `data-classification: public`.',
    terraform:
      'Keep all four settings of the bucket\'s `aws_s3_bucket_public_access_block` true, remove `Principal: "*"` grants ' +
      'from resource policies (or restrict them with `aws:PrincipalOrgID` / `aws:SourceVpce`), and leave ' +
      '`publicly_accessible` false on databases. If the data is public by design, tag the store ' +
      '`data-classification = "public"`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    if (c.level === Classification.PUBLIC) return notApplicable('PUBLIC data may be public');
    const out: CheckResult[] = [];
    const { publicAccess, policyAllowsPublic, publicNetworkAccess } = view;
    // Azure storage has no public access block: an account allows anonymous access to containers that ask for it.
    const azure = cloudOfResource(view.resource) === 'azure';
    if (publicAccess !== undefined) {
      if (publicAccess instanceof Unknown)
        out.push(
          unknown(
            azure
              ? `\`${view.name}\`: whether anonymous public access is allowed cannot be resolved (${publicAccess.reason})`
              : `\`${view.name}\`: public access block cannot be resolved (${publicAccess.reason})`,
            'block',
          ),
        );
      else if (publicAccess !== 'blocked')
        out.push(
          fail(
            `\`${view.name}\` is ${c.level} and does not block public access (${azure ? 'anonymous access to its containers is allowed' : publicAccess})`,
            'block',
          ),
        );
    }
    if (policyAllowsPublic !== undefined) {
      if (policyAllowsPublic instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: resource policy cannot be resolved (${policyAllowsPublic.reason})`,
            'policy',
          ),
        );
      else if (policyAllowsPublic)
        out.push(
          fail(`\`${view.name}\` is ${c.level} and its resource policy grants access to everyone`, 'policy'),
        );
    }
    if (publicNetworkAccess !== undefined) {
      if (publicNetworkAccess instanceof Unknown)
        out.push(
          unknown(
            `\`${view.name}\`: public accessibility cannot be resolved (${publicNetworkAccess.reason})`,
            'endpoint',
          ),
        );
      else if (publicNetworkAccess)
        out.push(
          fail(
            `\`${view.name}\` is ${c.level} and has a public endpoint, reachable from the internet`,
            'endpoint',
          ),
        );
    }
    if (out.length > 0) return out;
    if (publicAccess === undefined && policyAllowsPublic === undefined && publicNetworkAccess === undefined)
      return notApplicable(`${view.storeType} has no public access setting`);
    return pass(`\`${view.name}\` is ${c.level} and grants no public access`);
  },
});
