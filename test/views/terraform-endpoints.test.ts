import * as path from 'node:path';
import { loadInput, adaptersForAll } from '../../lib/sources';
import type {
  EndpointView,
  PrivateEndpointView,
  SubnetView,
  WebApplicationFirewallView,
} from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';

// Endpoint, network-service and subnet views of a plan written by Terraform 1.11 with AWS provider
// 5.100.0 (`main.tf` beside it): what the provider computes (known only after apply) reads as the
// service default, and references inside blocks resolve.

const PLAN = path.join(
  __dirname,
  '..',
  'fixtures',
  'terraform',
  'generated-plans',
  'aws-endpoints',
  'plan.json',
);

describe('Terraform endpoint and network-service views from a plan', () => {
  const vs = new ViewSet(loadInput([PLAN]).graph, adaptersForAll());
  const endpoint = (address: string) => vs.viewOf(address, 'endpoint') as EndpointView;

  it('reads a distribution on its own certificate, with its origins in plan order', () => {
    const cdn = endpoint('aws_cloudfront_distribution.good');
    expect(cdn).toMatchObject({ policyName: 'TLSv1.2_2021', minTls: '1.2', redirectsToHttps: true });
    expect(cdn).toMatchObject({ accessLogging: true, waf: true, ddosProtection: true });
    expect(cdn.origins).toEqual([
      { id: 'app', originType: 'custom', protocolPolicy: 'https-only', sslProtocols: ['TLSv1.2'] },
      { id: 'site', originType: 'object-store', accessControl: 'origin-access-control' },
    ]);
  });

  it('reads a distribution on the default certificate as TLSv1, without logs, web ACL or protection', () => {
    const cdn = endpoint('aws_cloudfront_distribution.bare');
    expect(cdn).toMatchObject({ policyName: 'TLSv1', minTls: '1.0', redirectsToHttps: false });
    expect(cdn).toMatchObject({ accessLogging: false, waf: false, ddosProtection: false });
    expect(cdn.origins?.find((o) => o.id === 'site')?.accessControl).toBe('none');
  });

  it('gives REST API stages the policy of their endpoint type and the web ACL associated with them', () => {
    expect(endpoint('aws_api_gateway_stage.good')).toMatchObject({
      policyName: 'TLS_1_2',
      internetFacing: false,
      accessLogging: true,
      waf: false,
    });
    expect(endpoint('aws_api_gateway_stage.bare')).toMatchObject({
      policyName: 'TLS_1_0',
      internetFacing: true,
      accessLogging: false,
      waf: true,
    });
  });

  it('reads a domain name security policy left to the provider as TLS_1_2', () => {
    expect(endpoint('aws_api_gateway_domain_name.bare').policyName).toBe('TLS_1_2');
    expect(endpoint('aws_api_gateway_domain_name.legacy').policyName).toBe('TLS_1_0');
    expect(endpoint('aws_apigatewayv2_domain_name.good').policyName).toBe('TLS_1_2');
  });

  it('reads an endpoint policy known only after apply as none declared', () => {
    const bare = vs.viewOf('aws_vpc_endpoint.bare', 'private-endpoint') as PrivateEndpointView;
    expect(bare).toMatchObject({ endpointType: 'gateway', policySupported: true, network: 'aws_vpc.main' });
    expect(bare.policy).toBeUndefined();
    const good = vs.viewOf('aws_vpc_endpoint.good', 'private-endpoint') as PrivateEndpointView;
    expect(good.policy?.statements).toHaveLength(1);
  });

  it('reads web ACL rule actions from their override blocks', () => {
    const acl = (name: string) =>
      vs.viewOf(`aws_wafv2_web_acl.${name}`, 'web-application-firewall') as WebApplicationFirewallView;
    expect(acl('edge')).toMatchObject({
      defaultAction: 'allow',
      rules: [{ name: 'common', action: 'rule-group' }],
    });
    expect(acl('counting').rules).toEqual([{ name: 'common', action: 'count' }]);
  });

  it('reads network firewalls with their policies and logging', () => {
    expect(vs.viewOf('aws_networkfirewall_firewall.good', 'network-firewall')).toMatchObject({
      defaultDeny: true,
      statefulRuleGroups: 1,
      logging: true,
    });
    expect(vs.viewOf('aws_networkfirewall_firewall.bare', 'network-firewall')).toMatchObject({
      defaultDeny: false,
      statefulRuleGroups: 0,
      logging: false,
    });
  });

  it('gives subnets without an association the main route table of their VPC', () => {
    const tier = (name: string) => (vs.viewOf(`aws_subnet.${name}`, 'subnet') as SubnetView).tier;
    // An aws_main_route_table_association makes a table with an internet route main.
    expect(tier('unassociated')).toBe('public');
    // The aws_default_route_table adopts the original main table and declares no route.
    expect(tier('isolated')).toBe('isolated');
  });
});
