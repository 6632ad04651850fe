import { CfnParameter } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import { cluster } from '../data-protection/kubernetes-secrets-customer-key.cases';
import rule from './kubernetes-api-not-public';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { aksCluster } from '../../../test/support/azure-native';

const subnetIds = ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'];

const tfCluster = {
  name: 'platform',
  roleArn: 'arn:aws:iam::123456789012:role/eks',
  vpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
};

export default defineCases(rule, [
  {
    name: 'Pulumi: AKS cluster with a private API server',
    source: 'pulumi',
    build: () => void aksCluster(),
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: "Pulumi: AKS cluster with a public API server limited to the operators' range",
    source: 'pulumi',
    build: () => void aksCluster({ apiServerAccessProfile: { authorizedIPRanges: ['203.0.113.0/24'] } }),
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster without an API server access profile (public to every address)',
    source: 'pulumi',
    build: () => void aksCluster({ apiServerAccessProfile: undefined }),
    target: 'cluster',
    expect: 'fail',
    message: 'exposes its Kubernetes API endpoint to the internet (`0.0.0.0/0`',
  },
  {
    name: 'private API endpoint only',
    build: (stack) => void cluster(stack),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'endpoint access not configured (public to 0.0.0.0/0 by default)',
    build: (stack) => void cluster(stack, (p) => ({ ...p, resourcesVpcConfig: { subnetIds } })),
    target: 'Cluster',
    expect: 'fail',
    message: '`Cluster` exposes its Kubernetes API endpoint to the internet (`0.0.0.0/0`)',
  },
  {
    name: 'public endpoint listing the whole internet beside an office range',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        resourcesVpcConfig: {
          subnetIds,
          endpointPublicAccess: true,
          endpointPrivateAccess: true,
          publicAccessCidrs: ['203.0.113.0/24', '0.0.0.0/0'],
        },
      })),
    target: 'Cluster',
    expect: 'fail',
    message: /exposes its Kubernetes API endpoint to the internet \(`0\.0\.0\.0\/0`\)/,
  },
  {
    name: 'public endpoint limited to the operators range',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        resourcesVpcConfig: {
          subnetIds,
          endpointPublicAccess: true,
          endpointPrivateAccess: true,
          publicAccessCidrs: ['203.0.113.0/24'],
        },
      })),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'allowed ranges from a parameter',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        resourcesVpcConfig: {
          subnetIds,
          endpointPublicAccess: true,
          publicAccessCidrs: new CfnParameter(stack, 'Ranges', { type: 'CommaDelimitedList' }).valueAsList,
        },
      })),
    target: 'Cluster',
    expect: 'unknown',
    message: /the ranges allowed to reach the public API endpoint cannot be resolved/,
  },
  {
    name: 'public endpoint allowed from 0.0.0.0/1, half of the IPv4 internet',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        resourcesVpcConfig: {
          subnetIds,
          endpointPublicAccess: true,
          endpointPrivateAccess: true,
          publicAccessCidrs: ['0.0.0.0/1'],
        },
      })),
    target: 'Cluster',
    expect: 'fail',
    message: /exposes its Kubernetes API endpoint to the internet \(`0\.0\.0\.0\/1` \(wider than \/8/,
  },
  {
    name: 'public endpoint allowed from an address that is not a CIDR',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        resourcesVpcConfig: {
          subnetIds,
          endpointPublicAccess: true,
          endpointPrivateAccess: true,
          publicAccessCidrs: ['203.0.113.10'],
        },
      })),
    target: 'Cluster',
    expect: 'unknown',
    message: /`203\.0\.113\.10` is not an IPv4 or IPv6 CIDR/,
  },
  {
    name: 'terraform: cluster on the provider default (public endpoint open to 0.0.0.0/0)',
    source: 'cdktf',
    build: (stack) => void new EksCluster(stack, 'Cluster', tfCluster),
    target: 'Cluster',
    expect: 'fail',
    message: /`Cluster` exposes its Kubernetes API endpoint to the internet \(`0.0.0.0\/0`/,
  },
  {
    name: 'terraform: public endpoint limited to an office range',
    source: 'cdktf',
    build: (stack) =>
      void new EksCluster(stack, 'Cluster', {
        ...tfCluster,
        vpcConfig: { ...tfCluster.vpcConfig, publicAccessCidrs: ['203.0.113.0/24'] },
      }),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'terraform: private endpoint only',
    source: 'cdktf',
    build: (stack) =>
      void new EksCluster(stack, 'Cluster', {
        ...tfCluster,
        vpcConfig: { ...tfCluster.vpcConfig, endpointPublicAccess: false, endpointPrivateAccess: true },
      }),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: cluster on the defaults (public_access_cidrs computed at apply)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_eks_cluster.bare',
    expect: 'fail',
    message: /`0.0.0.0\/0`/,
  },
  {
    name: 'Terraform 1.11 plan: cluster with a private endpoint only',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_eks_cluster.good',
    expect: 'pass',
  },
]);
