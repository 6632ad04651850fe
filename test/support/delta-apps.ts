import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** What differs between the base and the head of the pull request the pair stands for. */
export interface ShopChange {
  /** Open SSH to the internet on the web security group (a new high finding). */
  readonly openSsh?: boolean;
  /** Enforce TLS on the assets bucket (fixes its TLS-only finding). */
  readonly enforceSsl?: boolean;
  /** Give the reports bucket another logical id under the same construct path. */
  readonly renameReports?: boolean;
  /**
   * Move the reports bucket under another parent (`Shop/Archive/Reports`) and keep its logical id,
   * as a refactoring that must not replace the deployed bucket does.
   */
  readonly moveReports?: boolean;
  /** An edit no rule reads: a tag on the web security group. */
  readonly retag?: boolean;
  /** Construct id of the assets bucket (a hostile one for escaping tests). */
  readonly assetsId?: string;
  /** Add this many more buckets (to make many findings). */
  readonly extraBuckets?: number;
}

/**
 * A small shop: a VPC with a web security group, an assets bucket and a reports bucket, with the
 * findings a real app has. Synthesized into a fresh cloud assembly; returns its directory.
 */
export function synthShop(change: ShopChange = {}): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-shop-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Shop', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Network', { maxAzs: 1, natGateways: 0 });
  const web = new ec2.SecurityGroup(stack, 'Web', { vpc, description: 'web tier', allowAllOutbound: false });
  web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
  if (change.openSsh) web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'SSH for debugging');
  if (change.retag) Tags.of(web).add('team', 'storefront');
  new s3.Bucket(stack, change.assetsId ?? 'Assets', { enforceSSL: change.enforceSsl === true });
  for (let i = 0; i < (change.extraBuckets ?? 0); i++) new s3.Bucket(stack, `Upload${i}`);
  const reports = new s3.Bucket(change.moveReports ? new Construct(stack, 'Archive') : stack, 'Reports');
  if (change.moveReports) (reports.node.defaultChild as s3.CfnBucket).overrideLogicalId('Reports65402A0A');
  if (change.renameReports) (reports.node.defaultChild as s3.CfnBucket).overrideLogicalId('QuarterlyReports');
  app.synth();
  return outdir;
}
