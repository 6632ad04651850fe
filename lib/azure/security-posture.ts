import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as insights from '@pulumi/azure-native/monitor';
import * as security from '@pulumi/azure-native/security';
import type { AuditWorkspace } from './audit-workspace';
import {
  COMPONENT_PREFIX,
  PropsValidator,
  accountOf,
  childOf,
  type AzureAccount,
  type OptOut,
  type OptOutRecord,
} from './common';

/** The Microsoft cloud security benchmark initiative (Defender for Cloud's default). */
export const MCSB_INITIATIVE_ID =
  '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8';

/** A Defender for Cloud plan: its pricing name, sub-plan and extensions. */
export interface DefenderPlan {
  readonly subPlan?: string;
  readonly extensions?: readonly string[];
}

/** Plans turned on (Standard tier) unless excluded, by pricing name. */
export const DEFENDER_PLANS: Readonly<Record<string, DefenderPlan>> = {
  CloudPosture: {
    extensions: [
      'SensitiveDataDiscovery',
      'AgentlessVmScanning',
      'AgentlessDiscoveryForKubernetes',
      'ContainerRegistriesVulnerabilityAssessments',
    ],
  },
  VirtualMachines: { subPlan: 'P2' },
  SqlServers: {},
  SqlServerVirtualMachines: {},
  OpenSourceRelationalDatabases: {},
  CosmosDbs: {},
  StorageAccounts: {
    subPlan: 'DefenderForStorageV2',
    extensions: ['OnUploadMalwareScanning', 'SensitiveDataDiscovery'],
  },
  KeyVaults: { subPlan: 'PerKeyVault' },
  Arm: { subPlan: 'PerSubscription' },
  Containers: {},
  AppServices: {},
  AI: {},
};

/** Activity log categories sent to the audit workspace. */
const ACTIVITY_LOG_CATEGORIES = [
  'Administrative',
  'Security',
  'Policy',
  'Alert',
  'Recommendation',
  'ServiceHealth',
  'ResourceHealth',
  'Autoscale',
];

/** Props of {@link SecurityPosture}. */
export interface SecurityPostureProps extends AzureAccount {
  /** Where the subscription's activity log goes. @see mcsb-v1:LT-3 */
  readonly audit: AuditWorkspace;
  /**
   * Addresses (comma-separated) Defender for Cloud alerts go to, besides the subscription's owners.
   * @see mcsb-v1:IR-2
   */
  readonly securityContactEmails: pulumi.Input<string>;
  /**
   * Defender plans left off, each with the reason (a plan name of DEFENDER_PLANS). Recorded on the
   * component.
   * @default - every plan of DEFENDER_PLANS on, including Defender CSPM (`CloudPosture`)
   * @see mcsb-v1:LT-1, mcsb-v1:PV-5
   */
  readonly excludedPlans?: Readonly<Record<string, OptOut>>;
  /**
   * Whether the MCSB initiative is enforced (`Default`) or only evaluated (`DoNotEnforce`); its
   * policies audit either way.
   * @default 'Default'
   * @see mcsb-v1:PV-2
   */
  readonly enforcementMode?: 'Default' | 'DoNotEnforce';
}

/**
 * The subscription's security posture: Defender for Cloud plans on at the Standard tier, Defender
 * CSPM among them; the Microsoft cloud security benchmark initiative assigned to the subscription;
 * a security contact alerted of medium and higher alerts and attack paths (owners too); the activity
 * log sent to the audit workspace.
 */
export class SecurityPosture extends pulumi.ComponentResource {
  /** Plans by pricing name. */
  readonly plans: Readonly<Record<string, security.Pricing>>;
  readonly benchmarkAssignment: authorization.PolicyAssignment;
  readonly securityContact: security.SecurityContact;
  /** The subscription's activity log, sent to the audit workspace. */
  readonly activityLog: insights.SubscriptionDiagnosticSetting;
  readonly optOuts: readonly OptOutRecord[];

  constructor(name: string, props: SecurityPostureProps, opts?: pulumi.ComponentResourceOptions) {
    const excluded = props.excludedPlans ?? {};
    const v = new PropsValidator(`${COMPONENT_PREFIX}:SecurityPosture ${name}`);
    for (const [plan, optOut] of Object.entries(excluded)) {
      v.check(
        plan in DEFENDER_PLANS,
        'BULWARK_DEFENDER_PLAN',
        `\`excludedPlans\` names \`${plan}\`, which is not a plan of DEFENDER_PLANS`,
      );
      v.checkReason(`excludedPlans.${plan}`, optOut);
    }
    v.throwIfAny();
    const optOuts: OptOutRecord[] = Object.entries(excluded).map(([plan, o]) => ({
      resource: `${name}-${plan}`,
      control: 'mcsb-v1:LT-1',
      prop: `excludedPlans.${plan}`,
      reason: o.reason,
    }));
    super(`${COMPONENT_PREFIX}:SecurityPosture`, name, { optOuts }, opts);
    this.optOuts = optOuts;
    const { subscriptionId } = accountOf(props, this);
    const scope = pulumi.interpolate`/subscriptions/${subscriptionId}`;

    const plans: Record<string, security.Pricing> = {};
    for (const [plan, settings] of Object.entries(DEFENDER_PLANS)) {
      if (plan in excluded) continue;
      plans[plan] = new security.Pricing(
        `${name}-${plan}`,
        {
          scopeId: scope,
          pricingName: plan,
          pricingTier: 'Standard',
          subPlan: settings.subPlan,
          extensions: settings.extensions?.map((e) => ({ name: e, isEnabled: 'True' })),
        },
        childOf(this),
      );
    }
    this.plans = plans;

    this.benchmarkAssignment = new authorization.PolicyAssignment(
      `${name}-mcsb`,
      {
        scope,
        policyAssignmentName: 'bulwark-mcsb',
        displayName: 'Microsoft cloud security benchmark',
        policyDefinitionId: MCSB_INITIATIVE_ID,
        enforcementMode: props.enforcementMode ?? 'Default',
      },
      childOf(this),
    );

    this.securityContact = new security.SecurityContact(
      `${name}-contact`,
      {
        securityContactName: 'default',
        emails: props.securityContactEmails,
        isEnabled: true,
        notificationsByRole: { state: 'On', roles: ['Owner'] },
        notificationsSources: [
          { sourceType: 'Alert', minimalSeverity: 'Medium' },
          { sourceType: 'AttackPath', minimalRiskLevel: 'Medium' },
        ],
      },
      childOf(this),
    );

    this.activityLog = new insights.SubscriptionDiagnosticSetting(
      `${name}-activity-log`,
      {
        name: `bulwark-${name}`,
        workspaceId: props.audit.workspace.id,
        logs: ACTIVITY_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
      },
      childOf(this),
    );
    this.registerOutputs({ assignmentId: this.benchmarkAssignment.id });
  }
}
