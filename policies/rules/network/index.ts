import type { Rule } from '../../../lib/engine/rule';
import apiTls from './api-tls';
import cdnOriginAccessControl from './cdn-origin-access-control';
import cdnOriginTls from './cdn-origin-tls';
import cdnTls from './cdn-tls';
import containerServiceNoPublicIp from './container-service-no-public-ip';
import ddosProtection from './ddos-protection';
import defaultSecurityGroupRestricted from './default-security-group-restricted';
import endpointClassificationTls from './endpoint-classification-tls';
import functionInNetwork from './function-in-network';
import httpRedirectsToHttps from './http-redirects-to-https';
import listenerTls from './listener-tls';
import naclAdminPorts from './nacl-admin-ports';
import networkFirewallDefaultDeny from './network-firewall-default-deny';
import networkFirewallInspection from './network-firewall-inspection';
import peeringRoutesLeastAccess from './peering-routes-least-access';
import sgAdminPorts from './sg-admin-ports';
import sgCifsPort from './sg-cifs-port';
import sgDatabasePorts from './sg-database-ports';
import sgNoOpenAllPorts from './sg-no-open-all-ports';
import sgRuleDescriptions from './sg-rule-descriptions';
import subscriptionTls from './subscription-tls';
import targetGroupTls from './target-group-tls';
import vmNoPublicIp from './vm-no-public-ip';
import vpcEndpointPolicy from './vpc-endpoint-policy';
import wafRulesEnforce from './waf-rules-enforce';
import webEndpointWaf from './web-endpoint-waf';
import kubernetesApiNotPublic from './kubernetes-api-not-public';
import kubernetesNetworkPolicy from './kubernetes-network-policy';
import subnetFirewall from './subnet-firewall';

export const networkRules: readonly Rule[] = [
  sgAdminPorts,
  sgDatabasePorts,
  naclAdminPorts,
  listenerTls,
  httpRedirectsToHttps,
  cdnTls,
  sgNoOpenAllPorts,
  sgRuleDescriptions,
  webEndpointWaf,
  cdnOriginTls,
  cdnOriginAccessControl,
  endpointClassificationTls,
  apiTls,
  defaultSecurityGroupRestricted,
  vmNoPublicIp,
  functionInNetwork,
  sgCifsPort,
  peeringRoutesLeastAccess,
  networkFirewallDefaultDeny,
  networkFirewallInspection,
  ddosProtection,
  targetGroupTls,
  vpcEndpointPolicy,
  containerServiceNoPublicIp,
  wafRulesEnforce,
  subscriptionTls,
  kubernetesApiNotPublic,
  kubernetesNetworkPolicy,
  subnetFirewall,
];
