import { App, Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * A three-tier app: an internet-facing load balancer in the public tier, a function in the private
 * tier behind it, a CONFIDENTIAL database in the isolated tier, and a bucket outside the network.
 * `names` renames the constructs (hostile names test escaping).
 */
export function threeTierApp(outdir: string, names: Partial<Record<'alb' | 'app' | 'db', string>> = {}) {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Shop');
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'web', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
  const albSg = new ec2.SecurityGroup(stack, `${names.alb ?? 'Web'}Sg`, { vpc, allowAllOutbound: false });
  const appSg = new ec2.SecurityGroup(stack, `${names.app ?? 'App'}Sg`, { vpc, allowAllOutbound: false });
  const dbSg = new ec2.SecurityGroup(stack, `${names.db ?? 'Db'}Sg`, { vpc, allowAllOutbound: false });
  const alb = new elbv2.ApplicationLoadBalancer(stack, names.alb ?? 'Web', {
    vpc,
    internetFacing: true,
    securityGroup: albSg,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  });
  alb.addListener('Http', { port: 80, open: true }).addAction('Fixed', {
    action: elbv2.ListenerAction.fixedResponse(200),
  });
  appSg.addIngressRule(albSg, ec2.Port.tcp(8080), 'from the load balancer');
  dbSg.addIngressRule(appSg, ec2.Port.tcp(5432), 'from the app');
  new lambda.Function(stack, names.app ?? 'App', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    securityGroups: [appSg],
  });
  const db = new rds.DatabaseInstance(stack, names.db ?? 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    securityGroups: [dbSg],
    storageEncrypted: true,
  });
  Tags.of(db).add('data-classification', 'confidential');
  new s3.Bucket(stack, 'Assets');
  app.synth();
  return app;
}
