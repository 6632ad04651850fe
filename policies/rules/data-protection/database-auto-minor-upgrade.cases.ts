import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import rule from './database-auto-minor-upgrade';

function database(stack: Stack, props: Partial<rds.DatabaseInstanceProps> = {}): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ...props,
  });
}

export default defineCases(rule, [
  {
    name: 'database on the RDS default (upgrades on)',
    build: (stack) => database(stack),
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'database with automatic minor version upgrade turned off',
    build: (stack) => database(stack, { autoMinorVersionUpgrade: false }),
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` does not apply minor engine versions automatically/,
  },
  {
    name: 'Aurora writer with automatic minor version upgrade turned off',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        natGateways: 0,
        subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({
          version: rds.AuroraPostgresEngineVersion.VER_16_4,
        }),
        vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        writer: rds.ClusterInstance.provisioned('Writer', { autoMinorVersionUpgrade: false }),
      });
    },
    target: 'Cluster/Writer',
    expect: 'fail',
    message: /`Cluster\/Writer` does not apply minor engine versions automatically/,
  },
]);
