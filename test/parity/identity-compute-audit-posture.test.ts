import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { describeParity, type ParityPair } from '../support/parity';

// The same misconfiguration written with aws-cdk-lib and with CDK for Terraform fails the same rules,
// with the same controls, on the resources involved.

const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
});
const policy = (actions: string[], resources: string[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }],
  });
const lambda = () => new iam.ServicePrincipal('lambda.amazonaws.com');

const PAIRS: readonly ParityPair[] = [
  {
    name: 'role allowed * on * by an inline policy',
    id: 'App',
    cdk: (s) => {
      new iam.Role(s, 'App', {
        assumedBy: lambda(),
        inlinePolicies: {
          admin: new iam.PolicyDocument({
            statements: [new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })],
          }),
        },
      });
    },
    cdktf: (s) => {
      const role = new IamRole(s, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(s, 'Admin', { name: 'admin', role: role.id, policy: policy(['*'], ['*']) });
    },
    fails: ['BW-PA-001'],
  },
  {
    name: 'role holding AdministratorAccess',
    id: 'App',
    cdk: (s) => {
      new iam.Role(s, 'App', {
        assumedBy: lambda(),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
      });
    },
    cdktf: (s) => {
      const role = new IamRole(s, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicyAttachment(s, 'Admin', {
        role: role.name,
        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      });
    },
    fails: ['BW-PA-002'],
  },
  {
    name: 'role anyone may assume',
    id: 'App',
    cdk: (s) => void new iam.Role(s, 'App', { assumedBy: new iam.AnyPrincipal() }),
    cdktf: (s) => {
      const trust = new DataAwsIamPolicyDocument(s, 'Trust', {
        statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['*'] }] }],
      });
      new IamRole(s, 'App', { assumeRolePolicy: trust.json });
    },
    fails: ['BW-PA-003'],
  },
  {
    name: 'managed policy allowing iam:PassRole and kms:Decrypt on *',
    id: 'Grants',
    cdk: (s) => {
      new iam.ManagedPolicy(s, 'Grants', {
        statements: [new iam.PolicyStatement({ actions: ['iam:PassRole', 'kms:Decrypt'], resources: ['*'] })],
      });
    },
    cdktf: (s) => void new IamPolicy(s, 'Grants', { policy: policy(['iam:PassRole', 'kms:Decrypt'], ['*']) }),
    fails: ['BW-PA-005', 'BW-PA-006'],
  },
  {
    name: 'user with an inline policy and an access key',
    id: 'Deployer',
    cdk: (s) => {
      const user = new iam.User(s, 'Deployer');
      user.addToPolicy(
        new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::drop/*'] }),
      );
      new iam.AccessKey(s, 'Key', { user });
    },
    cdktf: (s) => {
      const user = new IamUser(s, 'Deployer', { name: 'deployer' });
      new IamUserPolicy(s, 'Deploy', {
        user: user.name,
        policy: policy(['s3:PutObject'], ['arn:aws:s3:::drop/*']),
      });
      new IamAccessKey(s, 'Key', { user: user.name });
    },
    fails: ['BW-PA-004', 'BW-IM-006'],
  },
  {
    name: 'user pool without MFA; client revealing user existence, allowing the implicit grant, without token revocation',
    id: 'Users',
    cdk: (s) => {
      new cognito.UserPool(s, 'Users').addClient('Web', {
        preventUserExistenceErrors: false,
        enableTokenRevocation: false,
      });
    },
    cdktf: (s) => {
      const pool = new CognitoUserPool(s, 'Users', { name: 'users' });
      new CognitoUserPoolClient(pool, 'Web', {
        name: 'web',
        userPoolId: pool.id,
        preventUserExistenceErrors: 'LEGACY',
        enableTokenRevocation: false,
        // What the CDK client's OAuth defaults synthesize: both the implicit and the code grant.
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ['implicit', 'code'],
        allowedOauthScopes: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'],
        callbackUrls: ['https://example.com'],
      });
    },
    fails: ['BW-IM-005', 'BW-IM-008', 'BW-IM-009', 'BW-IM-010'],
  },
  {
    name: 'single-region trail without log file validation, KMS key or CloudWatch Logs, to a bucket outside',
    id: 'Trail',
    cdk: (s) => {
      new cloudtrail.Trail(s, 'Trail', {
        bucket: s3.Bucket.fromBucketName(s, 'Logs', 'audit-logs'),
        isMultiRegionTrail: false,
        enableFileValidation: false,
        sendToCloudWatchLogs: false,
      });
    },
    cdktf: (s) => void new Cloudtrail(s, 'Trail', { name: 'audit', s3BucketName: 'audit-logs' }),
    fails: ['BW-LT-002', 'BW-LT-003', 'BW-LT-004', 'BW-LT-005'],
  },
];

describeParity(
  'identity and audit: the same misconfiguration in CDK and CDKTF fails the same rules and controls',
  PAIRS,
);
