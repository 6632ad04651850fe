import { Unknown } from '../../lib/graph/values';
import { adaptersForAll } from '../../lib/sources';
import { ViewSet } from '../../lib/views/registry';
import type { EndpointView } from '../../lib/views/kinds';
import { applicationGatewayPolicy } from '../../lib/views/azure/edge';
import { applicationGateway, frontDoorRoute } from '../support/azure-native';
import { pulumiGraph } from '../support/cases';

/** The endpoint views of a program run under Pulumi's mocks, by view name. */
async function endpointsOf(program: () => void): Promise<Map<string, EndpointView>> {
  const { graph } = await pulumiGraph(program, 'program', 'edge');
  const views = new ViewSet(graph, adaptersForAll());
  const out = new Map<string, EndpointView>();
  for (const r of graph.all()) for (const v of views.of(r)) if (v.kind === 'endpoint') out.set(v.name, v);
  return out;
}

describe('Application Gateway TLS policies', () => {
  it('reads predefined, custom and legacy policies, and the API-version default', () => {
    expect(applicationGatewayPolicy(undefined).minTls).toBe('1.2');
    expect(applicationGatewayPolicy(undefined).policyName).toBe('AppGwSslPolicy20220101');
    expect(
      applicationGatewayPolicy({ policyType: 'Predefined', policyName: 'AppGwSslPolicy20170401' }).minTls,
    ).toBe('1.1');
    expect(applicationGatewayPolicy({ policyType: 'CustomV2', minProtocolVersion: 'TLSv1_3' }).minTls).toBe(
      '1.3',
    );
    expect(applicationGatewayPolicy({ disabledSslProtocols: ['TLSv1_0', 'TLSv1_1'] }).minTls).toBe('1.2');
    expect(applicationGatewayPolicy({ disabledSslProtocols: ['TLSv1_0'] }).minTls).toBe('1.1');
  });

  it('leaves a policy name it does not know, or a custom policy without a version, unknown', () => {
    expect(
      applicationGatewayPolicy({ policyType: 'Predefined', policyName: 'AppGwSslPolicy20990101' }).minTls,
    ).toBeInstanceOf(Unknown);
    expect(applicationGatewayPolicy({ policyType: 'Predefined' }).minTls).toBeInstanceOf(Unknown);
  });
});

describe('azure-native entry points as listeners', () => {
  it('makes one listener view per gateway listener, with its protocol, policy and redirect', async () => {
    const views = await endpointsOf(() => {
      applicationGateway([
        { name: 'site', protocol: 'Https' },
        { name: 'plain', protocol: 'Http', redirectTo: 'https://www.example.com' },
      ]);
    });
    expect(views.get('gateway/site')).toMatchObject({
      endpointType: 'load-balancer-listener',
      protocol: 'HTTPS',
      minTls: '1.2',
      policyName: 'AppGwSslPolicy20220101S',
    });
    expect(views.get('gateway/plain')).toMatchObject({ protocol: 'HTTP', redirectsToHttps: true });
  });

  it('makes one listener view per protocol of a Front Door route, with the weakest policy of its domains', async () => {
    const views = await endpointsOf(() => {
      frontDoorRoute(
        { supportedProtocols: ['Http', 'Https'], httpsRedirect: 'Enabled', linkToDefaultDomain: 'Enabled' },
        { cipherSuiteSetType: 'Customized', minimumTlsVersion: 'TLS13' },
      );
    });
    // The default domain (TLS 1.2) is weaker than the custom domain's TLS 1.3 only.
    expect(views.get('route/https')).toMatchObject({
      protocol: 'HTTPS',
      minTls: '1.2',
      policyName: 'TLS12_2023',
    });
    expect(views.get('route/http')).toMatchObject({ protocol: 'HTTP', redirectsToHttps: true });
  });

  it('leaves a route that does not list its protocols unknown', async () => {
    const views = await endpointsOf(() => {
      frontDoorRoute({ supportedProtocols: undefined });
    });
    expect(views.get('route')?.protocol).toBeInstanceOf(Unknown);
  });
});
