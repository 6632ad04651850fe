import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import * as config from 'aws-cdk-lib/aws-config';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { Classification, requirementsFor } from '../../classification';
import { customerKeyFor, tagClassification } from '../common/classified';

/**
 * GuardDuty protection plans turned on, by their CloudFormation feature name
 * (`AWS::GuardDuty::Detector` `Features[].Name`). `RUNTIME_MONITORING` covers EKS, ECS (Fargate)
 * and EC2, so `EKS_RUNTIME_MONITORING` is not named: GuardDuty rejects the two together.
 */
export const GUARDDUTY_FEATURES = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'LAMBDA_NETWORK_LOGS',
  'RUNTIME_MONITORING',
] as const;

/** Agents GuardDuty manages for Runtime Monitoring (`AdditionalConfiguration` of `RUNTIME_MONITORING`). */
export const RUNTIME_MONITORING_AGENTS = [
  'EKS_ADDON_MANAGEMENT',
  'ECS_FARGATE_AGENT_MANAGEMENT',
  'EC2_AGENT_MANAGEMENT',
] as const;

/** Security Hub standards enabled, as ARN paths after `arn:<partition>:securityhub:<region>::`. */
export const SECURITY_HUB_STANDARDS = {
  foundationalBestPractices: 'standards/aws-foundational-security-best-practices/v/1.0.0',
  cisV5: 'standards/cis-aws-foundations-benchmark/v/5.0.0',
} as const;

/** Inspector scan types enabled for the account. */
export const INSPECTOR_RESOURCE_TYPES = ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'] as const;

/**
 * AWS Config managed rules the posture evaluates continuously, by construct id. Each repeats in the
 * account what Bulwark checks in templates, so drift made outside IaC is found too.
 */
export const POSTURE_CONFIG_RULES: Readonly<Record<string, string>> = {
  S3SslRequestsOnly: config.ManagedRuleIdentifiers.S3_BUCKET_SSL_REQUESTS_ONLY,
  S3BucketLevelPublicAccessProhibited: config.ManagedRuleIdentifiers.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED,
  CloudTrailEnabled: config.ManagedRuleIdentifiers.CLOUD_TRAIL_ENABLED,
  CloudTrailLogFileValidation: config.ManagedRuleIdentifiers.CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED,
  CloudTrailEncryption: config.ManagedRuleIdentifiers.CLOUD_TRAIL_ENCRYPTION_ENABLED,
  EncryptedVolumes: config.ManagedRuleIdentifiers.EBS_ENCRYPTED_VOLUMES,
  EbsEncryptionByDefault: config.ManagedRuleIdentifiers.EC2_EBS_ENCRYPTION_BY_DEFAULT,
  RdsStorageEncrypted: config.ManagedRuleIdentifiers.RDS_STORAGE_ENCRYPTED,
  RdsNotPublic: config.ManagedRuleIdentifiers.RDS_INSTANCE_PUBLIC_ACCESS_CHECK,
  RestrictedSsh: config.ManagedRuleIdentifiers.EC2_SECURITY_GROUPS_INCOMING_SSH_DISABLED,
  DefaultSecurityGroupClosed: config.ManagedRuleIdentifiers.VPC_DEFAULT_SECURITY_GROUP_CLOSED,
  VpcFlowLogsEnabled: config.ManagedRuleIdentifiers.VPC_FLOW_LOGS_ENABLED,
  IamNoAdminPolicies: config.ManagedRuleIdentifiers.IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS,
  RootAccessKeyAbsent: config.ManagedRuleIdentifiers.IAM_ROOT_ACCESS_KEY_CHECK,
  CmkRotation: config.ManagedRuleIdentifiers.CMK_BACKING_KEY_ROTATION_ENABLED,
  LogGroupsEncrypted: config.ManagedRuleIdentifiers.CLOUDWATCH_LOG_GROUP_ENCRYPTED,
  DynamoDbPitr: config.ManagedRuleIdentifiers.DYNAMODB_PITR_ENABLED,
};

/** Props of {@link SecurityPosture}. */
export interface SecurityPostureProps {
  /**
   * Name of the AWS Config configuration recorder (one per account and region).
   * @default - generated
   */
  readonly recorderName?: string;
}

/**
 * Cloud security posture management for one account and region: an AWS Config recorder of every
 * supported resource type (global IAM types included) with its delivery channel to an encrypted,
 * TLS-only bucket and a set of managed rules; Security Hub with the AWS Foundational Security Best
 * Practices v1.0.0 and CIS AWS Foundations Benchmark v5.0.0 standards; a GuardDuty detector with
 * every protection plan; an IAM Access Analyzer for the account; Amazon Inspector (EC2, ECR, Lambda
 * and Lambda code); and ECR enhanced scanning of every repository on push and continuously.
 *
 * Config, Security Hub, GuardDuty and the analyzer exist once per account and region: deploy this
 * construct once in each, in an account where they are not yet enabled. Inspector has no
 * CloudFormation resource that enables it: a custom resource calls `inspector2:Enable` (and leaves
 * Inspector on when the stack is deleted).
 *
 * @see cis-aws-5.0:3.3, cis-aws-5.0:4.16, mcsb-v1:PV-2, mcsb-v1:LT-1, mcsb-v1:PV-5, mcsb-v1:AM-1
 */
