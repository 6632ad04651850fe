import { BackupClient } from '@aws-sdk/client-backup';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { KMSClient } from '@aws-sdk/client-kms';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { permissionFor, type DriftService } from './permissions';

/** Credentials as the SDK accepts them: static keys or a provider. */
export type AwsCredentials =
  | { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }
  | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>);

/** How the live reader reaches AWS. Unset values come from the SDK's default chain (env, profile, role). */
export interface AwsAccess {
  readonly region?: string;
  /** Named profile of the shared config and credentials files. */
  readonly profile?: string;
  /** Explicit credentials (tests, embedding); default the SDK's provider chain, or the profile's. */
  readonly credentials?: AwsCredentials;
  /**
   * Attempts per request, the first included. Throttling and transient errors are retried with
   * exponential back-off and jitter by the SDK's `adaptive` retry strategy, which also slows the
   * client down while the service throttles. Default 8.
   */
  readonly maxAttempts?: number;
}

/** The result of a command: what the SDK's `send` resolves to. */
export type OutputOf<C> = C extends {
  resolveMiddleware(...args: never[]): (...a: never[]) => Promise<{ output: infer O }>;
}
  ? O
  : never;

interface SdkClient {
  send(command: never): Promise<unknown>;
  destroy(): void;
  readonly config: { readonly region: () => Promise<string> };
}

type ClientConfig = {
  region?: string;
  profile?: string;
  credentials?: AwsCredentials;
  maxAttempts: number;
  retryMode: string;
};

const CLIENTS: Readonly<Record<DriftService, new (config: ClientConfig) => SdkClient>> = {
  backup: BackupClient,
  cloudformation: CloudFormationClient,
  cloudtrail: CloudTrailClient,
  logs: CloudWatchLogsClient,
  config: ConfigServiceClient,
  dynamodb: DynamoDBClient,
  ec2: EC2Client,
  elbv2: ElasticLoadBalancingV2Client,
  guardduty: GuardDutyClient,
  kms: KMSClient,
  rds: RDSClient,
  s3: S3Client,
  securityhub: SecurityHubClient,
  sts: STSClient,
};

/** A command the drift code tried to send that is not in the permissions table. */
export class UnlistedCommandError extends Error {
  constructor(command: object) {
    super(
      `${command.constructor.name} is not in the drift permissions table (lib/drift/permissions.ts): drift sends only the commands listed there`,
    );
    this.name = 'UnlistedCommandError';
  }
}

/**
 * The one way drift code talks to AWS. `send` refuses any command that is not in
 * {@link DRIFT_PERMISSIONS} (all of them reads), routes it to the service's SDK v3 client (created
 * on first use, with the adaptive retry strategy), and counts what was sent.
 */
export class LiveReader {
  private readonly clients = new Map<DriftService, SdkClient>();
  private readonly config: ClientConfig;
  /** Requests sent (SDK `send` calls; retries not counted), by operation name (`s3:GetBucketPolicy`). */
  readonly sent = new Map<string, number>();

  constructor(access: AwsAccess = {}) {
    const credentials =
      access.credentials ?? (access.profile ? fromIni({ profile: access.profile }) : undefined);
    this.config = {
      ...(access.region ? { region: access.region } : {}),
      ...(access.profile ? { profile: access.profile } : {}),
      ...(credentials ? { credentials } : {}),
      maxAttempts: access.maxAttempts ?? 8,
      retryMode: 'adaptive',
    };
  }

  private client(service: DriftService): SdkClient {
    let client = this.clients.get(service);
    if (!client) {
      client = new CLIENTS[service](this.config);
      this.clients.set(service, client);
    }
    return client;
  }

  /** The region requests go to, as the SDK resolves it (option, environment or profile). */
  async region(): Promise<string> {
    return this.client('sts').config.region();
  }

  /** Send a command listed in the permissions table; throws {@link UnlistedCommandError} for any other. */
  async send<C extends object>(command: C): Promise<OutputOf<C>> {
    const entry = permissionFor(command);
    if (!entry) throw new UnlistedCommandError(command);
    const client = this.client(entry.service);
    const key = `${entry.service}:${entry.operation}`;
    this.sent.set(key, (this.sent.get(key) ?? 0) + 1);
    return (await client.send(command as never)) as OutputOf<C>;
  }

  /** Total requests sent. */
  get requests(): number {
    let n = 0;
    for (const v of this.sent.values()) n += v;
    return n;
  }

  /** Close the clients' connections. */
  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}

/** The error code of an SDK error (`NoSuchBucket`, `AccessDenied`), else its name. */
export function errorCode(e: unknown): string {
  if (typeof e !== 'object' || e === null) return 'Error';
  const x = e as { name?: unknown; Code?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = x.$metadata?.httpStatusCode;
  const unparsed = status !== undefined && isUnparsedAnswer(e);
  for (const v of unparsed ? [] : [x.Code, x.name, x.code]) {
    if (typeof v === 'string' && v !== '' && v !== 'Error' && v !== 'Unknown' && v !== 'UnknownError')
      return v;
  }
  // Answers without a body (S3 HEAD requests), or with one the SDK could not parse, carry only their status.
  if (status === 403) return 'AccessDenied';
  if (status === 404) return 'NotFound';
  return 'Error';
}

/** An error answer whose body the SDK could not deserialize (an HTML or XML page instead of JSON). */
function isUnparsedAnswer(e: unknown): boolean {
  return e instanceof Error && (e.name === 'SyntaxError' || /Deserialization error/.test(e.message));
}

/** A one-line description of an SDK error: `AccessDenied: User ... is not authorized ...`. */
export function describeError(e: unknown): string {
  const code = errorCode(e);
  const status = (e as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  let message = e instanceof Error ? e.message : String(e);
  if (message === 'UnknownError' || message === 'Unknown') message = status ? `HTTP ${status}` : '';
  else if (status !== undefined && isUnparsedAnswer(e))
    message = `HTTP ${status} (the error body could not be parsed)`;
  const text = message && message !== code ? `${code}: ${message}` : code;
  return text.replace(/\s+/g, ' ').trim();
}
