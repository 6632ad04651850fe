import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as iam from 'aws-cdk-lib/aws-iam';
import { App as TfApp, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
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
import { ResourceGraph } from '../../lib/graph/graph';
import { evaluate } from '../../lib/engine/evaluate';
import { definePack } from '../../lib/engine/pack';
import { adaptersForAll, loadInput } from '../../lib/sources';
import { RULES } from '../../policies/rules';

// The same misconfiguration written with aws-cdk-lib and with CDK for Terraform fails the same rules,
// with the same controls, on the resources involved.

const pack = definePack({
  id: 'parity',
  title: 'parity',
  description: 'every rule mandatory',
  select: () => true,
  bySeverity: { low: 'mandatory', medium: 'mandatory', high: 'mandatory', critical: 'mandatory' },
});

interface Pair {
  readonly name: string;
  /** Builds the CDK side; the resource judged has construct id `id`. */
  readonly cdk: (stack: Stack) => void;
  /** Builds the CDKTF side; the resource judged has construct id `id`. */
  readonly cdktf: (stack: TerraformStack) => void;
  readonly id: string;
  /** Rule ids the misconfiguration must fail (a subset of what both sides fail). */
  readonly fails: readonly string[];
}

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

const PAIRS: readonly Pair[] = [
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

/** Failing (rule id, control) pairs on the resources whose construct path lies under `stack/id`. */
function failures(file: string, stackName: string, id: string): string[] {
  const { graph: all } = loadInput([file]);
  const graph = new ResourceGraph([...all.all()].filter((r) => r.stack === stackName));
  const ev = evaluate({ graph, adapters: adaptersForAll(), rules: [...RULES], pack });
  const out = new Set<string>();
  for (const r of ev.results) {
    const p = r.resource.path ?? '';
    if (r.outcome !== 'fail' || !(p === `${stackName}/${id}` || p.startsWith(`${stackName}/${id}/`)))
      continue;
    for (const c of r.rule.controls) out.add(`${r.rule.id} ${c}`);
  }
  return [...out].sort();
}

describe('identity and audit: the same misconfiguration in CDK and CDKTF fails the same rules and controls', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-parity-identity-'));
  const cdkApp = new App({ outdir: path.join(dir, 'cdk'), builtinCloudFormationValidation: false });
  const tfApp = new TfApp({ outdir: path.join(dir, 'cdktf') });
  PAIRS.forEach((pair, i) => {
    pair.cdk(new Stack(cdkApp, `Pair${i}`));
    const tf = new TerraformStack(tfApp, `Pair${i}`);
    new AwsProvider(tf, 'aws', { region: 'eu-west-1' });
    pair.cdktf(tf);
  });
  cdkApp.synth();
  tfApp.synth();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(PAIRS.map((p, i) => [p.name, i] as const))('%s', (_name, i) => {
    const pair = PAIRS[i]!;
    const cdk = failures(path.join(dir, 'cdk'), `Pair${i}`, pair.id);
    const tf = failures(path.join(dir, 'cdktf', 'stacks', `Pair${i}`, 'cdk.tf.json'), `Pair${i}`, pair.id);
    expect(tf).toEqual(cdk);
    const ids = new Set(tf.map((f) => f.split(' ')[0]));
    for (const id of pair.fails) expect(ids).toContain(id);
  });
});
