/* Endpoint, load-balancer and certificate views of CloudFormation resources, one file per service family; this registers them. */

import type { AdapterRegistry } from '../registry';
import { apiDomainView, apiMethodView, apiV2DomainView, httpStageView, restStageView } from './api-gateway';
import { certificateView } from './certificates';
import { classicLoadBalancerViews } from './classic-load-balancers';
import { distributionView } from './cloudfront';
import { listenerView, loadBalancerView, targetGroupView } from './load-balancers';

/**
 * Listeners, distributions, API stages, domain names and methods -> endpoint views; load balancers
 * -> load-balancer views; ACM certificates -> certificate views.
 */
export function registerEndpoints(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::ElasticLoadBalancingV2::Listener', listenerView);
  registry.register('cloudformation', 'AWS::CloudFront::Distribution', distributionView);
  registry.register('cloudformation', 'AWS::ApiGateway::Stage', restStageView);
  registry.register('cloudformation', 'AWS::ApiGatewayV2::Stage', httpStageView);
  registry.register('cloudformation', 'AWS::ApiGateway::DomainName', apiDomainView);
  registry.register('cloudformation', 'AWS::ApiGatewayV2::DomainName', apiV2DomainView);
  registry.register('cloudformation', 'AWS::ElasticLoadBalancingV2::LoadBalancer', loadBalancerView);
  registry.register('cloudformation', 'AWS::ElasticLoadBalancingV2::TargetGroup', targetGroupView);
  registry.register('cloudformation', 'AWS::ElasticLoadBalancing::LoadBalancer', classicLoadBalancerViews);
  registry.register('cloudformation', ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'], apiMethodView);
  registry.register('cloudformation', 'AWS::CertificateManager::Certificate', certificateView);
}
