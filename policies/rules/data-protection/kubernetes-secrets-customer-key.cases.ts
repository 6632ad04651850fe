import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './kubernetes-secrets-customer-key';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { aksCluster } from '../../../test/support/azure-native';

/**
 * An EKS cluster (L1) with secrets encrypted under a rotating key, a private API endpoint, and API, audit and
 * authenticator logs; `change` alters one property of the compliant baseline.
 */
export function cluster(
  stack: Stack,
  change: (props: eks.CfnClusterProps) => eks.CfnClusterProps = (p) => p,
): eks.CfnCluster {
  const role = new iam.Role(stack, 'ClusterRole', {
    assumedBy: new iam.ServicePrincipal('eks.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEKSClusterPolicy')],
  });
  const key = new kms.Key(stack, 'SecretsKey', { enableKeyRotation: true });
  return new eks.CfnCluster(
    stack,
    'Cluster',
    change({
      roleArn: role.roleArn,
      version: '1.33',
      resourcesVpcConfig: {
        subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'],
        endpointPrivateAccess: true,
        endpointPublicAccess: false,
      },
      encryptionConfig: [{ provider: { keyArn: key.keyArn }, resources: ['secrets'] }],
      logging: {
        clusterLogging: { enabledTypes: [{ type: 'api' }, { type: 'audit' }, { type: 'authenticator' }] },
      },
    }),
  );
}

const tfCluster = {
  name: 'platform',
  roleArn: 'arn:aws:iam::123456789012:role/eks',
  vpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
};

export default defineCases(rule, [
  {
    name: 'Pulumi: AKS cluster encrypts secrets with a Key Vault key (KMS)',
    source: 'pulumi',
    build: () => void aksCluster(),
    target: 'cluster',
    expect: 'pass',
  },
  {
    name: 'Pulumi: AKS cluster without Key Vault KMS',
    source: 'pulumi',
    build: () => void aksCluster({ securityProfile: undefined }),
    target: 'cluster',
    expect: 'fail',
  },
  {
    name: 'secrets encrypted with a customer-managed key',
    build: (stack) => void cluster(stack),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'no encryption configuration (the provider key only)',
    build: (stack) => void cluster(stack, (p) => ({ ...p, encryptionConfig: undefined })),
    target: 'Cluster',
    expect: 'fail',
    message:
      "`Cluster` encrypts Kubernetes secrets with the provider's key only (no customer key for `secrets`)",
  },
  {
    name: 'key ARN from a parameter',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        encryptionConfig: [
          { provider: { keyArn: new CfnParameter(stack, 'KeyArn').valueAsString }, resources: ['secrets'] },
        ],
      })),
    target: 'Cluster',
    expect: 'unknown',
    message: /`Cluster`: the encryption of Kubernetes secrets cannot be resolved/,
  },
  {
    name: 'key named by an external ARN',
    build: (stack) =>
      void cluster(stack, (p) => ({
        ...p,
        encryptionConfig: [
          {
            provider: {
              keyArn: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
            },
            resources: ['secrets'],
          },
        ],
      })),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'terraform: cluster without encryption_config',
    source: 'cdktf',
    build: (stack) => void new EksCluster(stack, 'Cluster', tfCluster),
    target: 'Cluster',
    expect: 'fail',
    message: /`Cluster` encrypts Kubernetes secrets with the provider's key only/,
  },
  {
    name: 'terraform: secrets encrypted with a customer key',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true });
      new EksCluster(stack, 'Cluster', {
        ...tfCluster,
        encryptionConfig: { resources: ['secrets'], provider: { keyArn: key.arn } },
      });
    },
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: cluster without encryption_config',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_eks_cluster.bare',
    expect: 'fail',
    message: /provider's key only/,
  },
  {
    name: 'Terraform 1.11 plan: cluster encrypting secrets with a KMS key of the plan',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_eks_cluster.good',
    expect: 'pass',
  },
]);
