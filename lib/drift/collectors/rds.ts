import { DescribeDBClustersCommand, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { compact, keyValue, liveResource, Reads, tagMap } from './common';
import type { CollectContext, Collected, Collector } from './types';

const CLUSTER = 'AWS::RDS::DBCluster';

/** `AWS::RDS::DBInstance`: encryption, public accessibility, backup retention, deletion protection. */
export const dbInstanceCollector: Collector = {
  types: ['AWS::RDS::DBInstance'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['DBInstanceNotFound', 'DBInstanceNotFoundFault']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: ctx.physicalId })),
    );
    const db = out.DBInstances?.[0];
    if (!db) throw new Error(`DescribeDBInstances returned no instance for ${ctx.physicalId}`);
    const properties = compact({
      DBInstanceIdentifier: db.DBInstanceIdentifier,
      Engine: db.Engine,
      DBClusterIdentifier: ctx.ids.refOrId(db.DBClusterIdentifier, ctx.graph, [CLUSTER]),
      SourceDBInstanceIdentifier: db.ReadReplicaSourceDBInstanceIdentifier,
      StorageEncrypted: db.StorageEncrypted ?? false,
      KmsKeyId: db.StorageEncrypted ? await keyValue(ctx, reads, 'KmsKeyId', db.KmsKeyId, 'rds') : undefined,
      PubliclyAccessible: db.PubliclyAccessible ?? false,
      BackupRetentionPeriod: db.DBClusterIdentifier ? undefined : db.BackupRetentionPeriod,
      DeletionProtection: db.DBClusterIdentifier ? undefined : (db.DeletionProtection ?? false),
      MultiAZ: db.MultiAZ,
    });
    return reads.result([liveResource(ctx.desired, properties, tagMap(db.TagList))]);
  },
};

/** `AWS::RDS::DBCluster`: encryption, backup retention, deletion protection, public accessibility. */
export const dbClusterCollector: Collector = {
  types: [CLUSTER],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['DBClusterNotFoundFault']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeDBClustersCommand({ DBClusterIdentifier: ctx.physicalId })),
    );
    const c = out.DBClusters?.[0];
    if (!c) throw new Error(`DescribeDBClusters returned no cluster for ${ctx.physicalId}`);
    const properties = compact({
      DBClusterIdentifier: c.DBClusterIdentifier,
      Engine: c.Engine,
      EngineMode: c.EngineMode,
      StorageEncrypted: c.StorageEncrypted ?? false,
      KmsKeyId: c.StorageEncrypted ? await keyValue(ctx, reads, 'KmsKeyId', c.KmsKeyId, 'rds') : undefined,
      BackupRetentionPeriod: c.BackupRetentionPeriod,
      DeletionProtection: c.DeletionProtection ?? false,
      PubliclyAccessible: c.PubliclyAccessible,
    });
    return reads.result([liveResource(ctx.desired, properties, tagMap(c.TagList))]);
  },
};
