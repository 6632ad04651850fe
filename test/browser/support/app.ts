import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * A small shop estate with the mistakes a real one has: a bucket without TLS enforcement, SSH open
 * to the internet, an administrator role, a table without point-in-time recovery; one bucket
 * acknowledged in the app, and a suppressions file with an owner, an expiry, an expired entry and a
 * stale one. Synthesized into `dir/cdk.out`; returns the cloud assembly and the suppressions file.
 */
export function synthShopApp(dir: string): { outdir: string; suppressions: string } {
  const outdir = path.join(dir, 'cdk.out');
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Shop');

  new s3.Bucket(stack, 'Orders');
  const key = new kms.Key(stack, 'ReportsKey', { enableKeyRotation: true });
  new s3.Bucket(stack, 'Reports', { encryptionKey: key, enforceSSL: true, versioned: true });
  const assets = new s3.Bucket(stack, 'Assets', { enforceSSL: true });
  Validations.of(assets).acknowledge({
    id: 'Bulwark::BW-DP-002',
    reason: 'Public website assets, reviewed by the security team',
  });

  const vpc = new ec2.Vpc(stack, 'Network', { maxAzs: 1, natGateways: 0 });
  const bastion = new ec2.SecurityGroup(stack, 'Bastion', { vpc, description: 'Bastion host' });
  bastion.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'SSH from anywhere');

  new iam.Role(stack, 'Deployer', {
    assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
  });
  new sqs.Queue(stack, 'Jobs');
  new dynamodb.Table(stack, 'Customers', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  });
  app.synth();

  const suppressions = path.join(dir, 'bulwark.suppressions.yaml');
  fs.writeFileSync(
    suppressions,
    [
      'suppressions:',
      '  - rule: BW-BR-009',
      '    target: "Shop/Orders"',
      '    reason: Orders are rebuilt nightly from the ledger; versions add nothing',
      '    owner: data-platform',
      '    expires: 2099-12-31',
      '  - rule: BW-LT-008',
      '    target: "Shop/Orders"',
      '    reason: Access logging arrives with the new log archive',
      '    owner: platform-security',
      '    expires: 2024-01-31',
      '  - rule: BW-DP-006',
      '    target: "Shop/Retired"',
      '    reason: Bucket removed in the last release',
      '',
    ].join('\n'),
  );
  return { outdir, suppressions };
}
