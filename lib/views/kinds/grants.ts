import type { Fact, ViewBase } from './base';
import type { AtRestEncryption, KeyReference } from './data';
import type { PolicyStatement } from './identity';

// Access grants, application clients, Kubernetes clusters

/**
 * A grant of access to one resource, declared as a resource of its own: a Lambda permission (one statement of the
 * function's resource policy); an Azure role assignment fits the same shape. `{ principal, actions, scope, conditions }`.
 */
export interface AccessGrantView extends ViewBase {
  readonly kind: 'access-grant';
  /** What the grant is on: the address of the graph resource, or its identifier as written when outside the graph. */
  readonly scope: Fact<string>;
  /** The kind of resource the grant is on. */
  readonly scopeType: 'function';
  /** Who is granted, as written: `*`, an account id, an identity ARN, a service (`s3.amazonaws.com`). */
  readonly principal: Fact<string>;
  /**
   * `everyone`; `service`: a cloud service that acts for whichever customer configures it (confused deputy);
   * `account`: every identity of an account; `identity`: one role or user.
   */
  readonly principalType: Fact<'everyone' | 'service' | 'account' | 'identity'>;
  readonly actions: readonly Fact<string>[];
  /**
   * Conditions the provider evaluates, in IAM grammar: operator -> key -> values (`ArnLike` `aws:SourceArn`,
   * `StringEquals` `aws:SourceAccount`, `lambda:FunctionUrlAuthType`).
   */
  readonly conditions: PolicyStatement['conditions'];
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

/** A managed Kubernetes control plane: an EKS cluster (an AKS cluster fits the same facts). */
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
}

// ---------------------------------------------------------------------------------------------
