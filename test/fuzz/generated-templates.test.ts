import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { Tally, judge, params, removeScratch, scratch } from './support';

/** Resource types the CloudFormation adapters derive views from, and a few they do not know. */
const TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::KMS::Key',
  'AWS::SQS::Queue',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::Topic',
  'AWS::SNS::TopicPolicy',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::FlowLog',
  'AWS::EC2::Instance',
  'AWS::EC2::LaunchTemplate',
  'AWS::EC2::Volume',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::User',
  'AWS::IAM::AccessKey',
  'AWS::Lambda::Function',
  'AWS::Lambda::Url',
  'AWS::Logs::LogGroup',
  'AWS::CloudTrail::Trail',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::CloudFront::Distribution',
  'AWS::ApiGateway::Stage',
  'AWS::SecretsManager::Secret',
  'AWS::EFS::FileSystem',
  'AWS::ECS::TaskDefinition',
  'AWS::ECR::Repository',
  'AWS::Backup::BackupVault',
  'AWS::Backup::BackupPlan',
  'AWS::GuardDuty::Detector',
  'AWS::SecurityHub::Standard',
  'AWS::Config::ConfigurationRecorder',
  'AWS::CloudFormation::Stack',
  'AWS::CloudWatch::Alarm',
  'Custom::Thing',
  'AWS::Unknown::Type',
];

/** Property names the adapters read, so generated values reach their code paths. */
const PROPS = [
  'BucketEncryption',
  'ServerSideEncryptionConfiguration',
  'ServerSideEncryptionByDefault',
  'SSEAlgorithm',
  'KMSMasterKeyID',
  'KmsMasterKeyId',
  'KmsKeyId',
  'KMSKeyId',
  'EnableKeyRotation',
  'StorageEncrypted',
  'Encrypted',
  'SSESpecification',
  'SSEEnabled',
  'PublicAccessBlockConfiguration',
  'BlockPublicAcls',
  'RestrictPublicBuckets',
  'VersioningConfiguration',
  'Status',
  'PolicyDocument',
  'Policies',
  'AssumeRolePolicyDocument',
  'Statement',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'Principal',
  'Condition',
  'Bool',
  'aws:SecureTransport',
  'Bucket',
  'Queues',
  'Topics',
  'SecurityGroupIngress',
  'SecurityGroupEgress',
  'CidrIp',
  'CidrIpv6',
  'IpProtocol',
  'FromPort',
  'ToPort',
  'GroupId',
  'RuleAction',
  'Egress',
  'Protocol',
  'PortRange',
  'From',
  'To',
  'Port',
  'SslPolicy',
  'Certificates',
  'DefaultActions',
  'ViewerCertificate',
  'MinimumProtocolVersion',
  'DistributionConfig',
  'RetentionInDays',
  'IsLogging',
  'EnableLogFileValidation',
  'IsMultiRegionTrail',
  'EventSelectors',
  'LoggingConfiguration',
  'Tags',
  'Key',
  'Value',
  'DeletionProtection',
  'BackupRetentionPeriod',
  'PubliclyAccessible',
  'MultiAZ',
  'AuthType',
  'Runtime',
  'Environment',
  'Variables',
  'ContainerDefinitions',
  'Privileged',
  'ReadonlyRootFilesystem',
  'ImageScanningConfiguration',
  'ScanOnPush',
  'MetadataOptions',
  'HttpTokens',
  'LaunchTemplateData',
  'PointInTimeRecoverySpecification',
  'PointInTimeRecoveryEnabled',
  'TemplateURL',
  'Parameters',
  'Enable',
  'StandardsArn',
  'ResourceArn',
];

