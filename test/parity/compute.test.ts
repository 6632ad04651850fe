import { Stack, Tags } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { describeParity, type ParityPair } from '../support/parity';

// The same misconfiguration written with aws-cdk-lib and with CDK for Terraform fails the same rules,
// with the same controls, on the resources involved.

const ROLE = 'arn:aws:iam::123456789012:role/app';
const AMI = 'ami-0123456789abcdef0';
const SUBNETS = ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'];
const code = lambda.Code.fromInline('exports.handler = async () => ({})');
const cdkRole = (s: Stack) => iam.Role.fromRoleArn(s, 'Role', ROLE, { mutable: false });
const tfFunction = {
  functionName: 'app',
  role: ROLE,
  handler: 'index.handler',
  runtime: 'nodejs22.x',
  filename: 'app.zip',
};

const PAIRS: readonly ParityPair[] = [
  {
    name: 'confidential function on a deprecated runtime, outside any VPC, with a password in its environment',
    id: 'Fn',
    cdk: (s) => {
      const fn = new lambda.Function(s, 'Fn', {
        runtime: lambda.Runtime.NODEJS_16_X,
        handler: 'index.handler',
        code,
        role: cdkRole(s),
        environment: { DB_PASSWORD: 'hunter2' },
      });
      Tags.of(fn).add('data-classification', 'confidential');
    },
    cdktf: (s) =>
      void new LambdaFunction(s, 'Fn', {
        ...tfFunction,
        runtime: 'nodejs16.x',
        environment: { variables: { DB_PASSWORD: 'hunter2' } },
        tags: { 'data-classification': 'confidential' },
      }),
    fails: ['BW-PV-004', 'BW-IM-001', 'BW-NS-016'],
  },
  {
    name: 'function URL without authentication, and the permission that opens it to everyone',
    id: 'Fn',
    cdk: (s) => {
      const fn = new lambda.Function(s, 'Fn', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code,
        role: cdkRole(s),
      });
      fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    },
    cdktf: (s) => {
      const fn = new LambdaFunction(s, 'Fn', tfFunction);
      new LambdaFunctionUrl(fn, 'Url', { functionName: fn.functionName, authorizationType: 'NONE' });
      new LambdaPermission(fn, 'Public', {
        action: 'lambda:InvokeFunctionUrl',
        functionName: fn.functionName,
        principal: '*',
        functionUrlAuthType: 'NONE',
      });
    },
    fails: ['BW-IM-002', 'BW-IM-011'],
  },
  {
    name: 'S3 may invoke the function for any bucket of any account',
    id: 'Fn',
    cdk: (s) => {
      const fn = new lambda.Function(s, 'Fn', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code,
        role: cdkRole(s),
      });
      fn.addPermission('FromS3', { principal: new iam.ServicePrincipal('s3.amazonaws.com') });
    },
    cdktf: (s) => {
      const fn = new LambdaFunction(s, 'Fn', tfFunction);
      new LambdaPermission(fn, 'FromS3', {
        action: 'lambda:InvokeFunction',
        functionName: fn.functionName,
        principal: 's3.amazonaws.com',
      });
    },
    fails: ['BW-PA-009'],
  },
  {
    name: 'privileged container as root on a writable root filesystem, with default capabilities, on the host network',
    id: 'Task',
    cdk: (s) => {
      new ecs.CfnTaskDefinition(s, 'Task', {
        family: 'app',
        networkMode: 'host',
        containerDefinitions: [
          { name: 'app', image: 'app:1', essential: true, memory: 512, privileged: true },
        ],
      });
    },
    cdktf: (s) =>
      void new EcsTaskDefinition(s, 'Task', {
        family: 'app',
        networkMode: 'host',
        containerDefinitions: JSON.stringify([
          { name: 'app', image: 'app:1', essential: true, memory: 512, privileged: true },
        ]),
      }),
    fails: ['BW-DS-001', 'BW-DS-002', 'BW-DS-003', 'BW-DS-004', 'BW-DS-005'],
  },
  {
    name: 'Kubernetes cluster on the defaults: public API endpoint, no control-plane logs, no secrets key',
    id: 'Cluster',
    cdk: (s) =>
      void new eks.CfnCluster(s, 'Cluster', {
        name: 'platform',
        roleArn: ROLE,
        resourcesVpcConfig: { subnetIds: SUBNETS },
      }),
    cdktf: (s) =>
      void new EksCluster(s, 'Cluster', {
        name: 'platform',
        roleArn: ROLE,
        vpcConfig: { subnetIds: SUBNETS },
      }),
    fails: ['BW-NS-027', 'BW-LT-011', 'BW-DP-028'],
  },
  {
    name: 'instance without an instance profile, allowing IMDSv1, with a public IP',
    id: 'Vm',
    cdk: (s) =>
      void new ec2.CfnInstance(s, 'Vm', {
        imageId: AMI,
        instanceType: 't3.micro',
        networkInterfaces: [{ deviceIndex: '0', subnetId: SUBNETS[0], associatePublicIpAddress: true }],
      }),
    cdktf: (s) =>
      void new Instance(s, 'Vm', {
        ami: AMI,
        instanceType: 't3.micro',
        subnetId: SUBNETS[0],
        associatePublicIpAddress: true,
      }),
    fails: ['BW-PV-005', 'BW-IM-004', 'BW-NS-015'],
  },
  {
    name: 'build project with a plaintext token, no log destination and artifacts on the AWS managed key',
    id: 'Build',
    cdk: (s) =>
      void new codebuild.CfnProject(s, 'Build', {
        serviceRole: ROLE,
        artifacts: { type: 'NO_ARTIFACTS' },
        source: { type: 'NO_SOURCE', buildSpec: 'version: 0.2' },
        environment: {
          computeType: 'BUILD_GENERAL1_SMALL',
          image: 'aws/codebuild/standard:7.0',
          type: 'LINUX_CONTAINER',
          environmentVariables: [{ name: 'GITHUB_TOKEN', value: 'ghp_1234' }],
        },
        logsConfig: { cloudWatchLogs: { status: 'DISABLED' } },
      }),
    cdktf: (s) =>
      void new CodebuildProject(s, 'Build', {
        name: 'build',
        serviceRole: ROLE,
        artifacts: { type: 'NO_ARTIFACTS' },
        source: { type: 'NO_SOURCE', buildspec: 'version: 0.2' },
        environment: {
          computeType: 'BUILD_GENERAL1_SMALL',
          image: 'aws/codebuild/standard:7.0',
          type: 'LINUX_CONTAINER',
          environmentVariable: [{ name: 'GITHUB_TOKEN', value: 'ghp_1234' }],
        },
        logsConfig: { cloudwatchLogs: { status: 'DISABLED' } },
      }),
    fails: ['BW-IM-001', 'BW-DS-008', 'BW-DS-009'],
  },
];

describeParity(
  'compute: the same misconfiguration in CDK and CDKTF fails the same rules and controls',
  PAIRS,
);
