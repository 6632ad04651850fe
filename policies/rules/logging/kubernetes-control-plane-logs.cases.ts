import { CfnResource } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import { cluster } from '../data-protection/kubernetes-secrets-customer-key.cases';
import rule from './kubernetes-control-plane-logs';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { aksCluster, diagnostics } from '../../../test/support/azure-native';

const tfCluster = {
  name: 'platform',
  roleArn: 'arn:aws:iam::123456789012:role/eks',
  vpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
};

export default defineCases(rule, [
  {
    name: 'Pulumi: AKS cluster sends all its logs to the workspace',
    source: 'pulumi',
    build: () => {
      const c = aksCluster();
      diagnostics('cluster-diagnostics', c.id);
    },
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster sends the API server, audit and guard categories',
    source: 'pulumi',
    build: () => {
      const c = aksCluster();
      diagnostics(
        'cluster-diagnostics',
        c.id,
        ['kube-apiserver', 'kube-audit-admin', 'guard'].map((category) => ({ category, enabled: true })),
      );
    },
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster without a diagnostic setting',
    source: 'pulumi',
    build: () => void aksCluster(),
    target: 'cluster',
    expect: 'fail',
    message: 'does not deliver `api`, `audit`, `authenticator` control-plane logs (none enabled)',
  },
  {
    name: 'Pulumi: AKS diagnostic setting sends the scheduler log only',
    source: 'pulumi',
    build: () => {
      const c = aksCluster();
      diagnostics('cluster-diagnostics', c.id, [{ category: 'kube-scheduler', enabled: true }]);
    },
    target: 'cluster',
    expect: 'fail',
    message: '(enabled: `scheduler`)',
  },
  {
    name: 'API, audit and authenticator logs delivered',
    build: (stack) => void cluster(stack),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'no logging configuration (nothing delivered)',
    build: (stack) => void cluster(stack, (p) => ({ ...p, logging: undefined })),
    target: 'Cluster',
    expect: 'fail',
    message: '`Cluster` does not deliver `api`, `audit`, `authenticator` control-plane logs (none enabled)',
  },
  {
    name: 'API log only, no audit log',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        logging: { clusterLogging: { enabledTypes: [{ type: 'api' }, { type: 'scheduler' }] } },
      })),
    target: 'Cluster',
    expect: 'fail',
    message:
      '`Cluster` does not deliver `audit`, `authenticator` control-plane logs (enabled: `api`, `scheduler`)',
  },
  {
    name: 'CDK L2 cluster resource (the EKS API request in `Config`) with API and audit logs only',
    build: (stack) =>
      new CfnResource(stack, 'Cluster', {
        type: 'Custom::AWSCDK-EKS-Cluster',
        properties: {
          ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:eks-cluster-provider',
          Config: {
            version: '1.33',
            roleArn: 'arn:aws:iam::111111111111:role/eks-cluster',
            resourcesVpcConfig: {
              subnetIds: ['subnet-0a1b2c3d4e5f60718'],
              endpointPublicAccess: true,
              endpointPrivateAccess: true,
              publicAccessCidrs: ['203.0.113.0/24'],
            },
            logging: { clusterLogging: [{ enabled: true, types: ['api', 'audit'] }] },
          },
        },
      }),
    target: 'Cluster',
    expect: 'fail',
    message: '`Cluster` does not deliver `authenticator` control-plane logs (enabled: `api`, `audit`)',
  },
  {
    name: 'CDK L2 cluster resource with every log type',
    build: (stack) =>
      new CfnResource(stack, 'Cluster', {
        type: 'Custom::AWSCDK-EKS-Cluster',
        properties: {
          ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:eks-cluster-provider',
          Config: {
            roleArn: 'arn:aws:iam::111111111111:role/eks-cluster',
            resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d4e5f60718'] },
            logging: {
              clusterLogging: [
                { enabled: true, types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] },
              ],
            },
          },
        },
      }),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'terraform: cluster without enabled_cluster_log_types',
    source: 'cdktf',
    build: (stack) => void new EksCluster(stack, 'Cluster', tfCluster),
    target: 'Cluster',
    expect: 'fail',
    message: /`Cluster` does not deliver `api`, `audit`, `authenticator` control-plane logs \(none enabled\)/,
  },
  {
    name: 'terraform: cluster delivering api, audit and authenticator logs',
    source: 'cdktf',
    build: (stack) =>
      void new EksCluster(stack, 'Cluster', {
        ...tfCluster,
        enabledClusterLogTypes: ['api', 'audit', 'authenticator'],
      }),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: cluster without enabled_cluster_log_types',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_eks_cluster.bare',
    expect: 'fail',
    message: /\(none enabled\)/,
  },
  {
    name: 'Terraform 1.11 plan: cluster delivering api, audit and authenticator',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_eks_cluster.good',
    expect: 'pass',
  },
]);