const LOGICAL_IDS = [
  'Bucket',
  'Key',
  'Queue',
  'Role',
  'Sg',
  'Table',
  'Fn',
  'Trail',
  'Logs',
  'Db',
  'Vpc',
  'Topic',
];
const PARAMS = ['Env', 'KeyArn', 'Cidr', 'Port', 'Enabled'];
const CONDITIONS = ['IsProd', 'HasKey', 'Open', 'Loop'];
const PSEUDO = [
  'AWS::Region',
  'AWS::AccountId',
  'AWS::Partition',
  'AWS::StackName',
  'AWS::NoValue',
  'AWS::URLSuffix',
];

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'aws:kms',
    'AES256',
    'Enabled',
    'Suspended',
    '0.0.0.0/0',
    '::/0',
    '10.0.0.0/8',
    'tcp',
    '-1',
    '*',
    's3:*',
    'Allow',
    'Deny',
    'true',
    'false',
    'TLSv1',
    'TLSv1.2_2021',
    'ELBSecurityPolicy-2016-08',
    'arn:aws:kms:eu-west-1:111122223333:key/x',
    'NONE',
    'AWS_IAM',
    'required',
  ),
  fc.integer({ min: -5, max: 70000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);

/** What parameter defaults and mapping values may be: strings, numbers, booleans, lists of them. */
const literalScalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom('prod', 'dev', 'aws:kms', '0.0.0.0/0', 'a,b'),
);
const literal = fc.oneof(literalScalar, fc.array(literalScalar, { maxLength: 3 }));

const target = fc.oneof(
  fc.constantFrom(...LOGICAL_IDS),
  fc.constantFrom(...PARAMS),
  fc.constantFrom(...PSEUDO),
  fc.string({ maxLength: 6 }),
);

/** A property value: scalars, lists, objects and every intrinsic, nested a few levels. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...PROPS), tie('v'), { maxKeys: 4 }),
    target.map((t) => ({ Ref: t })),
    fc
      .tuple(
        fc.constantFrom(...LOGICAL_IDS, 'Missing'),
        fc.constantFrom('Arn', 'KeyId', 'GroupId', 'Nested.Attr', ''),
      )
      .map((a) => ({ 'Fn::GetAtt': a })),
    fc.constantFrom(...LOGICAL_IDS).map((id) => ({ 'Fn::GetAtt': `${id}.Arn` })),
    fc
      .oneof(
        fc.string({ maxLength: 20 }),
        target.map((t) => `arn:\${AWS::Partition}:s3:::\${${t}}/*`),
        fc.constant('${!Literal}${Unclosed'),
      )
      .map((s) => ({ 'Fn::Sub': s })),
    fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.dictionary(fc.string({ maxLength: 5 }), tie('v'), { maxKeys: 2 }),
      )
      .map((a) => ({ 'Fn::Sub': a })),
    fc
      .tuple(fc.constantFrom('', ',', ':'), fc.oneof(fc.array(tie('v'), { maxLength: 4 }), tie('v')))
      .map((a) => ({ 'Fn::Join': a })),
    fc
      .tuple(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string({ maxLength: 2 })), tie('v'))
      .map((a) => ({ 'Fn::Select': a })),
    fc.tuple(fc.constantFrom(',', ''), tie('v')).map((a) => ({ 'Fn::Split': a })),
    fc.tuple(fc.constantFrom(...CONDITIONS, 'Undefined'), tie('v'), tie('v')).map((a) => ({ 'Fn::If': a })),
    fc.array(tie('v'), { maxLength: 4 }).map((a) => ({ 'Fn::If': a })),
    fc.tuple(fc.constantFrom('Regions', 'Missing'), tie('v'), tie('v')).map((a) => ({ 'Fn::FindInMap': a })),
    tie('v').map((a) => ({ 'Fn::Base64': a })),
    tie('v').map((a) => ({ 'Fn::ToJsonString': a })),
    tie('v').map((a) => ({ 'Fn::ImportValue': a })),
    tie('v').map((a) => ({ 'Fn::GetAZs': a })),
    tie('v').map((a) => ({ 'Fn::Length': a })),
    fc
      .tuple(tie('v'), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 32 }))
      .map((a) => ({ 'Fn::Cidr': a })),
    fc
      .record({ Name: fc.constant('AWS::Include'), Parameters: tie('v') })
      .map((a) => ({ 'Fn::Transform': a })),
    fc.dictionary(fc.constantFrom('Fn::Bogus', 'Ref', 'Fn::If', 'Condition'), tie('v'), {
      minKeys: 1,
      maxKeys: 3,
    }),
  ),
})).v;

/** A condition expression: equalities, logic and references to (possibly cyclic) conditions. */
const conditionExpr: fc.Arbitrary<unknown> = fc.letrec<{ c: unknown }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(value, value).map((a) => ({ 'Fn::Equals': a })),
    fc.array(tie('c'), { maxLength: 3 }).map((a) => ({ 'Fn::And': a })),
    fc.array(tie('c'), { maxLength: 3 }).map((a) => ({ 'Fn::Or': a })),
    tie('c').map((a) => ({ 'Fn::Not': [a] })),
    fc.constantFrom(...CONDITIONS, 'Undefined').map((c) => ({ Condition: c })),
    scalar,
  ),
})).c;

