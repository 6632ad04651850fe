import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asString, show, type Value } from '../../graph/values';
import type { DataStoreView, Fact, FirewallView, TlsVersion, TrafficPeer, TrafficRule } from '../kinds';
import { parseIpv4Range } from '../common/cidr';
import { displayName } from '../common/naming';
import { base } from '../common/store-base';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { arg } from './arguments';

/*
 * azurerm SQL logical servers (`azurerm_mssql_server`, and `azurerm_sql_server` of providers before 4.0) ->
 * a relational database view and a firewall view. A server's databases are reached through its gateway on
 * TCP 1433; whether the gateway answers on the internet is `public_network_access_enabled` (the older
 * resource has no such argument: its endpoint is always public), and which addresses it lets in are its
 * firewall rules (`azurerm_mssql_firewall_rule`, `azurerm_sql_firewall_rule`), each a range of IPv4
 * addresses. The range `0.0.0.0`-`0.0.0.0` is Azure's switch "allow Azure services and resources to access
 * this server": every address of Azure's own cloud, the `AzureCloud` service tag, whoever's resource it is.
 */

const SERVERS = ['azurerm_mssql_server', 'azurerm_sql_server'] as const;
const FIREWALL_RULES = ['azurerm_mssql_firewall_rule', 'azurerm_sql_firewall_rule'] as const;

/** The gateway port of Azure SQL: clients connect on it whatever the connection policy. */
const SQL_PORT = 1433;

const TLS: Readonly<Record<string, TlsVersion>> = { '1.0': '1.0', '1.1': '1.1', '1.2': '1.2', '1.3': '1.3' };

/**
 * `minimum_tls_version`: `Disabled` enforces none (every version the service accepts, TLS 1.0 included). Left out
 * of a `cdk.tf.json` it depends on the provider version (no default before 3.x, `1.2` since); the older
 * `azurerm_sql_server` sets none, and what Azure then accepts is not the configuration's to say.
 */
function minTls(r: Resource): Fact<TlsVersion> {
  if (r.type === 'azurerm_sql_server')
    return new Unknown(
      '`azurerm_sql_server` sets no minimum TLS version (`azurerm_mssql_server` has `minimum_tls_version`)',
    );
  const s = asString(arg(r.properties.minimum_tls_version));
  if (s instanceof Unknown) return s;
  if (s === undefined)
    return new Unknown(
      '`minimum_tls_version` is not set: its default depends on the azurerm provider version (none before 3.x, `1.2` since)',
    );
  if (s === 'Disabled') return '1.0';
  return TLS[s] ?? new Unknown(`\`minimum_tls_version\` is ${show(s)}`);
}

/** Whether the server's gateway answers on the internet. */
function publicEndpoint(r: Resource): Fact<boolean> {
  if (r.type === 'azurerm_sql_server') return true;
  return asBool(arg(r.properties.public_network_access_enabled)) ?? true;
}

/**
 * Transparent data encryption: on for every database, with a service-managed key unless an
 * `azurerm_mssql_server_transparent_data_encryption` names a Key Vault key (`key_vault_key_id`).
 */
function encryption(r: Resource, graph: ResourceGraph): DataStoreView['encryption'] {
  const found = graph.attachedBy(r.address, 'azurerm_mssql_server_transparent_data_encryption', (x) =>
    arg(x.properties.server_id),
  );
  if (found.uncertain.length > 0) return { atRest: found.uncertain[0]!.reason };
  const tde = found.attached[0];
  if (!tde) return { atRest: 'provider' };
  const key = arg(tde.properties.key_vault_key_id) ?? arg(tde.properties.managed_hsm_key_id);
  if (key === undefined) return { atRest: 'provider' };
  const target = graph.target(key, tde);
  if (target instanceof Unknown) return { atRest: target };
  return {
    atRest: 'customer-key',
    key: target ? { address: target.address } : { external: typeof key === 'string' ? key : show(key) },
  };
}

/** `azurerm_mssql_server` / `azurerm_sql_server` -> relational database (Azure SQL always requires TLS). */
export function sqlServerView(r: Resource, ctx: AdapterContext): (DataStoreView | FirewallView)[] {
  return [
    {
      ...base(r, 'database-instance', encryption(r, ctx.graph)),
      tlsOnly: true,
      minTls: minTls(r),
      publicNetworkAccess: publicEndpoint(r),
    },
    sqlFirewallView(r, ctx.graph),
  ];
}

/** The remote end a firewall rule admits: its range `start-end`, or `AzureCloud` for `0.0.0.0`-`0.0.0.0`. */
function firewallPeers(startV: Value | undefined, endV: Value | undefined): [TrafficPeer] {
  const s = asString(startV);
  const e = asString(endV);
  if (s instanceof Unknown) return [{ cidr: s }];
  if (e instanceof Unknown) return [{ cidr: e }];
  const range = `${s ?? ''}-${e ?? ''}`;
  const span = parseIpv4Range(range);
  if (span === undefined) return [{ cidr: new Unknown(`firewall rule range ${show(startV)}-${show(endV)}`) }];
  if (span[0] === 0 && span[1] === 0) return [{ serviceTag: 'AzureCloud' }];
  return [{ cidr: range }];
}

/**
 * The server's firewall: one ingress allow rule on TCP 1433 per firewall rule, from its address range. A server
 * without public network access ignores its firewall rules (its firewall lists none).
 */
function sqlFirewallView(r: Resource, graph: ResourceGraph): FirewallView {
  const rules: TrafficRule[] = [];
  if (publicEndpoint(r) !== false) {
    for (const type of FIREWALL_RULES) {
      const found = graph.attachedBy(
        r.address,
        type,
        (x) => arg(x.properties.server_id) ?? x.properties.server_name,
      );
      for (const x of found.attached) {
        const name = asString(x.properties.name);
        for (const source of firewallPeers(x.properties.start_ip_address, x.properties.end_ip_address))
          rules.push({
            direction: 'ingress',
            action: 'allow',
            protocol: 'tcp',
            fromPort: SQL_PORT,
            toPort: SQL_PORT,
            source,
            description: typeof name === 'string' ? name : undefined,
            declaredBy: x.address,
          });
      }
      for (const { resource, reason } of found.uncertain)
        rules.push({
          direction: 'ingress',
          action: 'allow',
          protocol: 'tcp',
          fromPort: SQL_PORT,
          toPort: SQL_PORT,
          source: { cidr: reason },
          declaredBy: resource.address,
        });
    }
  }
  return { kind: 'firewall', resource: r, name: displayName(r), rules, isDefault: false };
}

/** SQL logical servers of the azurerm provider (their firewall rules are read through them). */
export function registerAzurermSql(registry: AdapterRegistry): void {
  registry.register('terraform', SERVERS, sqlServerView);
}
