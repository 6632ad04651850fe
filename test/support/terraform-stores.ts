import type { TerraformStack } from 'cdktf';
import { DynamodbTable, type DynamodbTableConfig } from '@cdktf/provider-aws/lib/dynamodb-table';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';

/* CDKTF building blocks for the Terraform cases of data-store rules. */

/** The `data-classification` tag, as CDKTF writes `tags`. */
export function classified(level: string | undefined): { tags?: Record<string, string> } {
  return level === undefined ? {} : { tags: { 'data-classification': level } };
}

/**
 * An `aws_s3_bucket` with an `aws_s3_bucket_server_side_encryption_configuration`: `AES256` (SSE-S3),
 * `aws:kms` with the given key, or `aws:kms:dsse`.
 */
export function tfBucket(
  stack: TerraformStack,
  id: string,
  opts: { sse?: 'AES256' | 'aws:kms' | 'aws:kms:dsse'; key?: KmsKey; level?: string } = {},
): S3Bucket {
  const bucket = new S3Bucket(stack, id, { bucket: id.toLowerCase(), ...classified(opts.level) });
  if (opts.sse !== undefined)
    new S3BucketServerSideEncryptionConfigurationA(stack, `${id}Sse`, {
      bucket: bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: opts.sse,
            kmsMasterKeyId: opts.key?.arn,
          },
        },
      ],
    });
  return bucket;
}

/** A customer-managed `aws_kms_key`, rotating every `days` days when given (yearly when not). */
export function tfKey(stack: TerraformStack, id: string, days?: number): KmsKey {
  return new KmsKey(stack, id, {
    enableKeyRotation: true,
    ...(days === undefined ? {} : { rotationPeriodInDays: days }),
  });
}

/** An application load balancer whose access logs go to `bucket`. */
export function tfAlbLoggingTo(stack: TerraformStack, bucket: S3Bucket): Lb {
  return new Lb(stack, 'Web', {
    name: 'web',
    subnets: ['subnet-0a', 'subnet-0b'],
    accessLogs: { bucket: bucket.bucket, enabled: true },
  });
}

/** A pay-per-request `aws_dynamodb_table` keyed on `id`. */
export function tfTable(
  stack: TerraformStack,
  id: string,
  config: Partial<DynamodbTableConfig> = {},
): DynamodbTable {
  return new DynamodbTable(stack, id, {
    name: id.toLowerCase(),
    hashKey: 'id',
    attribute: [{ name: 'id', type: 'S' }],
    billingMode: 'PAY_PER_REQUEST',
    ...config,
  });
}
