/* Data-store views of CloudFormation resources, one file per service family; this registers them. */

import type { AdapterRegistry } from '../registry';
import { globalTableView, tableView } from './dynamodb';
import { logGroupView } from './log-groups';
import { queueView, topicView } from './messaging';
import { dbClusterView, dbInstanceView } from './rds';
import { secretView } from './secrets';
import { fileSystemView, volumeView } from './volumes';

/** Data-store views for DynamoDB, RDS, SQS, SNS, CloudWatch Logs, EBS, Secrets Manager and EFS. */
export function registerStores(registry: AdapterRegistry): void {
  registry
    .register('cloudformation', 'AWS::DynamoDB::Table', tableView)
    .register('cloudformation', 'AWS::DynamoDB::GlobalTable', globalTableView)
    .register('cloudformation', 'AWS::RDS::DBCluster', dbClusterView)
    .register('cloudformation', 'AWS::RDS::DBInstance', dbInstanceView)
    .register('cloudformation', 'AWS::SQS::Queue', queueView)
    .register('cloudformation', 'AWS::SNS::Topic', topicView)
    .register('cloudformation', 'AWS::Logs::LogGroup', logGroupView)
    .register('cloudformation', 'AWS::EC2::Volume', volumeView)
    .register('cloudformation', 'AWS::SecretsManager::Secret', secretView)
    .register('cloudformation', 'AWS::EFS::FileSystem', fileSystemView);
}
