import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, isObject, show, type Value } from '../../graph/values';
import type {
  Detector,
  DetectorScope,
  DetectorType,
  EventRouteView,
  Fact,
  LogDestination,
  PostureView,
  ResourceLogsView,
} from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { referenced } from './network';

/*
 * azure-native posture resources -> posture, event-route and resource-logs views.
 *
 * Defender for Cloud is one `security:Pricing` resource per plan and subscription (`scopeId`), `Standard` tier on,
 * `Free` off; Defender assigns the Microsoft cloud security benchmark initiative to the subscriptions it covers
 * (https://learn.microsoft.com/en-us/azure/defender-for-cloud/concept-regulatory-compliance). The threat-detection plans of one subscription make one posture view, like a GuardDuty detector with its
 * protection plans, judged on the first plan declared for the subscription; Defender CSPM (`CloudPosture`) is the
 * subscription's `cspm` view, with the benchmark initiatives assigned at the subscription (`authorization:
 * PolicyAssignment`) as its standards. A `security:SecurityContact` routes Defender alerts to people. A
 * `monitor:DiagnosticSetting` sends the resource logs of the resource its `resourceUri` names.
 */

export const PRICING = 'azure-native:security:Pricing';
export const POLICY_ASSIGNMENT = 'azure-native:authorization:PolicyAssignment';
export const SECURITY_CONTACT = 'azure-native:security:SecurityContact';
/** Diagnostic settings; `insights` is the module's name before azure-native 3. */
export const DIAGNOSTIC_SETTINGS = [
  'azure-native:monitor:DiagnosticSetting',
  'azure-native:insights:DiagnosticSetting',
];

/** The Defender CSPM plan. */
const CSPM_PLAN = 'CloudPosture';

/** Where Defender for Cloud publishes its alerts, as a security contact routes them. */
export const DEFENDER_ALERTS = {
  source: 'Microsoft.Security',
  detailType: 'Alert',
  name: 'Defender for Cloud alerts',
} as const;

type PlanFacet = { readonly type: DetectorType; readonly scope: DetectorScope };

/**
 * What each Defender plan watches, by pricing name, with the plan's name in Microsoft's documentation.
 * Defender for Servers (`VirtualMachines`, Plan 1 and Plan 2 alike) deploys Defender for Endpoint to the machines,
 * whose next-generation protection is antimalware and antivirus: the plan scans virtual machines for malware.
 * @see https://learn.microsoft.com/en-us/rest/api/defenderforcloud/pricings/update
 * @see https://learn.microsoft.com/en-us/azure/defender-for-cloud/integration-defender-for-endpoint
 * @see https://learn.microsoft.com/en-us/azure/defender-for-cloud/defender-for-servers-overview
 */
const DEFENDER_PLANS: Readonly<
  Record<string, { readonly title: string; readonly facets: readonly PlanFacet[] }>
