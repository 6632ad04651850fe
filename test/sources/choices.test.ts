import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Aws, CfnCondition, CfnMapping, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Resource } from '../../lib/graph/resource';
import { Choice, ResourceRef, Unknown, choicesOf, get, type Value } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';

/** Synthesize one stack and read it back; returns its resources by logical id. */
function read(build: (stack: Stack) => void): (id: string) => Resource {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-choices-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'Choices'));
    app.synth();
    const { graph } = loadInput([outdir]);
    const all = [...graph.all()];
    return (id) => {
      const r = all.find((x) => x.logicalId === id);
      if (!r) throw new Error(`no resource ${id}`);
      return r;
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function choice(v: Value | undefined): Choice {
  expect(v).toBeInstanceOf(Choice);
  return v as Choice;
}

const options = (c: Choice) => c.options.map((o) => [o.label, o.value]);

describe('CloudFormation source: values chosen at deploy time', () => {
  test('Fn::If on an unresolved condition is a choice of both branches, AWS::NoValue an absent option', () => {
    const byId = read((stack) => {
      const keyArn = new CfnParameter(stack, 'KeyArn');
      const useKey = new CfnCondition(stack, 'UseKey', {
        expression: Fn.conditionNot(Fn.conditionEquals(keyArn.valueAsString, '')),
      });
      const key = new kms.CfnKey(stack, 'Key', { enableKeyRotation: true });
      new logs.CfnLogGroup(stack, 'Logs', {
        kmsKeyId: Fn.conditionIf(useKey.logicalId, key.attrArn, Aws.NO_VALUE).toString(),
      });
    });
    const logGroup = byId('Logs');
    const c = choice(logGroup.properties.KmsKeyId);
    expect(c.key).toBe('condition:UseKey');
    expect(c.display).toBe('${If:UseKey}');
    expect(c.reason).toMatch(/depends on condition `UseKey`/);
    expect(options(c)).toEqual([
      ['true', new ResourceRef(byId('Key').address, 'Arn')],
      ['false', undefined],
    ]);
    expect(c.describe(c.options[1]!)).toBe('condition `UseKey` is false');
    expect(choicesOf(logGroup.properties)?.map((x) => x.key)).toEqual(['condition:UseKey']);
    expect(choicesOf(byId('Key').properties)).toBeUndefined();
  });

  test('a parameter with allowed values is a choice of each; Fn::Sub and Fn::FindInMap are judged per value', () => {
    const byId = read((stack) => {
      const env = new CfnParameter(stack, 'Env', { allowedValues: ['dev', 'prod'], default: 'dev' });
      const retention = new CfnMapping(stack, 'Retention', {
        mapping: { dev: { days: 7 }, prod: { days: 365 } },
      });
      new logs.CfnLogGroup(stack, 'Logs', {
        logGroupName: Fn.sub('${Env}-logs'),
        retentionInDays: retention.findInMap(env.valueAsString, 'days') as unknown as number,
      });
      new s3.CfnBucket(stack, 'Data', { bucketName: Fn.join('-', ['data', env.valueAsString]) });
    });
    const p = byId('Logs').properties;
    const name = choice(p.LogGroupName);
    expect(name.key).toBe('parameter:Env');
    expect(name.display).toBe('${Env}-logs');
    expect(name.options.map((o) => o.value)).toEqual(['dev-logs', 'prod-logs']);
    expect(name.options.map((o) => name.describe(o))).toEqual([
      'parameter `Env` is `dev` (its default)',
      'parameter `Env` is `prod`',
    ]);
    expect(choice(p.RetentionInDays).options.map((o) => o.value)).toEqual([7, 365]);
    expect(choice(byId('Data').properties.BucketName).options.map((o) => o.value)).toEqual([
      'data-dev',
      'data-prod',
    ]);
  });

  test('a parameter with a default and no allowed values may also be any other value', () => {
    const byId = read((stack) => {
      const cidr = new CfnParameter(stack, 'AdminCidr', { default: '10.0.0.0/8' });
      new ec2.CfnSecurityGroupIngress(stack, 'Ssh', {
        groupId: 'sg-12345678',
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrIp: cidr.valueAsString,
      });
    });
    const c = choice(byId('Ssh').properties.CidrIp);
    expect(c.key).toBe('parameter:AdminCidr');
    expect(c.display).toBe('${AdminCidr}');
    expect(c.options[0]).toEqual({ label: '`10.0.0.0/8` (its default)', value: '10.0.0.0/8' });
    const other = c.options[1]!.value;
    expect(other).toBeInstanceOf(Unknown);
    expect(other).not.toBeInstanceOf(Choice);
    expect((other as Unknown).reason).toBe('parameter `AdminCidr` may be set to any value at deploy time');
  });

  test('a condition that compares a choice resolves when every value gives the same answer', () => {
    const byId = read((stack) => {
      const env = new CfnParameter(stack, 'Env', { allowedValues: ['dev', 'staging'], default: 'dev' });
      const prod = new CfnCondition(stack, 'IsProd', {
        expression: Fn.conditionEquals(env.valueAsString, 'prod'),
      });
      const dev = new CfnCondition(stack, 'IsDev', {
        expression: Fn.conditionEquals(env.valueAsString, 'dev'),
      });
      new s3.CfnBucket(stack, 'Data', {
        versioningConfiguration: {
          status: Fn.conditionIf(prod.logicalId, 'Enabled', 'Suspended').toString(),
        },
        bucketName: Fn.conditionIf(dev.logicalId, 'scratch', 'kept').toString(),
      });
    });
    const p = byId('Data').properties;
    expect(get(p, 'VersioningConfiguration', 'Status')).toBe('Suspended');
    const name = choice(p.BucketName);
    expect(name.key).toBe('condition:IsDev');
    expect(name.reason).toMatch(/depends on condition `IsDev`/);
  });

  test('an SSM parameter type is read from SSM at deploy time', () => {
    const byId = read((stack) => {
      const image = ec2.MachineImage.latestAmazonLinux2023().getImage(stack).imageId;
      new ec2.CfnInstance(stack, 'Vm', { imageId: image });
    });
    const image = byId('Vm').properties.ImageId;
    expect(image).toBeInstanceOf(Unknown);
    expect(image).not.toBeInstanceOf(Choice);
    // The SSM parameter aws-cdk-lib names for the latest Amazon Linux 2023 AMI.
    expect((image as Unknown).display).toMatch(
      /^\{\{resolve:ssm:\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-[^}]+\}\}$/,
    );
    expect((image as Unknown).reason).toMatch(
      /read from SSM parameter `\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-[^`]+` at deploy time/,
    );
  });

  test('a condition decided by one parameter records which value of it makes the condition true', () => {
    const byId = read((stack) => {
      const env = new CfnParameter(stack, 'Env', { allowedValues: ['dev', 'test', 'prod'], default: 'dev' });
      const isDev = Fn.conditionEquals(env.valueAsString, 'dev');
      const shared = new CfnCondition(stack, 'Shared', {
        expression: Fn.conditionNot(Fn.conditionOr(isDev, Fn.conditionEquals(env.valueAsString, 'test'))),
      });
      new s3.CfnBucket(stack, 'Data', {
        bucketName: Fn.conditionIf(shared.logicalId, 'shared', 'own').toString(),
      });
    });
    const name = choice(byId('Data').properties.BucketName);
    expect(name.key).toBe('condition:Shared');
    expect(name.determinedBy?.key).toBe('parameter:Env');
    expect([...name.determinedBy!.labels]).toEqual([
      ['`dev` (its default)', 'false'],
      ['`test`', 'false'],
      ['`prod`', 'true'],
    ]);
  });
});