export class SecurityPosture extends Construct {
  /** The configuration recorder. */
  readonly recorder: config.CfnConfigurationRecorder;
  /** The delivery channel. */
  readonly deliveryChannel: config.CfnDeliveryChannel;
  /** The bucket receiving configuration history and snapshots. */
  readonly configBucket: s3.Bucket;
  /** The key encrypting the configuration bucket. */
  readonly key: kms.Key;
  /** The role AWS Config records and delivers with. */
  readonly configRole: iam.Role;
  /** The Config managed rules, by id. */
  readonly configRules: Readonly<Record<string, config.ManagedRule>>;
  /** Security Hub. */
  readonly hub: securityhub.CfnHub;
  /** The Security Hub standards enabled. */
  readonly standards: readonly securityhub.CfnStandard[];
  /** The GuardDuty detector. */
  readonly detector: guardduty.CfnDetector;
  /** The account's IAM Access Analyzer. */
  readonly analyzer: accessanalyzer.CfnAnalyzer;
  /** The custom resource enabling Amazon Inspector. */
  readonly inspector: cr.AwsCustomResource;
  /** The ECR registry scanning configuration. */
  readonly registryScanning: ecr.CfnRegistryScanningConfiguration;

  constructor(scope: Construct, id: string, props: SecurityPostureProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    const level = Classification.CONFIDENTIAL;

    this.key = customerKeyFor(this, 'Key', level, 'Encrypts AWS Config configuration history') as kms.Key;
    this.configBucket = new s3.Bucket(this, 'ConfigBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          expiration: Duration.days(requirementsFor(level).dataRetentionDays ?? 365),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    tagClassification(this.configBucket, level);

    this.configRole = new iam.Role(this, 'ConfigRole', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      description: 'AWS Config records resources and delivers configuration history',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
    });
    this.configBucket.grantPut(this.configRole, 'AWSLogs/*');
    this.configRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetBucketAcl'], resources: [this.configBucket.bucketArn] }),
    );

    this.recorder = new config.CfnConfigurationRecorder(this, 'Recorder', {
      name: props.recorderName,
      roleArn: this.configRole.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    this.deliveryChannel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
      s3BucketName: this.configBucket.bucketName,
      s3KmsKeyArn: this.key.keyArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });

    const rules: Record<string, config.ManagedRule> = {};
    for (const [ruleId, identifier] of Object.entries(POSTURE_CONFIG_RULES)) {
      rules[ruleId] = this.addManagedRule(ruleId, identifier);
    }
    this.configRules = rules;

    this.hub = new securityhub.CfnHub(this, 'SecurityHub', {
      enableDefaultStandards: false,
      controlFindingGenerator: 'SECURITY_CONTROL',
      autoEnableControls: true,
    });
    this.standards = Object.entries(SECURITY_HUB_STANDARDS).map(([name, path]) => {
      const standard = new securityhub.CfnStandard(
        this,
        `Standard${name.charAt(0).toUpperCase()}${name.slice(1)}`,
        {
          standardsArn: `arn:${stack.partition}:securityhub:${stack.region}::${path}`,
        },
      );
      standard.addResourceDependency(this.hub);
      return standard;
    });

    this.detector = new guardduty.CfnDetector(this, 'GuardDuty', {
      enable: true,
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      features: GUARDDUTY_FEATURES.map((name) => ({
        name,
        status: 'ENABLED',
        additionalConfiguration:
          name === 'RUNTIME_MONITORING'
            ? RUNTIME_MONITORING_AGENTS.map((agent) => ({ name: agent, status: 'ENABLED' }))
            : undefined,
      })),
    });

    this.analyzer = new accessanalyzer.CfnAnalyzer(this, 'AccessAnalyzer', { type: 'ACCOUNT' });

    const enable: cr.AwsSdkCall = {
      service: 'inspector2',
      action: 'Enable',
      parameters: { resourceTypes: [...INSPECTOR_RESOURCE_TYPES] },
      physicalResourceId: cr.PhysicalResourceId.of('inspector2-enable'),
    };
    this.inspector = new cr.AwsCustomResource(this, 'Inspector', {
      onCreate: enable,
      onUpdate: enable,
      installLatestAwsSdk: false,
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['inspector2:Enable'], resources: ['*'] }),
        new iam.PolicyStatement({
          actions: ['iam:CreateServiceLinkedRole'],
          resources: ['*'],
          conditions: {
            StringEquals: {
              'iam:AWSServiceName': ['inspector2.amazonaws.com', 'agentless.inspector2.amazonaws.com'],
            },
          },
        }),
      ]),
    });

    this.registryScanning = new ecr.CfnRegistryScanningConfiguration(this, 'RegistryScanning', {
      scanType: 'ENHANCED',
      rules: [
        { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] },
      ],
    });
    // Enhanced scanning is performed by Inspector.
    this.registryScanning.node.addDependency(this.inspector);
  }

  /** Add an AWS Config managed rule evaluated once the recorder and delivery channel exist. */
  addManagedRule(
    id: string,
    identifier: string,
    inputParameters?: Record<string, unknown>,
  ): config.ManagedRule {
    const rule = new config.ManagedRule(this, id, { identifier, inputParameters });
    rule.node.addDependency(this.recorder, this.deliveryChannel);
    return rule;
  }
}
