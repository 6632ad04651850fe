import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import { defineCases } from '../../../lib/engine/cases';
import {
  docdbCluster,
  kafkaCluster,
  kinesisStream,
  memcachedCluster,
  neptuneCluster,
  replicationGroup,
} from '../../../test/support/data-services';
import rule from './store-client-authentication';
import {
  tfKafkaCluster,
  tfNeptuneCluster,
  tfReplicationGroup,
} from '../../../test/support/terraform-data-services';

export default defineCases(rule, [
  {
    name: 'ElastiCache replication group with an auth token from Secrets Manager',
    build: (stack) => void replicationGroup(stack),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'ElastiCache replication group with an RBAC user group',
    build: (stack) =>
      void replicationGroup(stack, 'Cache', { authToken: undefined, userGroupIds: ['app-users'] }),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'ElastiCache replication group without auth token or user group',
    build: (stack) => void replicationGroup(stack, 'Cache', { authToken: undefined }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` admits clients without authentication/,
  },
  {
    name: 'Memcached cluster: the engine has no authentication',
    build: (stack) => void memcachedCluster(stack),
    target: 'Memcached',
    expect: 'fail',
    message: /`Memcached` admits clients without authentication/,
  },
  {
    name: 'single-node Redis OSS cache cluster, which cannot take an auth token',
    build: (stack) => {
      new elasticache.CfnCacheCluster(stack, 'Single', {
        engine: 'redis',
        cacheNodeType: 'cache.t4g.small',
        numCacheNodes: 1,
      });
    },
    target: 'Single',
    expect: 'fail',
    message: /`Single` admits clients without authentication/,
  },
  {
    name: 'MSK cluster with IAM access control',
    build: (stack) => void kafkaCluster(stack),
    target: 'Kafka',
    expect: 'pass',
  },
  {
    name: 'MSK cluster without client authentication (unauthenticated access)',
    build: (stack) => void kafkaCluster(stack, 'Kafka', { clientAuthentication: undefined }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` admits clients without authentication/,
  },
  {
    name: 'MSK cluster with IAM that still admits unauthenticated clients',
    build: (stack) =>
      void kafkaCluster(stack, 'Kafka', {
        clientAuthentication: { sasl: { iam: { enabled: true } }, unauthenticated: { enabled: true } },
      }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` admits clients without authentication besides cloud-identity/,
  },
  {
    name: 'MSK cluster with mutual TLS',
    build: (stack) =>
      void kafkaCluster(stack, 'Kafka', {
        clientAuthentication: {
          tls: {
            certificateAuthorityArnList: ['arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/x'],
          },
        },
      }),
    target: 'Kafka',
    expect: 'pass',
  },
  {
    name: 'Neptune cluster with IAM database authentication',
    build: (stack) => void neptuneCluster(stack),
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'Neptune cluster on the default (no IAM database authentication: no authentication at all)',
    build: (stack) => void neptuneCluster(stack, 'Graph', { iamAuthEnabled: undefined }),
    target: 'Graph',
    expect: 'fail',
    message: /`Graph` admits clients without authentication/,
  },
  {
    name: 'Kinesis stream: every call is signed with IAM credentials',
    build: (stack) => void kinesisStream(stack),
    target: 'Events',
    expect: 'pass',
  },
  {
    name: 'DocumentDB cluster: authentication is not a setting',
    build: (stack) => void docdbCluster(stack),
    target: 'Docs',
    expect: 'not_applicable',
  },
  // Terraform (CDKTF)
  {
    name: 'terraform: replication group with an auth token',
    source: 'cdktf',
    build: (stack) => void tfReplicationGroup(stack),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'terraform: replication group with user_group_ids',
    source: 'cdktf',
    build: (stack) =>
      void tfReplicationGroup(stack, 'Cache', { authToken: undefined, userGroupIds: ['app-users'] }),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'terraform: replication group without auth_token or user_group_ids',
    source: 'cdktf',
    build: (stack) => void tfReplicationGroup(stack, 'Cache', { authToken: undefined }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` admits clients without authentication$/,
  },
  {
    name: 'terraform: MSK cluster with IAM client authentication',
    source: 'cdktf',
    build: (stack) => void tfKafkaCluster(stack),
    target: 'Kafka',
    expect: 'pass',
  },
  {
    name: 'terraform: MSK cluster admitting unauthenticated clients besides IAM',
    source: 'cdktf',
    build: (stack) =>
      void tfKafkaCluster(stack, 'Kafka', {
        clientAuthentication: { sasl: { iam: true }, unauthenticated: true },
      }),
    target: 'Kafka',
    expect: 'fail',
    message: /admits clients without authentication besides cloud-identity/,
  },
  {
    name: 'terraform: MSK cluster without a client_authentication block',
    source: 'cdktf',
    build: (stack) => void tfKafkaCluster(stack, 'Kafka', { clientAuthentication: undefined }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` admits clients without authentication/,
  },
  {
    name: 'terraform: Neptune cluster without IAM database authentication',
    source: 'cdktf',
    build: (stack) => void tfNeptuneCluster(stack, 'Graph', { iamDatabaseAuthenticationEnabled: undefined }),
    target: 'Graph',
    expect: 'fail',
    message: /`Graph` admits clients without authentication/,
  },
  {
    name: 'terraform plan: replication group with an auth_token (redacted in the plan)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_elasticache_replication_group.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: replication group whose auth_token is unset (null, marked sensitive)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_elasticache_replication_group.bare',
    expect: 'fail',
    message: /admits clients without authentication/,
  },
  {
    name: 'terraform plan: MSK cluster without client_authentication',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_msk_cluster.bare',
    expect: 'fail',
    message: /admits clients without authentication/,
  },
  {
    name: 'terraform plan: MSK cluster with IAM authentication',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_msk_cluster.good',
    expect: 'pass',
  },
]);