const resource = fc.record(
  {
    Type: fc.constantFrom(...TYPES),
    Properties: fc.oneof(fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 6 }), value),
    Condition: fc.oneof(fc.constantFrom(...CONDITIONS, 'Undefined'), value),
    DependsOn: fc.oneof(fc.constantFrom(...LOGICAL_IDS), fc.array(fc.constantFrom(...LOGICAL_IDS))),
    DeletionPolicy: fc.oneof(fc.constantFrom('Retain', 'Delete', 'Snapshot', 'RetainExceptOnCreate'), value),
    Metadata: fc.oneof(fc.record({ 'aws:cdk:path': fc.oneof(fc.string({ maxLength: 20 }), value) }), value),
  },
  { requiredKeys: ['Type'] },
);

/** A template: resources of real types, parameters, mappings, (cyclic) conditions, outputs. */
const template = fc.record(
  {
    AWSTemplateFormatVersion: fc.constant('2010-09-09'),
    Parameters: fc.dictionary(
      fc.constantFrom(...PARAMS),
      fc.record(
        {
          Type: fc.constantFrom(
            'String',
            'Number',
            'CommaDelimitedList',
            'AWS::SSM::Parameter::Value<String>',
          ),
          Default: literal,
        },
        { requiredKeys: ['Type'] },
      ),
      { maxKeys: 4 },
    ),
    Mappings: fc.dictionary(
      fc.constantFrom('Regions', 'Other'),
      fc.dictionary(
        fc.string({ maxLength: 10 }),
        fc.dictionary(fc.string({ maxLength: 6 }), literal, { maxKeys: 2 }),
        { maxKeys: 2 },
      ),
      { maxKeys: 2 },
    ),
    Conditions: fc.dictionary(fc.constantFrom(...CONDITIONS), conditionExpr, { maxKeys: 4 }),
    Resources: fc.dictionary(fc.constantFrom(...LOGICAL_IDS), resource, { minKeys: 0, maxKeys: 8 }),
    Outputs: fc.dictionary(fc.string({ maxLength: 6 }), fc.record({ Value: value }), { maxKeys: 2 }),
  },
  { requiredKeys: ['Resources'] },
);

describe('property: generated CloudFormation templates are read completely', () => {
  let dir: string;
  const tally = new Tally();
  beforeAll(() => {
    dir = scratch('generated');
  });
  afterAll(() => {
    tally.print('generated templates');
    removeScratch(dir);
  });

  /** Write, judge, and require a complete report that read every declared resource. */
  function expectComplete(file: string, text: string, declared: number): void {
    fs.writeFileSync(file, text);
    const o = judge([file]);
    tally.add(o);
    if (o.kind !== 'complete')
      throw new Error(`a valid template was rejected: ${o.line}\n${text.slice(0, 2000)}`);
    expect(o.resources.get(file)).toBe(declared);
  }

  test('JSON templates (3,000 cases)', () => {
    const file = path.join(dir, 'generated.template.json');
    fc.assert(
      fc.property(template, fc.boolean(), (t, pretty) => {
        expectComplete(
          file,
          JSON.stringify(t, null, pretty ? 1 : undefined),
          Object.keys(t.Resources).length,
        );
      }),
      params(3000),
    );
  });

  test('YAML templates (1,500 cases)', () => {
    const file = path.join(dir, 'generated.template.yaml');
    fc.assert(
      fc.property(template, (t) => {
        expectComplete(file, stringify(t, { aliasDuplicateObjects: false }), Object.keys(t.Resources).length);
      }),
      params(1500),
    );
  });
});
