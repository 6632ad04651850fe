import type { ClassificationFact, Fact, ViewBase } from './base';
import type { AtRestEncryption, KeyReference } from './data';

// Compute

export interface FunctionView extends ViewBase {
  readonly kind: 'function';
  readonly runtime?: Fact<string>;
  /** Environment variables, name -> value. */
  readonly environment: Readonly<Record<string, Fact<string>>>;
  readonly inNetwork: Fact<boolean>;
  readonly role?: string;
  readonly environmentEncryptionKey?: KeyReference;
  /** The function's own `data-classification` tag. */
  readonly classification?: ClassificationFact;
  /** Function URLs that invoke it, with their auth type (`NONE` or `AWS_IAM`). */
  readonly urls?: readonly { readonly address: string; readonly authType: Fact<string> }[];
}

/** A build project of a CI service (CodeBuild). */
export interface BuildProjectView extends ViewBase {
  readonly kind: 'build-project';
  /** Environment variables given in clear (not from a secret store), name -> value. */
  readonly environment: Readonly<Record<string, Fact<string>>>;
  /** Builds run with Docker daemon privileges. */
  readonly privileged: Fact<boolean>;
  /** How artifacts, caches and logs in S3 are encrypted. */
  readonly encryption: { readonly atRest: Fact<AtRestEncryption>; readonly key?: KeyReference };
  /** Build logs are kept (CloudWatch Logs or S3). */
  readonly logging: Fact<boolean>;
}

export interface ContainerDefinition {
  readonly name: string;
  readonly privileged: Fact<boolean>;
  /** `user` as written; undefined means the image's default (often root). */
  readonly user?: Fact<string>;
  readonly readonlyRootFilesystem: Fact<boolean>;
  readonly environment: Readonly<Record<string, Fact<string>>>;
  /** Linux capabilities added to and dropped from the container runtime's default set. */
  readonly capabilities?: Fact<{
    readonly add: readonly Fact<string>[];
    readonly drop: readonly Fact<string>[];
  }>;
}

export interface ContainerTaskView extends ViewBase {
  readonly kind: 'container-task';
  readonly containers: readonly ContainerDefinition[];
  /** Task network mode (`awsvpc`, `bridge`, `host`, `none`); undefined when the task does not set it. */
  readonly networkMode?: Fact<string>;
  /** Process namespace: `host` shares the host's, `task` one per task; undefined: one per container. */
  readonly pidMode?: Fact<string>;
  /** IPC namespace: `host`, `task` or `none`; undefined: the container runtime's default (private). */
  readonly ipcMode?: Fact<string>;
}

/** A virtual machine, or a template that launches them (EC2 instance, launch template). */
export interface VirtualMachineView extends ViewBase {
  readonly kind: 'virtual-machine';
  readonly machineType: 'instance' | 'launch-template' | 'launch-configuration';
  /**
   * The instance metadata service requires session tokens (IMDSv2), or is turned off. Undefined where the metadata
   * service has no token mode (Azure IMDS takes a header on every request).
   */
  readonly imdsV2Required?: Fact<boolean>;
  /** Gets a public IPv4 address; undefined for templates, where the launching group's subnets decide. */
  readonly publicIp?: Fact<boolean>;
  /** Every EBS volume it declares is encrypted; volumes that do not say follow the account default (unknown). */
  readonly ebsEncrypted: Fact<boolean>;
  /** An instance profile gives it an IAM role (temporary credentials) for AWS access. */
  readonly instanceProfile: Fact<boolean>;
  readonly classification: ClassificationFact;
  /**
   * Users can sign in to the operating system with a password over SSH (Linux VMs); false when only keys are
   * accepted. Undefined where the source does not read it or the machine is not a Linux one.
   */
  readonly passwordAuthentication?: Fact<boolean>;
}

// ---------------------------------------------------------------------------------------------
