import type { Fact, ViewBase } from './base';
import type { AtRestEncryption, KeyReference } from './data';
import type { PolicyStatement } from './identity';

// Access grants, application clients, Kubernetes clusters

/**
 * Who a grant is for: `everyone`; `service`: a cloud service that acts for whichever customer configures it
 * (confused deputy); `account`: every identity of an account (or subscription); `identity`: one role, user, group
 * or managed identity.
 */
export type PrincipalType = 'everyone' | 'service' | 'account' | 'identity';

/**
 * A grant of access, cloud-neutral: `{ principal, actions, scope, conditions }`. Derived from IAM policies (one
 * grant per principal and resource of an identity policy's or a resource policy's statement, see `grantsOf` in
 * `lib/views/common/grants.ts`) and from resources that are grants themselves (a Lambda permission); Azure role
 * assignments and Key Vault access policies fill the same shape.
 */
export interface AccessGrant {
  /** `deny` grants (IAM `Deny` statements, Azure deny assignments) take precedence over `allow`. */
  readonly effect: Fact<'allow' | 'deny'>;
  /**
   * Who is granted: `*`, an account id, an identity ARN, a service (`s3.amazonaws.com`) as written in a resource
   * policy; the address of the identity (or its name as written) for an identity policy.
   */
  readonly principal: Fact<string>;
  readonly principalType: Fact<PrincipalType>;
  /** Actions granted, in the provider's grammar (`s3:GetObject`, `lambda:InvokeFunction`, `*`). */
  readonly actions: readonly Fact<string>[];
  /**
   * Actions left out: with IAM `NotAction` every action but these (then `actions` is empty); with Azure
   * `notActions`, taken away from `actions`.
   */
  readonly notActions?: readonly Fact<string>[];
  /**
   * Data-plane actions (Azure `dataActions`: reading blobs, using keys), with those taken away from them
   * (`notDataActions`); a `*` of `actions` does not cover them. Undefined where the provider has no such split.
   */
  readonly dataActions?: readonly Fact<string>[];
  readonly notDataActions?: readonly Fact<string>[];
  /**
   * What the grant is on: the address of the graph resource whose resource policy it comes from, or the resource as
   * the statement writes it (an ARN pattern, `*`); an Azure scope (subscription, resource group, resource).
   */
  readonly scope: Fact<string>;
  /** Every resource but these (IAM `NotResource`); then `scope` is `*`. */
  readonly notScopes?: readonly Fact<string>[];
  /**
   * Conditions the provider evaluates, in IAM grammar: operator -> key -> values (`ArnLike` `aws:SourceArn`,
   * `StringEquals` `aws:SourceAccount`, `lambda:FunctionUrlAuthType`).
   */
  readonly conditions: PolicyStatement['conditions'];
}

/**
 * What a grant declared as a resource of its own is on: `function`, one function (a Lambda permission);
 * `organization`, every account of a tenant or a group of accounts (an Azure tenant root or management group);
 * `account`, every resource of one account (an Azure subscription); `resource-group`, every resource of one group;
 * `resource`, one resource.
 */
export type GrantScopeType = 'function' | 'organization' | 'account' | 'resource-group' | 'resource';

/**
 * A grant of access declared as a resource of its own: a Lambda permission (one statement of the function's resource
 * policy); an Azure role assignment (the role's actions, and data actions, on its scope).
 */
export interface AccessGrantView extends ViewBase, AccessGrant {
  readonly kind: 'access-grant';
  /** The kind of scope the grant is on. */
  readonly scopeType: Fact<GrantScopeType>;
  /** The scope as messages name it (the name of the resource of the graph it is on), where it is not `scope`. */
  readonly scopeName?: string;
  /** The role the grant gives, by name where the source knows it (`Owner`), for messages. */
  readonly role?: string;
}

/** An application registered with a user directory to sign users in: a Cognito user pool client, an Entra ID app. */
export interface AppClientView extends ViewBase {
  readonly kind: 'app-client';
  /** Address of the user directory the client belongs to, when it is in the graph. */
  readonly directory?: string;
  /**
   * Sign-in, account confirmation and password recovery answer differently for a user that does not exist
   * (Cognito `PreventUserExistenceErrors` `LEGACY`, the API's default), so users can be enumerated.
   */
  readonly revealsUserExistence: Fact<boolean>;
  /** OAuth 2.0 grant types the client may use (`code`, `implicit`, `client_credentials`); empty when OAuth is off. */
  readonly oauthFlows: Fact<readonly string[]>;
  /** Refresh tokens the directory issued to the client can be revoked. */
  readonly tokenRevocation: Fact<boolean>;
}

/** A managed Kubernetes control plane: an EKS or AKS cluster. */
export interface KubernetesClusterView extends ViewBase {
  readonly kind: 'kubernetes-cluster';
  /**
   * How Kubernetes secrets are encrypted in the cluster store: `customer-key` (envelope encryption with a key the
   * customer manages), `provider` (the service's own key or disk encryption only).
   */
  readonly secretsEncryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** The API server endpoint accepts connections from the internet. */
  readonly apiPublic: Fact<boolean>;
  /** Address ranges allowed to reach the public API endpoint (`0.0.0.0/0` when the cluster does not limit them). */
  readonly apiAllowedCidrs: readonly Fact<string>[];
  /**
   * Control-plane log streams delivered to a log store, by the Kubernetes component: `api`, `audit`,
   * `authenticator`, `controllerManager`, `scheduler`.
   */
  readonly controlPlaneLogs: Fact<readonly string[]>;
  /**
   * Kubernetes network policies are enforced (a network policy engine runs: AKS `azure`, `calico`, `cilium`); without
   * one every pod reaches every other. Undefined where the source does not read it.
   */
  readonly networkPolicy?: Fact<boolean>;
  /** Kubernetes role-based access control authorizes API requests. Undefined where the source does not read it. */
  readonly rbac?: Fact<boolean>;
  /**
   * Static local accounts (a cluster admin certificate or token the service issues) can reach the API beside the
   * directory's identities. Undefined where the source does not read it.
   */
  readonly localAccounts?: Fact<boolean>;
}

// ---------------------------------------------------------------------------------------------
