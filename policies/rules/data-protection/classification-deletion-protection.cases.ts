import * as authorization from '@pulumi/azure-native/authorization';
import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { defineCases } from '../../../lib/engine/cases';
import {
  dmsEndpoint,
  emrCluster,
  kinesisStream,
  memcachedCluster,
  neptuneCluster,
} from '../../../test/support/data-services';
import rule from './classification-deletion-protection';
import { deleteLock, storageAccount } from '../../../test/support/azure-native';
import { classified, tfTable } from '../../../test/support/terraform-stores';
import { azurermAccount, azurermLock } from '../../../test/support/terraform-azurerm';

const classify = <T extends IConstruct>(c: T, level: string): T => {
  Tags.of(c).add('data-classification', level);
  return c;
};
const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

export default defineCases(rule, [
  {
    name: 'internal bucket retained on stack deletion',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data', { removalPolicy: RemovalPolicy.RETAIN }), 'internal');
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'confidential bucket destroyed with its stack',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data', { removalPolicy: RemovalPolicy.DESTROY }), 'confidential');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is CONFIDENTIAL and is deleted with its stack/,
  },
  {
    name: 'public bucket destroyed with its stack',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Site', { removalPolicy: RemovalPolicy.DESTROY }), 'public');
    },
    target: 'Site',
    expect: 'not_applicable',
  },
  {
    name: 'restricted table retained and with deletion protection',
    build: (stack) => {
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey,
          deletionProtection: true,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
        'restricted',
      );
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'restricted table retained but without deletion protection',
    build: (stack) => {
      classify(
        new dynamodb.Table(stack, 'Orders', { partitionKey, removalPolicy: RemovalPolicy.RETAIN }),
        'restricted',
      );
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is RESTRICTED and has deletion protection off/,
  },
  {
    name: 'internal queue destroyed with its stack (SQS construct default)',
    build: (stack) => {
      classify(new sqs.Queue(stack, 'Jobs'), 'internal');
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` is INTERNAL and is deleted with its stack/,
  },
  {
    name: 'confidential log group retained but without deletion protection',
    build: (stack) => {
      classify(new logs.LogGroup(stack, 'Logs', { removalPolicy: RemovalPolicy.RETAIN }), 'confidential');
    },
    target: 'Logs',
    expect: 'fail',
    message: /`Logs` is CONFIDENTIAL and has deletion protection off/,
  },
  {
    name: 'confidential log group retained and with deletion protection',
    build: (stack) => {
      classify(
        new logs.LogGroup(stack, 'Logs', {
          removalPolicy: RemovalPolicy.RETAIN,
          deletionProtectionEnabled: true,
        }),
        'confidential',
      );
    },
    target: 'Logs',
    expect: 'pass',
  },
  {
    name: 'internal Kinesis stream deleted with its stack',
    build: (stack) => {
      Tags.of(kinesisStream(stack)).add('data-classification', 'internal');
    },
    target: 'Events',
    expect: 'fail',
    message: /`Events` is INTERNAL and is deleted with its stack/,
  },
  {
    name: 'internal Neptune cluster retained, with deletion protection',
    build: (stack) => {
      const graph = neptuneCluster(stack);
      graph.applyRemovalPolicy(RemovalPolicy.RETAIN);
      Tags.of(graph).add('data-classification', 'internal');
    },
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'internal Memcached cluster: data in memory only, lost on any restart',
    build: (stack) => {
      Tags.of(memcachedCluster(stack)).add('data-classification', 'internal');
    },
    target: 'Memcached',
    expect: 'not_applicable',
  },
  {
    name: 'internal EMR cluster: working storage, its data lives in the stores it reads and writes',
    build: (stack) => {
      Tags.of(emrCluster(stack)).add('data-classification', 'internal');
    },
    target: 'Spark',
    expect: 'not_applicable',
  },
  {
    name: 'internal DMS endpoint: a connection, not a copy of the data',
    build: (stack) => {
      Tags.of(dmsEndpoint(stack)).add('data-classification', 'internal');
    },
    target: 'Source',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: internal table without prevent_destroy or deletion protection',
    source: 'cdktf',
    build: (stack) => void tfTable(stack, 'Orders', classified('internal')),
    target: 'Orders',
    expect: 'fail',
    message: '`Orders` is INTERNAL and is deleted with its stack or configuration (not retained on delete)',
  },
  {
    name: 'terraform: internal table with prevent_destroy but deletion_protection_enabled off',
    source: 'cdktf',
    build: (stack) =>
      void tfTable(stack, 'Orders', { lifecycle: { preventDestroy: true }, ...classified('internal') }),
    target: 'Orders',
    expect: 'fail',
    message: '`Orders` is INTERNAL and has deletion protection off',
  },
  {
    name: 'terraform: internal table with prevent_destroy and deletion_protection_enabled',
    source: 'cdktf',
    build: (stack) =>
      void tfTable(stack, 'Orders', {
        lifecycle: { preventDestroy: true },
        deletionProtectionEnabled: true,
        ...classified('internal'),
      }),
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'pulumi: confidential storage account protected and locked against deletion',
    source: 'pulumi',
    build: () => void deleteLock('data-lock', storageAccount('data', {}, { protect: true })),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: confidential storage account protected in the program but with no lock',
    source: 'pulumi',
    build: () => void storageAccount('data', {}, { protect: true }),
    target: 'data',
    expect: 'fail',
    message: '`data` is CONFIDENTIAL and has deletion protection off',
  },
  {
    name: 'pulumi: confidential storage account locked but deleted with its stack',
    source: 'pulumi',
    build: () => void deleteLock('data-lock', storageAccount('data')),
    target: 'data',
    expect: 'fail',
    message: /`data` is CONFIDENTIAL and is deleted with its stack/,
  },
  {
    name: 'pulumi: storage account under a ReadOnly lock on its resource group',
    source: 'pulumi',
    build: () => {
      storageAccount('data', {}, { protect: true });
      new authorization.ManagementLockAtResourceGroupLevel('group-lock', {
        resourceGroupName: 'rg-cases',
        level: 'ReadOnly',
      });
    },
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account whose lock level is NotSpecified',
    source: 'pulumi',
    build: () =>
      void deleteLock('data-lock', storageAccount('data', {}, { protect: true }), { level: 'NotSpecified' }),
    target: 'data',
    expect: 'unknown',
    message: /deletion protection cannot be resolved/,
  },
  {
    name: 'terraform: confidential azurerm account with prevent_destroy and a CanNotDelete lock on it',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) => {
      const account = azurermAccount(stack, 'Data', classified('confidential'), { preventDestroy: true });
      azurermLock(stack, 'Lock', `\${${account.fqn}.id}`);
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential azurerm account whose resource group carries a ReadOnly lock (by id)',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) => {
      azurermAccount(stack, 'Data', classified('confidential'), { preventDestroy: true });
      azurermLock(
        stack,
        'Lock',
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG',
        'ReadOnly',
      );
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential azurerm account with prevent_destroy, locked only in another resource group',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) => {
      azurermAccount(stack, 'Data', classified('confidential'), { preventDestroy: true });
      azurermLock(stack, 'Lock', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other');
    },
    target: 'Data',
    expect: 'fail',
    message: '`Data` is CONFIDENTIAL and has deletion protection off',
  },
  {
    name: 'terraform: confidential azurerm account locked but without prevent_destroy',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) => {
      const account = azurermAccount(stack, 'Data', classified('confidential'));
      azurermLock(stack, 'Lock', `\${${account.fqn}.id}`);
    },
    target: 'Data',
    expect: 'fail',
    message: 'is deleted with its stack or configuration (not retained on delete)',
  },
]);
