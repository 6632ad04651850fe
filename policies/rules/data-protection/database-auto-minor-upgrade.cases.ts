import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import rule from './database-auto-minor-upgrade';
import type { TerraformStack } from 'cdktf';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';

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

/** An encrypted PostgreSQL `aws_db_instance`, `auto_minor_version_upgrade` as given (unset when undefined). */
function tfDb(stack: TerraformStack, autoMinorVersionUpgrade: boolean | undefined): DbInstance {
  return new DbInstance(stack, 'Db', {
    engine: 'postgres',
    instanceClass: 'db.t3.micro',
    allocatedStorage: 20,
    storageEncrypted: true,
    ...(autoMinorVersionUpgrade === undefined ? {} : { autoMinorVersionUpgrade }),
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
  {
    name: 'terraform: DB instance on the provider default (auto_minor_version_upgrade true)',
    source: 'cdktf',
    build: (stack) => void tfDb(stack, undefined),
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'terraform: DB instance with auto_minor_version_upgrade = false',
    source: 'cdktf',
    build: (stack) => void tfDb(stack, false),
    target: 'Db',
    expect: 'fail',
    message: '`Db` does not apply minor engine versions automatically',
  },
  {
    name: 'terraform: Aurora cluster instance with auto_minor_version_upgrade = false',
    source: 'cdktf',
    build: (stack) => {
      const cluster = new RdsCluster(stack, 'Cluster', {
        engine: 'aurora-postgresql',
        masterUsername: 'app',
        manageMasterUserPassword: true,
        storageEncrypted: true,
      });
      new RdsClusterInstance(stack, 'Writer', {
        clusterIdentifier: cluster.id,
        engine: 'aurora-postgresql',
        instanceClass: 'db.r6g.large',
        autoMinorVersionUpgrade: false,
      });
    },
    target: 'Writer',
    expect: 'fail',
    message: '`Writer` does not apply minor engine versions automatically',
  },
  {
    // The argument is newer than the provider bindings in use: set through CDKTF's override, as users of those bindings do.
    name: 'terraform: Multi-AZ DB cluster with auto_minor_version_upgrade = false',
    source: 'cdktf',
    build: (stack) => {
      new RdsCluster(stack, 'Cluster', {
        engine: 'postgres',
        dbClusterInstanceClass: 'db.m6gd.large',
        storageType: 'io1',
        allocatedStorage: 100,
        iops: 1000,
        masterUsername: 'app',
        manageMasterUserPassword: true,
        storageEncrypted: true,
      }).addOverride('auto_minor_version_upgrade', false);
    },
    target: 'Cluster',
    expect: 'fail',
    message: '`Cluster` does not apply minor engine versions automatically',
  },
  {
    name: 'terraform: Multi-AZ DB cluster on the default (minor versions applied automatically)',
    source: 'cdktf',
    build: (stack) =>
      void new RdsCluster(stack, 'Cluster', {
        engine: 'postgres',
        dbClusterInstanceClass: 'db.m6gd.large',
        storageType: 'io1',
        allocatedStorage: 100,
        iops: 1000,
        masterUsername: 'app',
        manageMasterUserPassword: true,
        storageEncrypted: true,
      }),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'terraform plan: DB instance with auto_minor_version_upgrade = false',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_db_instance.bad',
    expect: 'fail',
    message: /does not apply minor engine versions automatically/,
  },
]);
