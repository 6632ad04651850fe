import * as path from 'node:path';
import { Fn } from 'cdktf';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NetworkInterface } from '@cdktf/provider-aws/lib/network-interface';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Unknown } from '../../lib/graph/values';
import { adaptersForAll, loadInput } from '../../lib/sources';
import { ViewSet } from '../../lib/views/registry';
import { tfViews } from './terraform-support';

const ROOT = path.join(__dirname, '..', '..');
const PLAN = path.join(
  ROOT,
  'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
);
const AMI = 'ami-0123456789abcdef0';
const fnProps = {
  functionName: 'app',
  role: 'arn:aws:iam::123456789012:role/app',
  handler: 'index.handler',
  runtime: 'nodejs22.x',
  filename: 'app.zip',
};

describe('Terraform compute views on a real plan (terraform-compliance)', () => {
  const { graph } = loadInput([PLAN]);
  const views = new ViewSet(graph, adaptersForAll());

  test('launch configuration: values computed at apply are the provider defaults, never values', () => {
    const v = views.viewOf('module.myapp-asg.aws_launch_configuration.lc', 'virtual-machine')!;
    expect(v.machineType).toBe('launch-configuration');
    expect(v.imdsV2Required).toBe(false);
    expect(v.publicIp).toBe(false);
    expect(v.instanceProfile).toBe(true);
    // `root_block_device` and `ebs_block_device` are known only after apply: the image's volumes.
    expect(v.ebsEncrypted).toBeInstanceOf(Unknown);
    expect((v.ebsEncrypted as Unknown).reason).toMatch(/declares no EBS volumes/);
  });

  test('function: runtime, VPC, environment; an empty kms_key_arn is no key', () => {
    const v = views.viewOf('module.lambda_TFUpgradeTest.aws_lambda_function.lambda', 'function')!;
    expect(v.runtime).toBe('python3.7');
    expect(v.inNetwork).toBe(true);
    expect(v.environmentEncryptionKey).toBeUndefined();
    // The role ARN is the one `aws_iam_role.lambda_role` of the same plan has.
    expect(v.role).toBe('aws_iam_role.lambda_role');
    expect(v.environment).toEqual({ DB_PASSWORD: 'DB_PASSWORD', DB_PORT: '5432', DB_USERNAME: 'ptctusrz' });
    expect(v.urls).toEqual([]);
  });
});

describe('Terraform Lambda functions, URLs and permissions', () => {
  test('a URL and a permission naming the function by its name attach to it; the role is the graph role', () => {
    const t = tfViews((s) => {
      const role = new IamRole(s, 'Role', { name: 'app', assumeRolePolicy: '{}' });
      new LambdaFunction(s, 'Fn', { ...fnProps, role: role.arn });
      new LambdaFunctionUrl(s, 'Url', { functionName: 'app', authorizationType: 'NONE' });
      const me = new DataAwsCallerIdentity(s, 'Me');
      new LambdaPermission(s, 'Perm', {
        action: 'lambda:InvokeFunction',
        functionName: 'app',
        principal: me.accountId,
      });
    });
    const fn = t.views.viewOf(t.byId('Fn').address, 'function')!;
    expect(fn.role).toBe(t.byId('Role').address);
    expect(fn.urls).toEqual([{ address: t.byId('Url').address, authType: 'NONE' }]);
    const grant = t.views.viewOf(t.byId('Perm').address, 'access-grant')!;
    expect(grant.scope).toBe(t.byId('Fn').address);
    expect(grant.principalType).toBe('account');
    expect(grant.conditions).toEqual({});
  });

  test('kms_key_arn of a graph key; environment from an unresolved expression is recorded as unresolved', () => {
    const t = tfViews((s) => {
      const key = new KmsKey(s, 'Key', { enableKeyRotation: true });
      new LambdaFunction(s, 'Fn', {
        ...fnProps,
        kmsKeyArn: key.arn,
        environment: {
          variables: Fn.merge([{ A: 'b' }, { C: key.arn }]) as unknown as Record<string, string>,
        },
      });
    });
    const fn = t.views.viewOf(t.byId('Fn').address, 'function')!;
    expect(fn.environmentEncryptionKey).toEqual({ address: t.byId('Key').address });
    expect(fn.environment['*']).toBeInstanceOf(Unknown);
  });
});

