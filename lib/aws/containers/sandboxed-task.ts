import { Duration, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PropsValidator } from '../common/validation';

/** `root`, `0`, or either with a group (`0:0`, `root:wheel`). */
const ROOT_USER = /^\s*(root|0)\s*(:.*)?$/;

/** Fargate stops a container at most 120 seconds after SIGTERM. */
const FARGATE_MAX_STOP_TIMEOUT_SECONDS = 120;

export interface SandboxedTaskDefinitionProps {
  /**
   * Log group every container of the task logs to (`awslogs` driver).
   * @see mcsb-v1:LT-3
   */
  readonly logGroup: logs.ILogGroup;
  /**
   * vCPU units of the task (256 = 0.25 vCPU); the containers' `cpu` must fit in it.
   * @default 256
   */
  readonly cpu?: number;
  /**
   * Memory of the task in MiB; the containers' `memoryLimitMiB` must fit in it.
   * @default 512
   */
  readonly memoryLimitMiB?: number;
  /**
   * Ephemeral storage of the task in GiB (21-200), the space `scratchPaths` mounts use.
   * @default 20
   */
  readonly ephemeralStorageGiB?: number;
  /**
   * Operating system and CPU architecture.
   * @default - Linux on x86_64
   */
  readonly runtimePlatform?: ecs.RuntimePlatform;
  /**
   * Name of the task definition family.
   * @default - generated
   */
  readonly family?: string;
  /**
   * Role the containers' code uses; grant it only what the workload needs.
   * @default - a new role without permissions
   * @see mcsb-v1:PA-7
   */
  readonly taskRole?: iam.IRole;
  /**
   * Role ECS uses to pull the image and ship logs.
   * @default - a new role with the permissions the image and log group need
   */
  readonly executionRole?: iam.IRole;
}

export interface SandboxedContainerProps {
  /** The image to run. */
  readonly image: ecs.ContainerImage;
  /**
   * vCPU units reserved for the container (1024 = 1 vCPU). Required: every container has a limit.
   * @see mcsb-v1:PV-3
   */
  readonly cpu: number;
  /**
   * Hard memory limit in MiB: the container is killed above it. Required.
   * @see mcsb-v1:PV-3
   */
  readonly memoryLimitMiB: number;
  /**
   * User (and group) the processes run as: a non-root UID, never `root` or `0`.
   * @default '1000:1000'
   * @see mcsb-v1:PV-3, mcsb-v1:DS-6
   */
  readonly user?: string;
  /**
   * Time between SIGTERM and SIGKILL when the task stops (Fargate allows up to 120 seconds).
   * @default Duration.seconds(30)
   */
  readonly stopTimeout?: Duration;
  /**
   * Paths the container may write to, each mounted from the task's ephemeral storage (the root
   * filesystem is read-only). Absolute paths, such as `/tmp`.
   * @default - none
   */
  readonly scratchPaths?: readonly string[];
  /**
   * Name of the container.
   * @default - the construct id
   */
  readonly containerName?: string;
  /** @default - the image's */
  readonly command?: string[];
  /** @default - the image's */
  readonly entryPoint?: string[];
  /** @default - the image's */
  readonly workingDirectory?: string;
  /** Plain environment variables; secrets go in `secrets`. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Secrets injected as environment variables at start, from Secrets Manager or SSM.
   * @default - none
   * @see mcsb-v1:IM-8
   */
  readonly secrets?: Readonly<Record<string, ecs.Secret>>;
  /** @default - none */
  readonly portMappings?: readonly ecs.PortMapping[];
  /** @default - none */
  readonly healthCheck?: ecs.HealthCheck;
  /** @default true */
  readonly essential?: boolean;
  /**
   * Prefix of the container's log streams.
   * @default - the container name
   */
  readonly streamPrefix?: string;
}

/**
 * A Fargate task definition whose containers run sandboxed. {@link addSandboxedContainer} forces,
 * for every container: a read-only root filesystem (writable paths only as explicit scratch
 * mounts), a non-root user, `privileged` off, every Linux capability dropped, an init process
 * that reaps zombies and forwards signals, CPU and memory limits, a stop timeout, and logs to the
 * given log group.
 *
 * ECS has no `allowPrivilegeEscalation` and its `no-new-privileges` security option
 * (`dockerSecurityOptions`) is not accepted on Fargate. Escalation is closed instead by the non-root
 * user with an empty capability set (no `CAP_SETUID`/`CAP_SETGID`, no `CAP_SYS_ADMIN`), no
 * privileged mode (which Fargate refuses anyway) and no host namespaces (Fargate has none to share).
 * The remaining path is a set-user-ID binary in the image: build images without them.
 * @see mcsb-v1:PV-3, mcsb-v1:DS-6
 */
export class SandboxedTaskDefinition extends Construct {
  /** The underlying task definition. */
  readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The containers added with {@link addSandboxedContainer}. */
  readonly containers: ecs.ContainerDefinition[] = [];

  private readonly logGroup: logs.ILogGroup;
  private readonly cpu: number;
  private readonly memoryLimitMiB: number;
  private usedCpu = 0;
  private usedMemory = 0;

