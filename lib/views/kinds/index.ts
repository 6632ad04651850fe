/**
 * Views: typed, cloud-neutral security facts per resource.
 *
 * Rules read views, never provider properties. Each source brings adapters that derive these views
 * from its resources (CloudFormation, Terraform, Pulumi, live reads), so a rule serves them all.
 * Any fact may be `Unknown` when the source could not resolve it; a rule that meets one reports
 * `unknown`, never a pass.
 *
 * One file a family of views; this index is the whole vocabulary (`View`, `ViewKind`, `VIEW_KINDS`).
 */
export type * from './base';
export type * from './data';
export type * from './identity';
export type * from './network';
export type * from './endpoints';
export type * from './logging';
export type * from './backup';
export type * from './compute';
export type * from './posture';
export type * from './grants';
export type * from './network-services';
export type * from './inventory';

import type { BackupPlanView, BackupVaultView } from './backup';
import type { BuildProjectView, ContainerTaskView, FunctionView, VirtualMachineView } from './compute';
import type { DataStoreView, KeyStoreView, KeyView } from './data';
import type { CertificateView, EndpointView, LoadBalancerView } from './endpoints';
import type { AccessGrantView, AppClientView, KubernetesClusterView } from './grants';
import type { IdentityView, PermissionPolicyView, UserDirectoryView } from './identity';
import type { ExpansionView } from './inventory';
import type { AuditTrailView, ResourceLogsView } from './logging';
import type {
  FirewallView,
  NetworkAclView,
  NetworkFirewallView,
  NetworkView,
  PlacementView,
  RouteTableView,
  SubnetView,
} from './network';
import type {
  ContainerServiceView,
  PrivateEndpointView,
  SubscriptionView,
  WebApplicationFirewallView,
} from './network-services';
import type { EventRouteView, PostureView } from './posture';

export type View =
  | DataStoreView
  | KeyView
  | KeyStoreView
  | IdentityView
  | UserDirectoryView
  | PermissionPolicyView
  | FirewallView
  | NetworkView
  | SubnetView
  | PlacementView
  | NetworkAclView
  | RouteTableView
  | NetworkFirewallView
  | EndpointView
  | CertificateView
  | LoadBalancerView
  | AuditTrailView
  | ResourceLogsView
  | BackupVaultView
  | BackupPlanView
  | FunctionView
  | ContainerTaskView
  | VirtualMachineView
  | BuildProjectView
  | PostureView
  | EventRouteView
  | AccessGrantView
  | AppClientView
  | KubernetesClusterView
  | PrivateEndpointView
  | WebApplicationFirewallView
  | ContainerServiceView
  | SubscriptionView
  | ExpansionView;

export type ViewKind = View['kind'];

export type ViewOf<K extends ViewKind> = Extract<View, { kind: K }>;

export const VIEW_KINDS: readonly ViewKind[] = [
  'data-store',
  'key',
  'key-store',
  'identity',
  'user-directory',
  'permission-policy',
  'firewall',
  'network',
  'subnet',
  'placement',
  'network-acl',
  'route-table',
  'network-firewall',
  'endpoint',
  'certificate',
  'load-balancer',
  'audit-trail',
  'resource-logs',
  'backup-vault',
  'backup-plan',
  'function',
  'container-task',
  'virtual-machine',
  'build-project',
  'posture',
  'event-route',
  'access-grant',
  'app-client',
  'kubernetes-cluster',
  'private-endpoint',
  'web-application-firewall',
  'container-service',
  'subscription',
  'expansion',
];
