import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnElement, Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as emr from 'aws-cdk-lib/aws-emr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as msk from 'aws-cdk-lib/aws-msk';
import * as neptune from 'aws-cdk-lib/aws-neptune';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as redshift from 'aws-cdk-lib/aws-redshift';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { checkGraph } from '../lib/check';
import type { RuleResult } from '../lib/engine/result';
import { loadInput } from '../lib/sources';
import { RULES } from '../policies/rules';

/**
 * A cdk-nag AwsSolutions rule and the Bulwark rules that assert the same control, compared on the
 * resource types the cdk-nag rule checks. `onlyNag` / `onlyBulwark`: resources of the test app (construct
 * path below the stack) where the two legitimately differ, with the reason docs/cdk-nag-mapping.md gives.
 */
interface Pair {
  readonly bulwark: readonly string[];
  readonly types: readonly string[];
  readonly onlyNag?: Readonly<Record<string, string>>;
  readonly onlyBulwark?: Readonly<Record<string, string>>;
}

const DISTRIBUTION = ['AWS::CloudFront::Distribution'];
const SEARCH = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];
const CACHE = ['AWS::ElastiCache::ReplicationGroup'];
const KAFKA = ['AWS::MSK::Cluster'];
const RDS = ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'];
const BUCKET = ['AWS::S3::Bucket'];
const IAM = [
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::Group',
];

