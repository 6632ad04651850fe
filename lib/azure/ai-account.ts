import * as pulumi from '@pulumi/pulumi';
import * as cognitiveservices from '@pulumi/azure-native/cognitiveservices';
import { Classification, requirementsFor } from '../classification';
import type { AuditWorkspace } from './audit-workspace';
import {
  COMPONENT_PREFIX,
  PropsValidator,
  childOf,
  classificationTags,
  requiresCustomerKey,
  requiresPrivateEndpoint,
  resourceTags,
  type ClassifiedProps,
  type OptOut,
  type OptOutRecord,
} from './common';
import type { ClassifiedKeyVault, CustomerManagedKey } from './key-vault';
import type { SegmentedVirtualNetwork } from './segmented-network';

/** Kinds of AI account the component builds. */
export type AiAccountKind = 'OpenAI' | 'AIServices';

/** Props of {@link ClassifiedAiAccount}. */
export interface ClassifiedAiAccountProps extends ClassifiedProps {
  /** @default 'AIServices' */
  readonly kind?: AiAccountKind;
  /**
   * Custom subdomain (globally unique): Entra ID authentication and private endpoints need one.
   */
  readonly customSubDomainName: pulumi.Input<string>;
  /** Network whose data tier holds the account's private endpoint (public access is disabled). @see mcsb-v1:NS-2 */
  readonly network: SegmentedVirtualNetwork;
  /** Where the account's audit and request logs go. @see mcsb-v1:LT-3 */
  readonly audit: AuditWorkspace;
  /**
   * Vault holding the account's customer-managed key. Required from INTERNAL up.
   * @default - none at PUBLIC (Microsoft-managed keys); required from INTERNAL up
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly keyVault?: ClassifiedKeyVault;
  /**
   * Keep API key (local) authentication, for clients that cannot use Entra ID. The reason is
   * recorded on the account.
   * @default - keys disabled: Entra ID only
   * @see mcsb-v1:IM-1, mcsb-v1:IM-8
   */
  readonly localAuth?: OptOut;
  /**
   * FQDNs the account may call out to, from RESTRICTED up (where outbound access is restricted).
   * @default - none
   * @see mcsb-v1:NS-2
   */
  readonly allowedFqdns?: readonly string[];
  /** @default 'S0' */
  readonly skuName?: string;
  /** @default - generated */
  readonly accountName?: pulumi.Input<string>;
}

/**
 * An Azure AI account (kind `OpenAI` or `AIServices`) for data of one classification level: API keys
 * disabled (Entra ID only, unless `localAuth`), public network access disabled and the network ACL
 * denying by default, reached through a private endpoint in the data tier; outbound access restricted
 * to `allowedFqdns` from RESTRICTED up; customer-managed key from INTERNAL up; audit and
 * request/response logs to the audit workspace; protected from deletion from INTERNAL up.
 */
export class ClassifiedAiAccount extends pulumi.ComponentResource {
  readonly account: cognitiveservices.Account;
  readonly customerKey?: CustomerManagedKey;
  readonly privateEndpoint: pulumi.Resource;
  readonly classification: Classification;
  readonly optOuts: readonly OptOutRecord[];

  constructor(name: string, props: ClassifiedAiAccountProps, opts?: pulumi.ComponentResourceOptions) {
    const level = props.classification;
    const v = new PropsValidator(`${COMPONENT_PREFIX}:ClassifiedAiAccount ${name}`);
    v.check(
      !requiresCustomerKey(level) || props.keyVault !== undefined,
      'BULWARK_CUSTOMER_KEY_REQUIRED',
      `\`classification\` ${level} requires a customer-managed key: set \`keyVault\``,
    );
    v.checkReason('localAuth', props.localAuth);
    v.throwIfAny();
    const accountResource = `${name}-account`;
    const optOuts: OptOutRecord[] = props.localAuth
      ? [
          {
            resource: accountResource,
            control: 'mcsb-v1:IM-1',
            prop: 'localAuth',
            reason: props.localAuth.reason,
          },
        ]
      : [];
    super(`${COMPONENT_PREFIX}:ClassifiedAiAccount`, name, { classification: level, optOuts }, opts);
    this.classification = level;
    this.optOuts = optOuts;
    const { resourceGroupName, location } = props;

    const key = requiresCustomerKey(level)
      ? props.keyVault!.customerManagedKey(name, {
          classification: level,
          parent: this,
          resourceGroupName,
          location,
        })
      : undefined;
    this.customerKey = key;
    const restrictOutbound = requiresPrivateEndpoint(level);

    this.account = new cognitiveservices.Account(
      accountResource,
      {
        resourceGroupName,
        location,
        accountName: props.accountName,
        kind: props.kind ?? 'AIServices',
        sku: { name: props.skuName ?? 'S0' },
        ...(key ? { identity: { type: 'UserAssigned', userAssignedIdentities: [key.identity.id] } } : {}),
        properties: {
          customSubDomainName: props.customSubDomainName,
          disableLocalAuth: props.localAuth === undefined,
          publicNetworkAccess: 'Disabled',
          networkAcls: { defaultAction: 'Deny' },
          restrictOutboundNetworkAccess: restrictOutbound,
          ...(restrictOutbound ? { allowedFqdnList: [...(props.allowedFqdns ?? [])] } : {}),
          ...(key
            ? {
                encryption: {
                  keySource: 'Microsoft.KeyVault',
                  keyVaultProperties: {
                    keyName: key.keyName,
                    keyVaultUri: key.vaultUri,
                    identityClientId: key.identity.clientId,
                  },
                },
              }
            : {}),
        },
        tags: resourceTags(level, optOuts, accountResource),
      },
      childOf(this, {
        protect: requirementsFor(level).deletionProtection,
        dependsOn: key ? [key.grant] : [],
      }),
    );

    this.privateEndpoint = props.network.privateEndpoint(`${name}-ai`, {
      resourceId: this.account.id,
      groupId: 'account',
      parent: this,
      tags: classificationTags(level),
    });
    props.audit.diagnostics(`${name}-account`, this.account.id, this, {
      categoryGroups: ['audit', 'allLogs'],
    });
    this.registerOutputs({ accountId: this.account.id });
  }
}
