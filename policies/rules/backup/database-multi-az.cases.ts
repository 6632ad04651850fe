import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import rule from './database-multi-az';

function network(stack: Stack): Pick<rds.DatabaseInstanceProps, 'vpc' | 'vpcSubnets'> {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  return { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } };
}

const postgres = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
const auroraPostgres = rds.DatabaseClusterEngine.auroraPostgres({
  version: rds.AuroraPostgresEngineVersion.VER_16_4,
});

export default defineCases(rule, [
  {
    name: 'Multi-AZ database instance',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine: postgres, multiAz: true, ...network(stack) });
    },
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'database instance on the RDS default (single AZ)',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine: postgres, ...network(stack) });
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` runs in a single availability zone \(Multi-AZ is off\)/,
  },
  {
    name: 'Aurora cluster with a writer and a reader',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: auroraPostgres,
        writer: rds.ClusterInstance.provisioned('Writer'),
        readers: [rds.ClusterInstance.provisioned('Reader')],
        ...network(stack),
      });
    },
    target: 'Cluster/Resource',
    expect: 'pass',
  },
  {
    name: 'Aurora cluster with a writer only',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: auroraPostgres,
        writer: rds.ClusterInstance.provisioned('Writer'),
        ...network(stack),
      });
    },
    target: 'Cluster/Resource',
    expect: 'fail',
    message: /`Cluster` has a single instance/,
  },
]);