describe('Terraform ECS task definitions', () => {
  test('container_definitions JSON: privileged, user, read-only root, environment, capabilities', () => {
    const t = tfViews(
      (s) =>
        void new EcsTaskDefinition(s, 'Task', {
          family: 'app',
          networkMode: 'awsvpc',
          containerDefinitions: JSON.stringify([
            {
              name: 'web',
              image: 'web:1',
              user: '1000',
              readonlyRootFilesystem: true,
              environment: [{ name: 'MODE', value: 'prod' }],
              secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/token' }],
              linuxParameters: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
            },
            { name: 'sidecar', image: 'side:1', privileged: true },
          ]),
        }),
    );
    const v = t.views.viewOf(t.byId('Task').address, 'container-task')!;
    expect(v.networkMode).toBe('awsvpc');
    expect(v.pidMode).toBeUndefined();
    expect(v.containers).toEqual([
      {
        name: 'web',
        privileged: false,
        user: '1000',
        readonlyRootFilesystem: true,
        environment: { MODE: 'prod' },
        capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      },
      {
        name: 'sidecar',
        privileged: true,
        user: undefined,
        readonlyRootFilesystem: false,
        environment: {},
        capabilities: { add: [], drop: [] },
      },
    ]);
  });

  test('jsonencode of a value known only at apply leaves every container fact unknown', () => {
    const t = tfViews((s) => {
      const key = new KmsKey(s, 'Key', {});
      new EcsTaskDefinition(s, 'Task', {
        family: 'app',
        containerDefinitions: Fn.jsonencode([{ name: 'app', image: 'app:1', user: key.keyId }]),
      });
    });
    const [c] = t.views.viewOf(t.byId('Task').address, 'container-task')!.containers;
    expect(c!.privileged).toBeInstanceOf(Unknown);
    expect(c!.user).toBeInstanceOf(Unknown);
  });
});

describe('Terraform EKS clusters', () => {
  test('encryption_config for secrets with a graph key, limited public endpoint, log types', () => {
    const t = tfViews((s) => {
      const key = new KmsKey(s, 'Key', { enableKeyRotation: true });
      new EksCluster(s, 'Cluster', {
        name: 'platform',
        roleArn: 'arn:aws:iam::123456789012:role/eks',
        vpcConfig: { subnetIds: ['subnet-0a1b2c3d'], publicAccessCidrs: ['203.0.113.0/24'] },
        enabledClusterLogTypes: ['api', 'audit'],
        encryptionConfig: { resources: ['secrets'], provider: { keyArn: key.arn } },
      });
    });
    const v = t.views.viewOf(t.byId('Cluster').address, 'kubernetes-cluster')!;
    expect(v.secretsEncryption).toEqual({ atRest: 'customer-key', key: { address: t.byId('Key').address } });
    expect(v.apiPublic).toBe(true);
    expect(v.apiAllowedCidrs).toEqual(['203.0.113.0/24']);
    expect(v.controlPlaneLogs).toEqual(['api', 'audit']);
  });
});

describe('Terraform EC2 instances and launch templates', () => {
  test('an instance takes metadata options, volumes and profile from the launch template it names', () => {
    const t = tfViews((s) => {
      new LaunchTemplate(s, 'Lt', {
        name: 'app',
        metadataOptions: { httpTokens: 'required' },
        iamInstanceProfile: { name: 'app' },
        blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', volumeSize: 20 } }],
      });
      new Instance(s, 'Vm', { ami: AMI, instanceType: 't3.micro', launchTemplate: { name: 'app' } });
    });
    const v = t.views.viewOf(t.byId('Vm').address, 'virtual-machine')!;
    expect(v.imdsV2Required).toBe(true);
    expect(v.ebsEncrypted).toBe(true);
    expect(v.instanceProfile).toBe(true);
  });

  test('an unencrypted root volume; a launch template not in the configuration is unknown, not a default', () => {
    const t = tfViews((s) => {
      new Instance(s, 'Plain', { ami: AMI, instanceType: 't3.micro', rootBlockDevice: { encrypted: false } });
      new Instance(s, 'Elsewhere', {
        ami: AMI,
        instanceType: 't3.micro',
        launchTemplate: { name: 'shared-template' },
      });
    });
    expect(t.views.viewOf(t.byId('Plain').address, 'virtual-machine')!.ebsEncrypted).toBe(false);
    const other = t.views.viewOf(t.byId('Elsewhere').address, 'virtual-machine')!;
    expect(other.imdsV2Required).toBeInstanceOf(Unknown);
    expect(other.instanceProfile).toBeInstanceOf(Unknown);
  });

  test("an instance attached to a network interface takes the interface's subnet", () => {
    const t = tfViews((s) => {
      const subnet = new Subnet(s, 'Public', {
        vpcId: 'vpc-0a1b2c3d',
        cidrBlock: '10.0.0.0/24',
        mapPublicIpOnLaunch: true,
      });
      const eni = new NetworkInterface(s, 'Eni', { subnetId: subnet.id });
      new Instance(s, 'Vm', {
        ami: AMI,
        instanceType: 't3.micro',
        networkInterface: [{ deviceIndex: 0, networkInterfaceId: eni.id }],
      });
    });
    expect(t.views.viewOf(t.byId('Vm').address, 'virtual-machine')!.publicIp).toBe(true);
  });
});
