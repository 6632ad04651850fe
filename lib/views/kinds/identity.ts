import type { Unknown } from '../../graph/values';
import type { Fact, ViewBase } from './base';

// Identity

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: Fact<'Allow' | 'Deny'>;
  readonly actions: readonly Fact<string>[];
  readonly notActions: readonly Fact<string>[];
  readonly resources: readonly Fact<string>[];
  readonly notResources: readonly Fact<string>[];
  /**
   * Principals, normalised: `*` for everyone, otherwise ARNs / service names / unknowns. For a
   * `NotPrincipal` statement, those it reaches: an Allow every principal but the listed (`*`), a Deny none.
   */
  readonly principals: readonly Fact<string>[];
  /** The principals a `NotPrincipal` statement leaves out. */
  readonly notPrincipals?: readonly Fact<string>[];
  /** Condition block: operator -> key -> values. */
  readonly conditions: Readonly<Record<string, Readonly<Record<string, readonly Fact<string>[]>>>>;
}

export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
  /** When the document itself could not be resolved. */
  readonly unresolved?: Unknown;
}

/** An identity: IAM role, user or group (Azure: managed identity). */
export interface IdentityView extends ViewBase {
  readonly kind: 'identity';
  readonly principalType: 'role' | 'user' | 'group';
  /** Who may assume the role. */
  readonly trustPolicy?: PolicyDocument;
  /** Inline policies, by name. */
  readonly inlinePolicies: readonly { readonly name: string; readonly document: PolicyDocument }[];
  /** Managed policy ARNs attached (AWS managed or customer). */
  readonly managedPolicyArns: readonly Fact<string>[];
  /** Standalone policies of the graph attached to this identity (addresses). */
  readonly attachedPolicies: readonly string[];
  /** Users: long-lived access keys the source creates for them (`AWS::IAM::AccessKey`), and whether each is active. */
  readonly accessKeys?: readonly { readonly address: string; readonly active: Fact<boolean> }[];
}

/** A directory of application users: a Cognito user pool, an Entra ID tenant. */
export interface UserDirectoryView extends ViewBase {
  readonly kind: 'user-directory';
  /** Multi-factor authentication: `required`, `optional` (each user chooses) or `off`. */
  readonly mfa: Fact<'required' | 'optional' | 'off'>;
}

/** A standalone permission policy (IAM::Policy, IAM::ManagedPolicy). */
export interface PermissionPolicyView extends ViewBase {
  readonly kind: 'permission-policy';
  readonly managed: boolean;
  readonly document: PolicyDocument;
  /** Addresses or names of the identities it is attached to. */
  readonly attachedTo: readonly string[];
}