> = {
  VirtualMachines: {
    title: 'Defender for Servers',
    facets: [
      { type: 'threat-detection', scope: 'workload-runtime' },
      { type: 'malware-protection', scope: 'virtual-machines' },
    ],
  },
  StorageAccounts: {
    title: 'Defender for Storage',
    facets: [{ type: 'threat-detection', scope: 'object-store-data' }],
  },
  SqlServers: {
    title: 'Defender for Azure SQL',
    facets: [{ type: 'threat-detection', scope: 'database-logins' }],
  },
  SqlServerVirtualMachines: {
    title: 'Defender for SQL servers on machines',
    facets: [{ type: 'threat-detection', scope: 'database-logins' }],
  },
  OpenSourceRelationalDatabases: {
    title: 'Defender for open-source relational databases',
    facets: [{ type: 'threat-detection', scope: 'database-logins' }],
  },
  CosmosDbs: {
    title: 'Defender for Azure Cosmos DB',
    facets: [{ type: 'threat-detection', scope: 'database-logins' }],
  },
  Containers: {
    title: 'Defender for Containers',
    facets: [
      { type: 'threat-detection', scope: 'kubernetes-audit-logs' },
      { type: 'threat-detection', scope: 'kubernetes-runtime' },
      { type: 'vulnerability-scanning', scope: 'container-images' },
    ],
  },
  Arm: {
    title: 'Defender for Resource Manager',
    facets: [{ type: 'threat-detection', scope: 'account-activity' }],
  },
  Dns: { title: 'Defender for DNS', facets: [{ type: 'threat-detection', scope: 'account-activity' }] },
  KeyVaults: { title: 'Defender for Key Vault', facets: [{ type: 'threat-detection', scope: 'key-stores' }] },
  AppServices: {
    title: 'Defender for App Service',
    facets: [{ type: 'threat-detection', scope: 'web-applications' }],
  },
  AI: { title: 'Defender for AI services', facets: [{ type: 'threat-detection', scope: 'ai-workloads' }] },
  Api: { title: 'Defender for APIs', facets: [{ type: 'threat-detection', scope: 'apis' }] },
};

/**
 * Plan extensions that add a detector, by plan and extension name. Defender for Storage scans uploaded blobs with
 * Microsoft Defender Antivirus when its `OnUploadMalwareScanning` extension is on (sub-plan `DefenderForStorageV2`;
 * the classic per-transaction plan has no malware scanning).
 * @see https://learn.microsoft.com/en-us/azure/defender-for-cloud/introduction-malware-scanning
 */
const DEFENDER_EXTENSIONS: Readonly<
  Record<string, Readonly<Record<string, PlanFacet & { readonly title: string }>>>
> = {
  StorageAccounts: {
    OnUploadMalwareScanning: {
      type: 'malware-protection',
      scope: 'object-store-data',
      title: 'Defender for Storage malware scanning',
    },
  },
};

/** Sub-plans of a plan without the extensions of {@link DEFENDER_EXTENSIONS}: Defender for Storage (classic). */
const SUBPLANS_WITHOUT_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  StorageAccounts: ['PerTransaction'],
};

function planName(r: Resource): Fact<string> {
  const n = asString(r.properties.pricingName);
  return n ?? new Unknown('the plan is named by its resource name (`pricingName` unset)');
}

/** `Standard` is on, `Free` off. */
function tierOn(r: Resource): Fact<boolean> {
  const t = asString(r.properties.pricingTier);
  if (t instanceof Unknown) return t;
  if (t?.toLowerCase() === 'standard') return true;
  if (t?.toLowerCase() === 'free') return false;
  return new Unknown(`pricing tier ${show(r.properties.pricingTier)}`);
}

/** A scope as a key: the string, or the rendering of what cannot be resolved. */
function scopeOf(v: Value | undefined): Fact<string> {
  const s = asString(v);
  return s ?? new Unknown('no scope');
}
const keyOf = (f: Fact<string>): string => (typeof f === 'string' ? f.toLowerCase() : f.toString());

/**
 * The detectors of one plan: its own, and those its extensions add. An extension the plan offers and does not list
 * is off when the plan is, and cannot be told otherwise (the API documents no default); a sub-plan that does not
 * offer it has no such detector.
 */