  constructor(scope: Construct, id: string, props: SandboxedTaskDefinitionProps) {
    super(scope, id);
    this.logGroup = props.logGroup;
    this.cpu = props.cpu ?? 256;
    this.memoryLimitMiB = props.memoryLimitMiB ?? 512;
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'Resource', {
      cpu: this.cpu,
      memoryLimitMiB: this.memoryLimitMiB,
      ephemeralStorageGiB: props.ephemeralStorageGiB,
      runtimePlatform: props.runtimePlatform,
      family: props.family,
      taskRole: props.taskRole,
      executionRole: props.executionRole,
    });
  }

  /** Add a container with the sandbox settings; throws when its props break them. */
  addSandboxedContainer(id: string, props: SandboxedContainerProps): ecs.ContainerDefinition {
    const user = props.user ?? '1000:1000';
    const stopTimeout = props.stopTimeout ?? Duration.seconds(30);
    const scratch = props.scratchPaths ?? [];
    this.validate(id, props, user, stopTimeout, scratch);

    const linuxParameters = new ecs.LinuxParameters(this, `${id}LinuxParameters`, {
      initProcessEnabled: true,
    });
    linuxParameters.dropCapabilities(ecs.Capability.ALL);
    const name = props.containerName ?? id;
    const container = this.taskDefinition.addContainer(id, {
      image: props.image,
      containerName: name,
      cpu: props.cpu,
      memoryLimitMiB: props.memoryLimitMiB,
      user,
      readonlyRootFilesystem: true,
      privileged: false,
      linuxParameters,
      stopTimeout,
      command: props.command,
      entryPoint: props.entryPoint,
      workingDirectory: props.workingDirectory,
      environment: props.environment ? { ...props.environment } : undefined,
      secrets: props.secrets ? { ...props.secrets } : undefined,
      portMappings: props.portMappings ? [...props.portMappings] : undefined,
      healthCheck: props.healthCheck,
      essential: props.essential ?? true,
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: props.streamPrefix ?? name }),
    });
    scratch.forEach((path, i) => {
      const volume = `${name}-scratch-${i + 1}`;
      this.taskDefinition.addVolume({ name: volume });
      container.addMountPoints({ sourceVolume: volume, containerPath: path, readOnly: false });
    });
    if (!Token.isUnresolved(props.cpu)) this.usedCpu += props.cpu;
    if (!Token.isUnresolved(props.memoryLimitMiB)) this.usedMemory += props.memoryLimitMiB;
    this.containers.push(container);
    return container;
  }

  private validate(
    id: string,
    props: SandboxedContainerProps,
    user: string,
    stopTimeout: Duration,
    scratch: readonly string[],
  ): void {
    const v = new PropsValidator(this);
    v.check(
      Token.isUnresolved(user) || (user.trim() !== '' && !ROOT_USER.test(user)),
      'BULWARK_CONTAINER_ROOT_USER',
      `container \`${id}\`: \`user\` "${user}" runs as root; give a non-root UID such as '1000:1000'`,
    );
    const cpuKnown = !Token.isUnresolved(props.cpu);
    const memKnown = !Token.isUnresolved(props.memoryLimitMiB);
    v.check(
      !cpuKnown || (Number.isInteger(props.cpu) && props.cpu > 0),
      'BULWARK_CONTAINER_LIMITS',
      `container \`${id}\`: \`cpu\` must be a whole number of CPU units above 0 (got ${props.cpu})`,
    );
    v.check(
      !memKnown || (Number.isInteger(props.memoryLimitMiB) && props.memoryLimitMiB >= 6),
      'BULWARK_CONTAINER_LIMITS',
      `container \`${id}\`: \`memoryLimitMiB\` must be at least 6 MiB (got ${props.memoryLimitMiB})`,
    );
    v.check(
      !cpuKnown || Token.isUnresolved(this.cpu) || this.usedCpu + props.cpu <= this.cpu,
      'BULWARK_CONTAINER_LIMITS',
      `container \`${id}\`: containers' \`cpu\` (${this.usedCpu + props.cpu}) exceeds the task's \`cpu\` (${this.cpu})`,
    );
    v.check(
      !memKnown ||
        Token.isUnresolved(this.memoryLimitMiB) ||
        this.usedMemory + props.memoryLimitMiB <= this.memoryLimitMiB,
      'BULWARK_CONTAINER_LIMITS',
      `container \`${id}\`: containers' \`memoryLimitMiB\` (${this.usedMemory + props.memoryLimitMiB}) ` +
        `exceeds the task's \`memoryLimitMiB\` (${this.memoryLimitMiB})`,
    );
    const seconds = stopTimeout.isUnresolved() ? undefined : stopTimeout.toSeconds();
    v.check(
      seconds === undefined || (seconds >= 1 && seconds <= FARGATE_MAX_STOP_TIMEOUT_SECONDS),
      'BULWARK_CONTAINER_STOP_TIMEOUT',
      `container \`${id}\`: \`stopTimeout\` must be between 1 and ${FARGATE_MAX_STOP_TIMEOUT_SECONDS} seconds on Fargate (got ${seconds})`,
    );
    for (const p of scratch) {
      v.check(
        Token.isUnresolved(p) || (p.startsWith('/') && p !== '/'),
        'BULWARK_CONTAINER_SCRATCH_PATH',
        `container \`${id}\`: \`scratchPaths\` entry "${p}" must be an absolute path other than /`,
      );
    }
    v.throwIfAny();
  }
}
