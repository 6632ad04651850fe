import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SandboxedService, SandboxedTaskDefinition } from '../../../lib/aws/containers';
import { SegmentedVpc, Tier } from '../../../lib/aws/network';
import { checkGraph } from '../../../lib/check';
import { gates } from '../../../lib/engine/evaluate';
import { loadInput } from '../../../lib/sources';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/nginx:stable');

/** A log group the engine accepts: INTERNAL, customer key, a year of retention. */
function appLogs(s: Stack): logs.LogGroup {
  const key = new kms.Key(s, 'LogKey', { enableKeyRotation: true });
  Tags.of(key).add('data-classification', 'internal');
  const group = new logs.LogGroup(s, 'AppLogs', {
    encryptionKey: key,
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtectionEnabled: true,
  });
  Tags.of(group).add('data-classification', 'internal');
  return group;
}

function task(s: Stack, props: Partial<ConstructorParameters<typeof SandboxedTaskDefinition>[2]> = {}) {
  return new SandboxedTaskDefinition(s, 'Task', { logGroup: appLogs(s), ...props });
}

type Container = Record<string, unknown>;

function containers(s: Stack): Container[] {
  const defs = Object.values(Template.fromStack(s).findResources('AWS::ECS::TaskDefinition')) as {
    Properties: { ContainerDefinitions: Container[] };
  }[];
  return defs[0]!.Properties.ContainerDefinitions;
}

