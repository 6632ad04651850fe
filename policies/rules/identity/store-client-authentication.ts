import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-007',
  title: 'Caches, brokers and graph databases authenticate every client',
  severity: 'high',
  controls: ['mcsb-v1:IM-1', 'nist-csf-2.0:PR.AA-03'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'An ElastiCache cluster without an auth token or user group, an MSK cluster that admits unauthenticated ' +
    'clients and a Neptune cluster without IAM database authentication answer whoever reaches their port: any ' +
    'compromised host, container or function in the network reads, changes or deletes all their data, and ' +
    'nothing records who did. Security groups narrow who can reach the port but do not say who is asking. ' +
    'Authenticating each client, preferably with the cloud identity service (IAM), makes access a decision per ' +
    'principal and leaves a trail. Memcached has no authentication at all and cannot pass.',
  fix: {
    cdk:
      'ElastiCache: a Valkey or Redis OSS replication group with `userGroupIds` (RBAC users or IAM) or an ' +
      '`authToken` from Secrets Manager, with in-transit encryption. MSK: `clientAuthentication` with ' +
      '`sasl.iam.enabled: true` (or SCRAM or mutual TLS) and `unauthenticated.enabled: false`. Neptune: ' +
      '`iamAuthEnabled: true`.',
    terraform:
      '`aws_elasticache_replication_group`: `user_group_ids` (RBAC users or IAM) or an `auth_token` from a ' +
      'secret, with `transit_encryption_enabled = true`. `aws_msk_cluster`: a `client_authentication` block with ' +
      '`sasl { iam = true }` (or `scram`, or `tls` with certificate authorities) and `unauthenticated` unset or ' +
      'false. `aws_neptune_cluster`: `iam_database_authentication_enabled = true`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const methods = view.clientAuthentication;
    if (methods === undefined) return notApplicable(`${view.storeType} has no client authentication setting`);
    if (methods instanceof Unknown)
      return unknown(`\`${view.name}\`: client authentication cannot be resolved (${methods.reason})`);
    if (methods.includes('unauthenticated'))
      return fail(
        methods.length === 1
          ? `\`${view.name}\` admits clients without authentication`
          : `\`${view.name}\` admits clients without authentication besides ${methods.filter((m) => m !== 'unauthenticated').join(', ')}`,
      );
    return pass(`\`${view.name}\` authenticates clients (${methods.join(', ')})`);
  },
});
