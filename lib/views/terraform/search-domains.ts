import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asList, asString, get } from '../../graph/values';
import type { DataStoreView, Fact, PolicyDocument } from '../kinds';
import { kmsEncryption } from '../common/keys';
import { documentAllowsPublic } from '../common/policy';
import { base, bool, type Encryption } from '../common/store-base';
import type { AdapterContext } from '../registry';
import { arg, block } from './arguments';
import { terraformResourcePolicy } from './resource-policy';

/*
 * Data-store views of the Terraform AWS provider's OpenSearch Service and Elasticsearch domains, as the
 * CloudFormation adapter derives them.
 */

/** Lowest TLS version of each OpenSearch Service TLS security policy (none requires TLS 1.3). */
const SEARCH_TLS_POLICIES: Readonly<Record<string, '1.0' | '1.2'>> = {
  'Policy-Min-TLS-1-0-2019-07': '1.0',
  'Policy-Min-TLS-1-2-2019-07': '1.2',
  'Policy-Min-TLS-1-2-PFS-2023-10': '1.2',
};

/** Domain policy resources: a domain's policy is its `access_policies` and those naming it. */
const DOMAIN_POLICIES = ['aws_opensearch_domain_policy', 'aws_elasticsearch_domain_policy'];

/** The statements of a domain's inline `access_policies` and of every domain policy naming it. */
function domainPolicy(r: Resource, graph: ResourceGraph): PolicyDocument {
  return terraformResourcePolicy(
    r,
    graph,
    r.properties.access_policies,
    DOMAIN_POLICIES.map((type) => ({ type, targets: 'domain_name', document: 'access_policies' })),
  );
}

/**
 * `aws_opensearch_domain` and `aws_elasticsearch_domain`. Without `encrypt_at_rest` a domain does not
 * encrypt at rest (on, it uses the AWS managed key `aws/es` unless `kms_key_id` names one); without
 * `node_to_node_encryption` its nodes talk in plaintext. Without `domain_endpoint_options` it accepts plain
 * HTTP and TLS 1.0; with the block, `enforce_https` defaults to true in the provider. Without `vpc_options`
 * its endpoint is public, guarded only by its access policy.
 */
export function searchDomainView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const rest = block(p.encrypt_at_rest);
  const restOn: Fact<boolean> = rest instanceof Unknown ? rest : bool(get(rest, 'enabled'), false);
  const encryption: Encryption =
    restOn instanceof Unknown
      ? { atRest: restOn }
      : restOn
        ? kmsEncryption(arg(get(rest, 'kms_key_id')), ctx.graph, 'kms-provider-key', r)
        : { atRest: 'none' };
  const endpoint = block(p.domain_endpoint_options);
  let tlsOnly: Fact<boolean>;
  let minTls: Fact<'1.0' | '1.2'>;
  if (endpoint instanceof Unknown) {
    tlsOnly = endpoint;
    minTls = endpoint;
  } else {
    tlsOnly = endpoint === undefined ? false : bool(arg(get(endpoint, 'enforce_https')), true);
    const policy = asString(arg(get(endpoint, 'tls_security_policy'))) ?? 'Policy-Min-TLS-1-0-2019-07';
    minTls =
      policy instanceof Unknown
        ? policy
        : Object.prototype.hasOwnProperty.call(SEARCH_TLS_POLICIES, policy)
          ? SEARCH_TLS_POLICIES[policy]!
          : new Unknown(`TLS policy \`${policy}\` is not a known OpenSearch Service security policy`);
  }
  const n2n = block(p.node_to_node_encryption);
  const vpc = block(p.vpc_options);
  const subnets = get(vpc, 'subnet_ids');
  const publicNetworkAccess: Fact<boolean> =
    vpc instanceof Unknown ? vpc : subnets instanceof Unknown ? subnets : asList(subnets).length === 0;
  const access = domainPolicy(r, ctx.graph);
  return {
    ...base(r, 'search-cluster', encryption),
    tlsOnly,
    minTls,
    minTlsCeiling: '1.2',
    nodeToNodeEncryption: n2n instanceof Unknown ? n2n : bool(get(n2n, 'enabled'), false),
    publicNetworkAccess,
    privateEndpoint: publicNetworkAccess instanceof Unknown ? publicNetworkAccess : !publicNetworkAccess,
    policyAllowsPublic: documentAllowsPublic(access),
  };
}