/** The mapped rows of docs/cdk-nag-mapping.md, keyed by cdk-nag rule without the `AwsSolutions-` prefix. */
const PAIRS: Readonly<Record<string, Pair>> = {
  AEC3: { bulwark: ['BW-DP-003', 'BW-DP-026'], types: CACHE },
  AEC6: { bulwark: ['BW-IM-007'], types: CACHE },
  APIG1: { bulwark: ['BW-LT-103'], types: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'] },
  APIG3: { bulwark: ['BW-NS-009'], types: ['AWS::ApiGateway::Stage'] },
  APIG4: { bulwark: ['BW-IM-003'], types: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'] },
  CB4: { bulwark: ['BW-DS-008'], types: ['AWS::CodeBuild::Project'] },
  CFR2: { bulwark: ['BW-NS-009'], types: DISTRIBUTION },
  CFR3: { bulwark: ['BW-LT-105'], types: DISTRIBUTION },
  CFR4: { bulwark: ['BW-NS-006'], types: DISTRIBUTION },
  CFR5: { bulwark: ['BW-NS-010'], types: DISTRIBUTION },
  CFR7: { bulwark: ['BW-NS-011'], types: DISTRIBUTION },
  COG2: { bulwark: ['BW-IM-005'], types: ['AWS::Cognito::UserPool'] },
  DOC1: { bulwark: ['BW-DP-003'], types: ['AWS::DocDB::DBCluster'] },
  DOC4: { bulwark: ['BW-BR-006'], types: ['AWS::DocDB::DBCluster'] },
  DDB3: { bulwark: ['BW-BR-002'], types: ['AWS::DynamoDB::Table'] },
  EC23: {
    bulwark: ['BW-NS-001', 'BW-NS-002', 'BW-NS-007', 'BW-NS-017'],
    types: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
    onlyNag: {
      PublicWeb: 'HTTPS (443) from anywhere is a public listener, not an exposure',
      'Lb/SecurityGroup': 'the port 80 listener of an internet-facing load balancer is meant to be public',
      Internal:
        'cdk-nag cannot resolve `vpc.vpcCidrBlock` and flags it; Bulwark resolves it to the VPC range',
    },
  },
  EC26: { bulwark: ['BW-DP-003'], types: ['AWS::EC2::Volume'] },
  EFS1: { bulwark: ['BW-DP-005'], types: ['AWS::EFS::FileSystem'] },
  EMR5: {
    bulwark: ['BW-DP-026'],
    types: ['AWS::EMR::Cluster'],
    onlyNag: {
      SafeSpark:
        'cdk-nag reads `EnableInTransitEncryption` at the top of the security configuration; EMR nests it under `EncryptionConfiguration`',
    },
  },
  EKS1: {
    bulwark: ['BW-NS-027'],
    types: ['AWS::EKS::Cluster'],
    onlyNag: { EksRestricted: 'a public endpoint limited to named ranges is not open to the internet' },
  },
  EKS2: {
    bulwark: ['BW-LT-011'],
    types: ['AWS::EKS::Cluster'],
    onlyNag: {
      EksRestricted:
        'controller manager and scheduler logs are operational; Bulwark asks for api, audit, authenticator',
    },
  },
  ELB2: {
    bulwark: ['BW-LT-104'],
    types: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  },
  ELB5: { bulwark: ['BW-NS-022'], types: ['AWS::ElasticLoadBalancing::LoadBalancer'] },
  IAM5: {
    bulwark: ['BW-PA-001', 'BW-PA-005', 'BW-PA-006', 'BW-PA-007', 'BW-PA-008'],
    types: IAM,
    onlyNag: {
      'ReaderRole/DefaultPolicy':
        'a CDK `grantRead` scopes to the bucket and its objects (`bucket/*`, `s3:GetObject*`)',
      'Build/Role/DefaultPolicy': 'CodeBuild grants on its own log group and report groups (`:*` suffixes)',
    },
  },
  KDF1: { bulwark: ['BW-DP-003'], types: ['AWS::KinesisFirehose::DeliveryStream'] },
  KDS1: { bulwark: ['BW-DP-003'], types: ['AWS::Kinesis::Stream'] },
  KMS5: { bulwark: ['BW-DP-010'], types: ['AWS::KMS::Key'] },
  L1: {
    bulwark: ['BW-PV-004'],
    types: ['AWS::Lambda::Function'],
    onlyNag: { SupportedFn: 'nodejs22.x is supported; cdk-nag wants the newest Node.js runtime' },
  },
  MSK2: { bulwark: ['BW-DP-026'], types: KAFKA },
  MSK3: { bulwark: ['BW-DP-026'], types: KAFKA },
  N3: { bulwark: ['BW-BR-006'], types: ['AWS::Neptune::DBCluster'] },
  N4: { bulwark: ['BW-DP-003'], types: ['AWS::Neptune::DBCluster'] },
  N5: { bulwark: ['BW-IM-007'], types: ['AWS::Neptune::DBCluster'] },
  OS1: { bulwark: ['BW-DP-027'], types: SEARCH },
  OS2: { bulwark: ['BW-DP-026'], types: SEARCH },
  OS8: { bulwark: ['BW-DP-003'], types: SEARCH },
  RDS2: { bulwark: ['BW-DP-004'], types: RDS },
  RDS10: { bulwark: ['BW-DP-021'], types: RDS },
  RDS13: { bulwark: ['BW-BR-002', 'BW-BR-006'], types: RDS },
  RS1: { bulwark: ['BW-DP-026'], types: ['AWS::Redshift::Cluster'] },
  RS10: { bulwark: ['BW-BR-006'], types: ['AWS::Redshift::Cluster'] },
  RS6: { bulwark: ['BW-DP-003'], types: ['AWS::Redshift::Cluster'] },
  RS8: { bulwark: ['BW-DP-027'], types: ['AWS::Redshift::Cluster'] },
  S1: { bulwark: ['BW-LT-008'], types: BUCKET },
  S2: { bulwark: ['BW-DP-008'], types: BUCKET },
  S10: { bulwark: ['BW-DP-006'], types: BUCKET },
  SMG4: { bulwark: ['BW-DP-020'], types: ['AWS::SecretsManager::Secret'] },
  SNS3: { bulwark: ['BW-DP-007'], types: ['AWS::SNS::Topic'] },
  SQS2: { bulwark: ['BW-DP-003'], types: ['AWS::SQS::Queue'] },
  SQS4: { bulwark: ['BW-DP-007'], types: ['AWS::SQS::Queue'] },
  VPC7: { bulwark: ['BW-LT-101'], types: ['AWS::EC2::VPC'] },
};

const inline = (): lambda.Code => lambda.Code.fromInline('exports.handler = async () => ({})');

/** One stack with known misconfigurations beside compliant twins, built from real constructs. */
function buildApp(stack: Stack): void {
  // Networks: one without flow logs; SSH open to the world, a public HTTPS listener, a private database port.
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 2, natGateways: 0 });
  new ec2.Vpc(stack, 'LoggedNet', {
    maxAzs: 1,
    natGateways: 0,
    flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } },
  });
  new ec2.SecurityGroup(stack, 'OpenSsh', { vpc }).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
  new ec2.SecurityGroup(stack, 'PublicWeb', { vpc }).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
  new ec2.SecurityGroup(stack, 'Internal', { vpc }).addIngressRule(
    ec2.Peer.ipv4(vpc.vpcCidrBlock),
    ec2.Port.tcp(5432),
  );

  // Object stores: no TLS policy and no access logs; public access partly blocked; a hardened one.
  new s3.Bucket(stack, 'PlainBucket');
  new s3.Bucket(stack, 'HalfBlocked', {
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS,
  });
  const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
  });
  new s3.Bucket(stack, 'HardenedBucket', {
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    serverAccessLogsBucket: accessLogs,
  });

  // Messaging: a queue without encryption or TLS policy, a topic without KMS or TLS policy, safe twins.
  new sqs.Queue(stack, 'PlainQueue', { encryption: sqs.QueueEncryption.UNENCRYPTED });
  new sqs.Queue(stack, 'SafeQueue', { encryption: sqs.QueueEncryption.KMS_MANAGED, enforceSSL: true });
  new sns.Topic(stack, 'PlainTopic');
  new sns.Topic(stack, 'SafeTopic', {
    enforceSSL: true,
    masterKey: new kms.Key(stack, 'TopicKey', { enableKeyRotation: true }),
  });

  // A database: unencrypted, public, no deletion protection, automated backups off.
  new rds.DatabaseInstance(stack, 'PublicDb', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    publiclyAccessible: true,
    storageEncrypted: false,
    backupRetention: Duration.days(0),
  });

  // Identity: a role allowed everything; a role with a scoped CDK grant.
  new iam.Role(stack, 'AdminRole', {
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
  }).addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
  accessLogs.grantRead(
    new iam.Role(stack, 'ReaderRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }),
  );
  // A role that reads every secret of the account, one that may attach policies to any role.
  new iam.Role(stack, 'SecretsReaderRole', {
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
  }).addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: ['*'] }),
  );
  new iam.Role(stack, 'PolicyAdminRole', {
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
  }).addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['iam:AttachRolePolicy'], resources: ['*'] }));

  // Functions: a deprecated runtime with a plaintext password; a supported, not newest, runtime.
  new lambda.Function(stack, 'LegacyFn', {
    runtime: lambda.Runtime.NODEJS_16_X,
    handler: 'index.handler',
    code: inline(),
    environment: { DB_PASSWORD: 'hunter2' },
  });
  new lambda.Function(stack, 'SupportedFn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: inline(),
  });

  // An unencrypted volume, a trail without integrity validation.
  new ec2.CfnVolume(stack, 'PlainDisk', { availabilityZone: 'us-east-1a', size: 10, encrypted: false });
  new cloudtrail.Trail(stack, 'Trail', { enableFileValidation: false });

  // An internet-facing load balancer serving plain HTTP, without access logs or web ACL.
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
  lb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });

  // Classic load balancers: HTTPS decrypted and forwarded over HTTP without access logs; SSL end to end, logged.
  const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
  new elb.CfnLoadBalancer(stack, 'ClassicWeb', {
    availabilityZones: ['us-east-1a'],
    listeners: [
      {
        loadBalancerPort: '443',
        instancePort: '80',
        protocol: 'HTTPS',
        instanceProtocol: 'HTTP',
        sslCertificateId: cert,
      },
    ],
  });
  new elb.CfnLoadBalancer(stack, 'ClassicTls', {
    availabilityZones: ['us-east-1a'],
    listeners: [
      {
        loadBalancerPort: '443',
        instancePort: '8443',
        protocol: 'SSL',
        instanceProtocol: 'SSL',
        sslCertificateId: cert,
        policyNames: ['Tls12'],
      },
    ],
    policies: [
      {
        policyName: 'Tls12',
        policyType: 'SSLNegotiationPolicyType',
        attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }],
      },
    ],
    accessLoggingPolicy: { enabled: true, s3BucketName: accessLogs.bucketName },
  });

  // APIs: an open one without logs or web ACL; one signed with IAM, logged and behind a web ACL.
  new apigw.RestApi(stack, 'OpenApi', { cloudWatchRole: false }).root.addMethod('GET');
  const secureApi = new apigw.RestApi(stack, 'SecureApi', {
    cloudWatchRole: false,
    defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
    deployOptions: {
      accessLogDestination: new apigw.LogGroupLogDestination(new logs.LogGroup(stack, 'ApiLogs')),
      accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
    },
  });
  secureApi.root.addMethod('GET');
  const acl = new wafv2.CfnWebACL(stack, 'Acl', {
    defaultAction: { allow: {} },
    scope: 'REGIONAL',
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true },
  });
  new wafv2.CfnWebACLAssociation(stack, 'SecureApiAcl', {
    resourceArn: secureApi.deploymentStage.stageArn,
    webAclArn: acl.attrArn,
  });

  // Distributions on the default certificate: one reaching its origin over HTTP, one using a legacy OAI.
  new cloudfront.Distribution(stack, 'Cdn', {
    defaultBehavior: {
      origin: new origins.HttpOrigin('origin.example.com', {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      }),
    },
  });
  const content = new s3.Bucket(stack, 'SiteContent', {
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
  new cloudfront.Distribution(stack, 'SiteCdn', {
    defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessIdentity(content) },
  });

  // A key without rotation, an unencrypted file system, a table without PITR, a user pool without MFA,
  // a build project on the AWS managed key, a secret without rotation.
  new kms.Key(stack, 'StaleKey');
  new efs.FileSystem(stack, 'Files', { vpc, encrypted: false });
  new dynamodb.Table(stack, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  new cognito.UserPool(stack, 'Users').addClient('WebClient');
  new codebuild.Project(stack, 'Build', { buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2' }) });
  new secretsmanager.Secret(stack, 'ApiKey');

  // Managed data services, each unencrypted beside a hardened twin: streams, delivery streams, graph and
  // document databases, a search domain; a Neptune cluster without IAM authentication; a public warehouse
  // that accepts plaintext clients.
  new kinesis.CfnStream(stack, 'PlainStream', { shardCount: 1 });
  new kinesis.CfnStream(stack, 'SafeStream', {
    shardCount: 1,
    streamEncryption: { encryptionType: 'KMS', keyId: 'alias/aws/kinesis' },
  });
  const s3Destination = {
    bucketArn: accessLogs.bucketArn,
    roleArn: 'arn:aws:iam::123456789012:role/firehose',
  };
  new firehose.CfnDeliveryStream(stack, 'PlainDelivery', { s3DestinationConfiguration: s3Destination });
  new firehose.CfnDeliveryStream(stack, 'SafeDelivery', {
    s3DestinationConfiguration: s3Destination,
    deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
  });
  new neptune.CfnDBCluster(stack, 'PlainGraph', {});
  new neptune.CfnDBCluster(stack, 'SafeGraph', {
    storageEncrypted: true,
    iamAuthEnabled: true,
    backupRetentionPeriod: 7,
  });
  const docsLogin = {
    masterUsername: 'admin',
    masterUserPassword: '{{resolve:secretsmanager:docs-admin}}',
  };
  new docdb.CfnDBCluster(stack, 'PlainDocs', { ...docsLogin, storageEncrypted: false });
  new docdb.CfnDBCluster(stack, 'SafeDocs', {
    ...docsLogin,
    storageEncrypted: true,
    backupRetentionPeriod: 7,
  });
  new opensearch.CfnDomain(stack, 'PlainSearch', { encryptionAtRestOptions: { enabled: false } });
  new opensearch.CfnDomain(stack, 'SafeSearch', {
    encryptionAtRestOptions: { enabled: true },
    nodeToNodeEncryptionOptions: { enabled: true },
    domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    vpcOptions: {
      subnetIds: vpc.isolatedSubnets
        .concat(vpc.publicSubnets)
        .slice(0, 1)
        .map((x) => x.subnetId),
    },
  });
  const warehouse = (id: string, safe: boolean) =>
    new redshift.CfnCluster(stack, id, {
      clusterType: 'single-node',
      dbName: 'analytics',
      masterUsername: 'admin',
      masterUserPassword: '{{resolve:secretsmanager:warehouse-admin}}',
      nodeType: 'ra3.xlplus',
      encrypted: safe,
      publiclyAccessible: !safe,
      automatedSnapshotRetentionPeriod: safe ? 7 : 0,
      clusterParameterGroupName: new redshift.CfnClusterParameterGroup(stack, `${id}Params`, {
        description: 'cluster parameters',
        parameterGroupFamily: 'redshift-1.0',
        parameters: [{ parameterName: 'require_ssl', parameterValue: String(safe) }],
      }).ref,
    });
  warehouse('PlainWarehouse', false);
  warehouse('SafeWarehouse', true);

  // A cache without encryption or authentication, a broker accepting plaintext, a processing cluster without a
  // security configuration; hardened twins.
  const cacheProps = {
    replicationGroupDescription: 'sessions',
    engine: 'valkey',
    cacheNodeType: 'cache.t4g.small',
    numCacheClusters: 2,
  };
  new elasticache.CfnReplicationGroup(stack, 'PlainCache', cacheProps);
  new elasticache.CfnReplicationGroup(stack, 'SafeCache', {
    ...cacheProps,
    atRestEncryptionEnabled: true,
    transitEncryptionEnabled: true,
    authToken: '{{resolve:secretsmanager:cache-token}}',
  });
  const kafka = (id: string, encryptionInfo?: msk.CfnCluster.EncryptionInfoProperty) =>
    new msk.CfnCluster(stack, id, {
      clusterName: id.toLowerCase(),
      kafkaVersion: '3.6.0',
      numberOfBrokerNodes: 2,
      brokerNodeGroupInfo: {
        clientSubnets: vpc.publicSubnets.map((x) => x.subnetId),
        instanceType: 'kafka.m7g.large',
      },
      clientAuthentication: { sasl: { iam: { enabled: true } } },
      encryptionInfo,
    });
  kafka('PlainKafka', { encryptionInTransit: { clientBroker: 'TLS_PLAINTEXT', inCluster: false } });
  kafka('SafeKafka');
  const spark = (id: string, securityConfiguration?: string) =>
    new emr.CfnCluster(stack, id, {
      name: id.toLowerCase(),
      releaseLabel: 'emr-7.1.0',
      jobFlowRole: 'EMR_EC2_DefaultRole',
      serviceRole: 'EMR_DefaultRole',
      instances: { masterInstanceGroup: { instanceCount: 1, instanceType: 'm7g.xlarge' } },
      securityConfiguration,
    });
  spark('PlainSpark');
  spark(
    'SafeSpark',
    new emr.CfnSecurityConfiguration(stack, 'SparkSecurity', {
      securityConfiguration: {
        EncryptionConfiguration: {
          EnableInTransitEncryption: true,
          EnableAtRestEncryption: false,
          InTransitEncryptionConfiguration: {
            TLSCertificateConfiguration: { CertificateProviderType: 'PEM', S3Object: 's3://certs/emr.zip' },
          },
        },
      },
    }).ref,
  );
  // Kubernetes clusters (L1): the EKS defaults (public to the internet, no logs, no customer key); a public endpoint
  // limited to one range with API, audit and authenticator logs; a private one with every log type.
  const eksRole = new iam.Role(stack, 'EksRole', {
    assumedBy: new iam.ServicePrincipal('eks.amazonaws.com'),
  });
  const subnetIds = vpc.privateSubnets.map((s) => s.subnetId);
  new eks.CfnCluster(stack, 'EksPublic', { roleArn: eksRole.roleArn, resourcesVpcConfig: { subnetIds } });
  new eks.CfnCluster(stack, 'EksRestricted', {
    roleArn: eksRole.roleArn,
    resourcesVpcConfig: {
      subnetIds,
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
    },
    logging: {
      clusterLogging: { enabledTypes: [{ type: 'api' }, { type: 'audit' }, { type: 'authenticator' }] },
    },
  });
  new eks.CfnCluster(stack, 'EksPrivate', {
    roleArn: eksRole.roleArn,
    resourcesVpcConfig: { subnetIds, endpointPublicAccess: false, endpointPrivateAccess: true },
    logging: {
      clusterLogging: {
        enabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((type) => ({
          type,
        })),
      },
    },
  });
}

/** The CloudFormation resource of a construct path below the stack (the L1 itself or its default child). */
function resourceAt(stack: Stack, constructPath: string): CfnElement {
  let c: IConstruct = stack;
  for (const id of constructPath.split('/')) c = c.node.findChild(id);
  const el = c instanceof CfnElement ? c : c.node.defaultChild;
  if (!(el instanceof CfnElement)) throw new Error(`${constructPath} is not a CloudFormation resource`);
  return el;
}

interface Run {
  /** Logical ids each cdk-nag rule flags, by rule (without the `AwsSolutions-` prefix and finding suffix). */
  readonly nag: ReadonlyMap<string, ReadonlySet<string>>;
  readonly bulwark: readonly RuleResult[];
  readonly typeOf: ReadonlyMap<string, string>;
  readonly logicalId: (constructPath: string) => string;
}

const AWS_SOLUTIONS = /^AwsSolutions-([A-Z0-9]+)/;

describe('cdk-nag AwsSolutions and Bulwark on the same app', () => {
  let run: Run;
  let outdir: string;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-nag-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'NagApp');
    buildApp(stack);
    app.synth();

    const byPath = new Map<string, string>();
    for (const c of app.node.findAll()) {
      if (c instanceof CfnElement) byPath.set(c.node.path, stack.resolve(c.logicalId) as string);
    }
    const nag = new Map<string, Set<string>>();
    for (const v of new AwsSolutionsChecks().validateScope(app).violations) {
      const rule = AWS_SOLUTIONS.exec(v.ruleName)?.[1];
      if (!rule) continue;
      let set = nag.get(rule);
      if (!set) nag.set(rule, (set = new Set()));
      for (const r of v.violatingResources) {
        const id = r.resourceLogicalId ?? byPath.get(r.constructPath ?? '');
        if (id === undefined)
          throw new Error(`cdk-nag ${v.ruleName} names an unknown resource ${r.constructPath}`);
        set.add(id);
      }
    }

    const { graph } = loadInput([outdir]);
    const { evaluation } = checkGraph(graph, { pack: 'all' });
    const typeOf = new Map([...graph.all()].map((r) => [r.logicalId!, r.type]));
    run = {
      nag,
      bulwark: evaluation.results,
      typeOf,
      logicalId: (p) => stack.resolve(resourceAt(stack, p).logicalId) as string,
    };
  });

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  describe.each(Object.entries(PAIRS))('AwsSolutions-%s', (rule, pair) => {
    const inScope = (id: string) => pair.types.includes(run.typeOf.get(id) ?? '');
    const nagFlags = () => new Set([...(run.nag.get(rule) ?? [])].filter(inScope));
    const bulwarkResults = () =>
      run.bulwark.filter((r) => pair.bulwark.includes(r.rule.id) && inScope(r.resource.logicalId!));
    const bulwarkFlags = () =>
      new Set(
        bulwarkResults()
          .filter((r) => r.outcome === 'fail')
          .map((r) => r.resource.logicalId!),
      );
    const ids = (m?: Readonly<Record<string, string>>) => Object.keys(m ?? {}).map(run.logicalId);

    test(`flags the same resources as ${pair.bulwark.join(', ')}`, () => {
      const excluded = new Set([...ids(pair.onlyNag), ...ids(pair.onlyBulwark)]);
      const nag = [...nagFlags()].filter((id) => !excluded.has(id)).sort();
      const bulwark = [...bulwarkFlags()].filter((id) => !excluded.has(id)).sort();
      expect(bulwark).toEqual(nag);
      expect(nag.length).toBeGreaterThan(0);
    });

    test('differs only where the mapping says why', () => {
      const nag = nagFlags();
      const bulwark = bulwarkFlags();
      for (const id of ids(pair.onlyNag))
        expect({ id, nag: nag.has(id), bulwark: bulwark.has(id) }).toEqual({ id, nag: true, bulwark: false });
      for (const id of ids(pair.onlyBulwark))
        expect({ id, nag: nag.has(id), bulwark: bulwark.has(id) }).toEqual({ id, nag: false, bulwark: true });
    });

    test('Bulwark resolves every resource it compares', () => {
      const open = bulwarkResults()
        .filter((r) => r.outcome === 'unknown')
        .map((r) => `${r.rule.id} ${r.resource.logicalId}: ${r.message}`);
      expect(open).toEqual([]);
    });
  });
});