function planDetectors(r: Resource): Detector[] {
  const name = planName(r);
  const on = tierOn(r);
  if (name instanceof Unknown) return [];
  const plan = Object.prototype.hasOwnProperty.call(DEFENDER_PLANS, name) ? DEFENDER_PLANS[name] : undefined;
  const out: Detector[] = (plan?.facets ?? []).map((d) => ({ ...d, enabled: on, name, title: plan!.title }));
  const extensions = Object.prototype.hasOwnProperty.call(DEFENDER_EXTENSIONS, name)
    ? DEFENDER_EXTENSIONS[name]!
    : {};
  const listed = asList(r.properties.extensions).filter(isObject);
  const subPlan = asString(r.properties.subPlan);
  const offered = !(typeof subPlan === 'string' && SUBPLANS_WITHOUT_EXTENSIONS[name]?.includes(subPlan));
  for (const [extName, ext] of Object.entries(extensions)) {
    if (!offered) continue;
    const e = listed.find((x) => x.name === extName);
    const stated =
      e === undefined
        ? r.properties.extensions instanceof Unknown
          ? r.properties.extensions
          : new Unknown(
              `plan \`${name}\` does not list its \`${extName}\` extension, and the API documents no default`,
            )
        : (asBool(e.isEnabled) ?? new Unknown(`extension \`${extName}\` does not say whether it is on`));
    out.push({ ...ext, enabled: on === false ? false : stated, name: `${name}/${extName}`, partOf: name });
  }
  return out;
}

/** Whether the service of several plans runs: on when one plan is, Unknown when none is and one cannot be told. */
function anyOn(plans: readonly Resource[]): Fact<boolean> {
  let open: Unknown | undefined;
  for (const p of plans) {
    const on = tierOn(p);
    if (on === true) return true;
    if (on instanceof Unknown) open ??= on;
  }
  return open ?? false;
}

