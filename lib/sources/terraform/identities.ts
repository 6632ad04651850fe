import { Unknown, type Value, type ValueObject } from '../../graph/values';

/**
 * The attributes by which other resources name a resource of a type by value (a bucket's name, a
 * key's id or ARN), as the AWS and azurerm providers write them. A type not listed is named by its `arn` only:
 * the `id` of many types repeats another resource's name (a bucket policy's `id` is its bucket's
 * name), so it is an identity only where it is the resource's own.
 */
const IDENTITY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_s3_bucket: ['bucket', 'id', 'arn'],
  aws_kms_key: ['key_id', 'id', 'arn'],
  aws_kms_alias: ['name', 'arn'],
  aws_iam_role: ['name', 'arn'],
  aws_iam_user: ['name', 'arn'],
  aws_iam_group: ['name', 'arn'],
  aws_iam_policy: ['arn'],
  aws_iam_instance_profile: ['name', 'arn'],
  aws_security_group: ['id', 'arn'],
  aws_vpc: ['id', 'arn'],
  aws_subnet: ['id', 'arn'],
  aws_sqs_queue: ['name', 'url', 'id', 'arn'],
  aws_sns_topic: ['arn'],
  aws_cloudwatch_log_group: ['name', 'arn'],
  aws_lambda_function: ['function_name', 'arn'],
  aws_db_instance: ['identifier', 'arn'],
  aws_rds_cluster: ['cluster_identifier', 'arn'],
  aws_dynamodb_table: ['name', 'arn'],
  aws_secretsmanager_secret: ['name', 'arn'],
  aws_backup_vault: ['name', 'arn'],
  aws_cloudtrail: ['name', 'arn'],
  aws_lb: ['name', 'arn'],
  aws_alb: ['name', 'arn'],
  aws_ecr_repository: ['name', 'arn'],
  aws_efs_file_system: ['id', 'arn'],
  aws_ebs_volume: ['id', 'arn'],
  aws_kinesis_stream: ['name', 'arn'],
  aws_msk_cluster: ['cluster_name', 'arn'],
  aws_elasticache_replication_group: ['replication_group_id', 'arn'],
  aws_opensearch_domain: ['domain_name', 'arn'],
  aws_elasticsearch_domain: ['domain_name', 'arn'],
  aws_redshift_parameter_group: ['name', 'arn'],
  aws_docdb_cluster_parameter_group: ['name', 'arn'],
  aws_launch_template: ['name', 'id', 'arn'],
  aws_network_interface: ['id', 'arn'],
  // azurerm resources are named by resource id, and by name where the provider takes one (a name is unique
  // in its resource group, storage accounts and SQL servers everywhere: views check the resource group).
  azurerm_storage_account: ['name', 'id'],
  azurerm_network_security_group: ['name', 'id'],
  azurerm_sql_server: ['name', 'id'],
  azurerm_mssql_server: ['name', 'id'],
  azurerm_key_vault_key: ['id', 'versionless_id'],
};

/**
 * Values other resources may name a managed resource by: its known name, id or ARN, and, for an
 * unresolved expression (`${var.prefix}-logs`), the expression itself (matched within the same
 * configuration). Data sources claim none: they name resources declared elsewhere.
 */
export function identitiesOf(
  type: string,
  mode: 'data' | 'managed',
  properties: ValueObject,
): (string | Unknown)[] {
  if (mode !== 'managed') return [];
  const out: (string | Unknown)[] = [];
  const add = (v: Value | undefined) => {
    if (typeof v === 'string' && v !== '' && !out.includes(v)) out.push(v);
    else if (v instanceof Unknown && v.display && v.display.includes('${')) out.push(v);
  };
  for (const attr of IDENTITY_ATTRIBUTES[type] ?? ['arn']) add(properties[attr]);
  if (type === 'aws_s3_bucket' && typeof properties.bucket === 'string' && properties.bucket !== '') {
    add(`arn:aws:s3:::${properties.bucket}`);
  }
  return out;
}