describe('docs/cdk-nag-mapping.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../docs/cdk-nag-mapping.md'), 'utf8');
  const rows = [
    ...doc.matchAll(
      /^\| `AwsSolutions-([A-Z0-9]+)` \|[^|]*\| ([^|]*) \| (mapped(?:, differs)?|none: [^|]+?) \|/gm,
    ),
  ].map((m) => ({ rule: m[1]!, bulwark: m[2]!.trim(), status: m[3]! }));

  test('has one row for every AwsSolutions rule of cdk-nag', () => {
    const rulesMd = fs.readFileSync(require.resolve('cdk-nag/RULES.md'), 'utf8');
    const section = rulesMd.slice(rulesMd.indexOf('## AWS Solutions'), rulesMd.indexOf('## HIPAA Security'));
    const nagRules = [...section.matchAll(/^\| AwsSolutions-([A-Z0-9]+) /gm)].map((m) => m[1]!);
    expect(nagRules.length).toBeGreaterThan(100);
    expect(rows.map((r) => r.rule).sort()).toEqual([...nagRules].sort());
  });

  test('maps exactly the pairs the agreement test compares', () => {
    const mapped = Object.fromEntries(
      rows.filter((r) => r.status.startsWith('mapped')).map((r) => [r.rule, r.bulwark.split(/,\s*/).sort()]),
    );
    const compared = Object.fromEntries(Object.entries(PAIRS).map(([k, p]) => [k, [...p.bulwark].sort()]));
    expect(mapped).toEqual(compared);
  });

  test('names only Bulwark rules that exist', () => {
    const known = new Set(RULES.map((r) => r.id));
    const named = [...doc.matchAll(/BW-[A-Z]{2,3}-\d{3}/g)].map((m) => m[0]);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });

  test('a row without a Bulwark rule says why', () => {
    const bare = rows.filter((r) => r.status.startsWith('none') && r.bulwark !== '—');
    expect(bare.map((r) => r.rule)).toEqual([]);
  });
});