/** Benchmark initiatives assigned at a scope, by policy definition id as written. */
function assignedAt(scope: Fact<string>, graph: ResourceGraph): Fact<string>[] {
  const out: Fact<string>[] = [];
  for (const a of graph.ofType(POLICY_ASSIGNMENT)) {
    const at = scopeOf(a.properties.scope);
    const id = asString(a.properties.policyDefinitionId);
    if (id === undefined) continue;
    if (typeof at === 'string' && typeof scope === 'string') {
      if (at.toLowerCase() === scope.toLowerCase()) out.push(id);
      else if (/^\/providers\/Microsoft\.Management\/managementGroups\//i.test(at))
        out.push(
          new Unknown(
            `\`${displayName(a)}\` is assigned at management group \`${at}\`, which may hold the subscription`,
          ),
        );
    } else if (keyOf(at) === keyOf(scope)) out.push(id);
    else if (at instanceof Unknown)
      out.push(new Unknown(`the scope of \`${displayName(a)}\` cannot be resolved (${at.reason})`));
  }
  return out;
}

/**
 * `security:Pricing` -> posture. `CloudPosture` is the subscription's CSPM service; the first threat-protection plan
 * of a subscription stands for Defender's threat detection over it, with every plan of the subscription as a detector.
 */
export function pricingView(r: Resource, ctx: AdapterContext): PostureView | undefined {
  const scope = scopeOf(r.properties.scopeId);
  const name = planName(r);
  if (name === CSPM_PLAN) {
    return {
      kind: 'posture',
      resource: r,
      name: displayName(r),
      service: 'cspm',
      enabled: tierOn(r),
      scope,
      detectors: [
        {
          type: 'cspm',
          scope: 'cloud-resources',
          enabled: tierOn(r),
          name: CSPM_PLAN,
          title: 'Defender CSPM',
        },
      ],
      // Defender for Cloud assigns the Microsoft cloud security benchmark to the subscriptions it covers.
      standards: { defaults: true, subscribed: assignedAt(scope, ctx.graph) },
    };
  }
  const plans = ctx.graph
    .ofType(PRICING)
    .filter((p) => planName(p) !== CSPM_PLAN && keyOf(scopeOf(p.properties.scopeId)) === keyOf(scope));
  if (plans[0] !== r) return undefined;
  return {
    kind: 'posture',
    resource: r,
    name: displayName(r),
    service: 'threat-detection',
    enabled: anyOn(plans),
    scope,
    alerts: DEFENDER_ALERTS,
    detectors: plans.flatMap(planDetectors),
    standards: { defaults: true, subscribed: assignedAt(scope, ctx.graph) },
  };
}

/** `security:SecurityContact` -> event-route: Defender alerts (and attack paths) sent to people. */
export function securityContactView(r: Resource): EventRouteView {
  const p = r.properties;
  const enabled =
    asBool(p.isEnabled) ?? new Unknown('the contact does not say whether it is enabled (`isEnabled` unset)');
  const sources = p.notificationsSources;
  const detailTypes: Fact<readonly string[]> =
    sources === undefined
      ? new Unknown('the contact names no notification sources (`notificationsSources` unset)')
      : sources instanceof Unknown
        ? sources
        : asList(sources)
            .filter(isObject)
            .map((s) => s.sourceType)
            .filter((t): t is string => typeof t === 'string');
  const emails = asString(p.emails);
  const targets: Fact<string>[] =
    emails instanceof Unknown
      ? [emails]
      : (emails ?? '')
          .split(/[;,]/)
          .map((e) => e.trim())
          .filter((e) => e !== '');
  const byRole = p.notificationsByRole;
  if (isObject(byRole) && asString(byRole.state) === 'On')
    for (const role of asList(byRole.roles)) if (typeof role === 'string') targets.push(`role:${role}`);
  return {
    kind: 'event-route',
    resource: r,
    name: displayName(r),
    enabled,
    bus: 'default',
    sources: [DEFENDER_ALERTS.source],
    detailTypes,
    targets,
  };
}

/**
 * Resource types that write resource logs of their own and take diagnostic settings for them. Storage accounts write
 * theirs per service (`<account>/blobServices/default`), which a program names from the account's id.
 * @see https://learn.microsoft.com/en-us/azure/azure-monitor/reference/logs-index
 */
export const RESOURCE_LOG_TYPES: ReadonlySet<string> = new Set(
  [
    'keyvault:Vault',
    'keyvault:ManagedHsm',
    'storage:StorageAccount',
    'sql:Database',
    'network:NetworkSecurityGroup',
    'network:VirtualNetwork',
    'network:ApplicationGateway',
    'network:AzureFirewall',
    'network:PublicIPAddress',
    'containerservice:ManagedCluster',
    'containerregistry:Registry',
    'cognitiveservices:Account',
    'web:WebApp',
    'apimanagement:ApiManagementService',
    'cosmosdb:DatabaseAccount',
    'dbforpostgresql:Server',
    'dbforpostgresql:FlexibleServer',
    'dbformysql:FlexibleServer',
    'eventhub:Namespace',
    'servicebus:Namespace',
    'recoveryservices:Vault',
    'dataprotection:BackupVault',
    'operationalinsights:Workspace',
  ].map((t) => `azure-native:${t}`),
);

function logsOf(v: Value | undefined): Fact<'all' | 'audit' | 'some' | 'none'> {
  if (v instanceof Unknown) return v;
  let some = false;
  let audit = false;
  for (const entry of asList(v).filter(isObject)) {
    const on = asBool(entry.enabled);
    if (on instanceof Unknown) return on;
    if (on !== true) continue;
    const group = asString(entry.categoryGroup);
    if (group instanceof Unknown) return group;
    if (group?.toLowerCase() === 'alllogs') return 'all';
    if (group?.toLowerCase() === 'audit') audit = true;
    else some = true;
  }
  return audit ? 'audit' : some ? 'some' : 'none';
}

function destinationsOf(s: Resource): Fact<readonly LogDestination[]> {
  const p = s.properties;
  const out: LogDestination[] = [];
  const pairs: [Value | undefined, LogDestination][] = [
    [p.workspaceId, 'workspace'],
    [p.storageAccountId, 'store'],
    [p.eventHubAuthorizationRuleId, 'event-stream'],
    [p.marketplacePartnerId, 'partner'],
  ];
  for (const [v, d] of pairs) if (v !== undefined && v !== null && v !== '') out.push(d);
  return out;
}

/** Resources that write resource logs -> resource-logs: the diagnostic settings naming them. */
export function resourceLogsView(r: Resource, ctx: AdapterContext): ResourceLogsView | undefined {
  if (!RESOURCE_LOG_TYPES.has(r.type)) return undefined;
  const settings: ResourceLogsView['settings'][number][] = [];
  let unresolved: Unknown | undefined;
  for (const type of DIAGNOSTIC_SETTINGS)
    for (const s of ctx.graph.ofType(type)) {
      const target = s.properties.resourceUri;
      const t = referenced(target);
      if (t === r.address)
        settings.push({
          address: s.address,
          logs: logsOf(s.properties.logs),
          destinations: destinationsOf(s),
        });
      else if (t instanceof Unknown && t.refs.some((x) => x.address === r.address)) unresolved ??= t;
      else if (t instanceof Unknown && t.refs.length === 0) unresolved ??= t;
    }
  return {
    kind: 'resource-logs',
    resource: r,
    name: displayName(r),
    settings,
    ...(unresolved ? { unresolved } : {}),
  };
}

/** Server security alert policies: Defender for SQL (threat detection) on one logical server. */
export const SQL_ALERT_POLICY = 'azure-native:sql:ServerSecurityAlertPolicy';
const SQL_SERVER = 'azure-native:sql:Server';

/** Whether a `SqlServers` Defender plan of the program is on, which covers every server of its subscription. */
function sqlPlanOn(graph: ResourceGraph): Resource | undefined {
  return graph.ofType(PRICING).find((p) => planName(p) === 'SqlServers' && tierOn(p) === true);
}

/**
 * `sql:ServerSecurityAlertPolicy` -> posture: threat detection (Defender for SQL) on the server it names, watching
 * sign-ins and queries (`state`: `Enabled` or `Disabled`, the API's required switch). A server whose policy is
 * `Disabled` is still covered when a Defender `SqlServers` plan is on for its subscription; a plan of the program
 * may cover it, so it is then Unknown. Its alerts are Defender for Cloud alerts.
 */
export function sqlAlertPolicyView(r: Resource, ctx: AdapterContext): PostureView {
  const server = ctx.graph.target(r.properties.serverName, r, [SQL_SERVER]);
  if (server instanceof Unknown) throw new Error(`\`serverName\` may name several servers: ${server.reason}`);
  if (server === undefined)
    throw new Error(
      `\`serverName\` names no \`${SQL_SERVER}\` of the program, whose threat detection it sets`,
    );
  const state = asString(r.properties.state);
  let on: Fact<boolean> =
    state instanceof Unknown
      ? state
      : state?.toLowerCase() === 'enabled'
        ? true
        : state?.toLowerCase() === 'disabled'
          ? false
          : new Unknown(`\`state\` is ${show(r.properties.state)}`);
  const plan = on === false ? sqlPlanOn(ctx.graph) : undefined;
  if (plan)
    on = new Unknown(
      `the policy is disabled, and Defender plan \`${displayName(plan)}\` covers the servers of \`${show(plan.properties.scopeId)}\`, which may hold it`,
    );
  return {
    kind: 'posture',
    resource: r,
    name: displayName(r),
    service: 'threat-detection',
    enabled: on,
    watches: server.address,
    alerts: DEFENDER_ALERTS,
    detectors: [{ type: 'threat-detection', scope: 'database-logins', enabled: on, name: 'SqlServers' }],
  };
}

const readThroughOthers = (): undefined => undefined;

export function registerAzurePosture(registry: AdapterRegistry): void {
  registry.register('pulumi', PRICING, pricingView);
  registry.register('pulumi', POLICY_ASSIGNMENT, readThroughOthers);
  registry.register('pulumi', SECURITY_CONTACT, securityContactView);
  registry.register('pulumi', SQL_ALERT_POLICY, sqlAlertPolicyView);
  registry.register('pulumi', DIAGNOSTIC_SETTINGS, readThroughOthers);
  registry.registerForAll('pulumi', resourceLogsView);
}