describe('SandboxedTaskDefinition', () => {
  test('a container is sandboxed: read-only root, non-root user, not privileged, every capability dropped', () => {
    const s = new Stack(new App(), 'S');
    const t = task(s, { cpu: 512, memoryLimitMiB: 1024 });
    t.addSandboxedContainer('app', { image: IMAGE, cpu: 256, memoryLimitMiB: 512 });
    Template.fromStack(s).hasResourceProperties('AWS::ECS::TaskDefinition', {
      RequiresCompatibilities: ['FARGATE'],
      NetworkMode: 'awsvpc',
      Cpu: '512',
      Memory: '1024',
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'app',
          ReadonlyRootFilesystem: true,
          User: '1000:1000',
          Privileged: false,
          LinuxParameters: { Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true },
          Cpu: 256,
          Memory: 512,
          StopTimeout: 30,
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: Match.objectLike({ 'awslogs-group': { Ref: Match.stringLikeRegexp('^AppLogs') } }),
          },
        }),
      ],
    });
    const [c] = containers(s);
    expect(c).not.toHaveProperty('DockerSecurityOptions');
    expect((c!.LinuxParameters as Record<string, unknown>).Capabilities).not.toHaveProperty('Add');
  });

  test('user, stop timeout, scratch paths and stream prefix are taken from the props', () => {
    const s = new Stack(new App(), 'S');
    const t = task(s, { cpu: 1024, memoryLimitMiB: 2048 });
    t.addSandboxedContainer('web', {
      image: IMAGE,
      cpu: 512,
      memoryLimitMiB: 1024,
      user: '101:101',
      stopTimeout: Duration.seconds(90),
      scratchPaths: ['/tmp', '/var/cache/nginx'],
      streamPrefix: 'frontend',
      portMappings: [{ containerPort: 8080 }],
    });
    t.addSandboxedContainer('sidecar', { image: IMAGE, cpu: 256, memoryLimitMiB: 256, essential: false });
    const tpl = Template.fromStack(s);
    tpl.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Volumes: [{ Name: 'web-scratch-1' }, { Name: 'web-scratch-2' }],
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'web',
          User: '101:101',
          StopTimeout: 90,
          ReadonlyRootFilesystem: true,
          MountPoints: [
            { SourceVolume: 'web-scratch-1', ContainerPath: '/tmp', ReadOnly: false },
            { SourceVolume: 'web-scratch-2', ContainerPath: '/var/cache/nginx', ReadOnly: false },
          ],
          LogConfiguration: Match.objectLike({
            Options: Match.objectLike({ 'awslogs-stream-prefix': 'frontend' }),
          }),
        }),
        Match.objectLike({
          Name: 'sidecar',
          Essential: false,
          ReadonlyRootFilesystem: true,
          User: '1000:1000',
          LinuxParameters: { Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true },
        }),
      ],
    });
  });

  describe('validation', () => {
    test.each([['root'], ['0'], ['0:0'], ['root:wheel'], [' 0 ']])('user %j is refused', (user) => {
      const t = task(new Stack(new App(), 'S'));
      expect(() =>
        t.addSandboxedContainer('app', { image: IMAGE, cpu: 128, memoryLimitMiB: 128, user }),
      ).toThrow(/BULWARK_CONTAINER_ROOT_USER/);
    });

    test('a non-root user in the root group is accepted', () => {
      const t = task(new Stack(new App(), 'S'));
      expect(() =>
        t.addSandboxedContainer('app', { image: IMAGE, cpu: 128, memoryLimitMiB: 128, user: '1001:0' }),
      ).not.toThrow();
    });

    test("containers' limits must fit in the task's, naming both props", () => {
      const t = task(new Stack(new App(), 'S'), { cpu: 256, memoryLimitMiB: 512 });
      t.addSandboxedContainer('a', { image: IMAGE, cpu: 128, memoryLimitMiB: 256 });
      expect(() => t.addSandboxedContainer('b', { image: IMAGE, cpu: 256, memoryLimitMiB: 512 })).toThrow(
        /2 problems:[\s\S]*containers' `cpu` \(384\) exceeds the task's `cpu` \(256\)[\s\S]*containers' `memoryLimitMiB` \(768\) exceeds the task's `memoryLimitMiB` \(512\)/,
      );
    });

    test.each([
      ['cpu 0', { cpu: 0, memoryLimitMiB: 128 }, /`cpu` must be a whole number/],
      ['memory 4 MiB', { cpu: 128, memoryLimitMiB: 4 }, /`memoryLimitMiB` must be at least 6 MiB/],
      [
        'a stop timeout above 120 s',
        { cpu: 128, memoryLimitMiB: 128, stopTimeout: Duration.seconds(121) },
        /BULWARK_CONTAINER_STOP_TIMEOUT/,
      ],
      [
        'a relative scratch path',
        { cpu: 128, memoryLimitMiB: 128, scratchPaths: ['tmp'] },
        /BULWARK_CONTAINER_SCRATCH_PATH/,
      ],
      [
        '/ as scratch path',
        { cpu: 128, memoryLimitMiB: 128, scratchPaths: ['/'] },
        /BULWARK_CONTAINER_SCRATCH_PATH/,
      ],
    ])('%s is refused', (_label, props, error) => {
      const t = task(new Stack(new App(), 'S'));
      expect(() => t.addSandboxedContainer('app', { image: IMAGE, ...props })).toThrow(error);
    });
  });

  test('the engine finds no failure on a sandboxed task run by a sandboxed service', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-sandboxed-task-'));
    try {
      const app = new App({ outdir });
      const s = new Stack(app, 'S');
      const net = new SegmentedVpc(s, 'Net');
      net.allowHttpsEgress(Tier.APPLICATION, 'image pulls from ECR');
      const t = task(s, { cpu: 512, memoryLimitMiB: 1024 });
      t.addSandboxedContainer('app', { image: IMAGE, cpu: 256, memoryLimitMiB: 512, scratchPaths: ['/tmp'] });
      t.addSandboxedContainer('sidecar', { image: IMAGE, cpu: 128, memoryLimitMiB: 256, essential: false });
      const cluster = new ecs.Cluster(s, 'Cluster', { vpc: net.vpc });
      new SandboxedService(s, 'Service', { cluster, taskDefinition: t, network: net });
      app.synth();
      const { evaluation } = checkGraph(loadInput([outdir]).graph);
      expect(evaluation.viewErrors).toEqual([]);
      expect(evaluation.results.filter((r) => gates(r, evaluation.pack)).map((r) => r.message)).toEqual([]);
      expect(
        evaluation.results
          .filter((r) =>
            /^S\/(Net\/|Task\/|Service\/|Custom::VpcRestrictDefaultSG)/.test(r.resource.path ?? ''),
          )
          .filter((r) => r.outcome === 'fail' || r.outcome === 'unknown')
          // BW-NS-023 (advisory): SegmentedVpc keeps AWS's default endpoint policies; which outside
          // resources a workload reaches through an endpoint is known per deployment.
          .filter((r) => r.rule.id !== 'BW-NS-023')
          .map((r) => r.message),
      ).toEqual([]);
      const containerResults = evaluation.results.filter(
        (r) => r.view.kind === 'container-task' && r.rule.id.startsWith('BW-DS-'),
      );
      // Privileged mode, root user and writable root (and any newer container rule) pass on both containers.
      const ids = new Set(containerResults.map((r) => r.rule.id));
      expect([...ids]).toEqual(expect.arrayContaining(['BW-DS-001', 'BW-DS-002', 'BW-DS-003']));
      expect(containerResults.filter((r) => r.outcome !== 'pass').map((r) => r.message)).toEqual([]);
      expect(containerResults.length).toBeGreaterThanOrEqual(6);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
