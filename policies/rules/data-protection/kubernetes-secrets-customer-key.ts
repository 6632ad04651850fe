import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-028',
  title: 'Kubernetes clusters encrypt secrets with a customer-managed key',
  severity: 'medium',
  controls: ['mcsb-v1:DP-5', 'mcsb-v1:DP-4', 'nist-csf-2.0:PR.DS-01'],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'Kubernetes secrets hold the credentials of the workloads in the cluster. Without envelope encryption under a ' +
    "customer-managed key they are protected by the provider's key only (EKS: an AWS owned key from Kubernetes " +
    '1.28, disk encryption of etcd before): the customer cannot restrict, audit or revoke their decryption. A KMS ' +
    "key in the cluster's encryption configuration for `secrets` puts decryption under a key policy and in CloudTrail (AWS Config rule " +
    '`eks-cluster-secrets-encrypted`). AKS does the same with a Key Vault key (KMS etcd encryption).',
  fix: {
    cdk: 'Pass `secretsEncryptionKey: key` to the CDK cluster, or add `EncryptionConfig: [{ Provider: { KeyArn }, Resources: [secrets] }]` to `AWS::EKS::Cluster`, with a rotating KMS key.',
    terraform:
      'Add `encryption_config { resources = ["secrets"]; provider { key_arn = aws_kms_key.<name>.arn } }` to `aws_eks_cluster`, with a rotating `aws_kms_key`.',
    pulumi:
      'On the `containerservice.ManagedCluster` set `securityProfile.azureKeyVaultKms: { enabled: true, keyId: <key version URI>, keyVaultNetworkAccess: "Private", keyVaultResourceId }`.',
  },
  appliesTo: ['kubernetes-cluster'],
  check(view) {
    const at = view.secretsEncryption.atRest;
    if (at instanceof Unknown)
      return unknown(
        `\`${view.name}\`: the encryption of Kubernetes secrets cannot be resolved (${at.reason})`,
      );
    if (at === 'customer-key' || at === 'double')
      return pass(`\`${view.name}\` encrypts secrets with a customer-managed key`);
    return fail(
      `\`${view.name}\` encrypts Kubernetes secrets with the provider's key only (no customer key for \`secrets\`)`,
    );
  },
});
