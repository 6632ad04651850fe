/**
 * The AWS SAM transform (`Transform: AWS::Serverless-2016-10-31`), expanded into the CloudFormation
 * resources SAM deploys, so the rules judge what is deployed: a function's role and its policies,
 * an API's stage, a table's encryption.
 *
 * The expansion follows the SAM translator's output (aws/serverless-application-model,
 * `tests/translator/output`) for the security-relevant parts, with these deliberate differences:
 * logical ids SAM suffixes with a content hash (`ApiDeployment1a2b3c`, `Layer0c7f96cce7`) keep the
 * declared id (`ApiDeployment`, `Layer`), and the methods of an API's OpenAPI body are declared as
 * `AWS::ApiGateway::Method` / `AWS::ApiGatewayV2::Route` resources (`FnEventMethod`), so their
 * authorization is judged. A type, an event source or a property that can change security and that
 * is not expanded here is reported on the declaration as unexpanded, never skipped.
 */
import policyTemplatesData from './sam-policy-templates.json';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

type Json = unknown;
type Obj = Record<string, Json>;

/** One resource SAM deploys for a declaration. */
export interface SamPart {
  readonly logicalId: string;
  readonly declaration: Obj;
  /** What the resource is to the declaration, for its construct path: `Role`, `Url`, `ProdStage`. */
  readonly part: string;
}

/** What one SAM declaration became: its resources, or why it cannot be read. */
export type SamExpansion =
  | { readonly parts: readonly SamPart[]; readonly problem?: undefined }
  | { readonly parts?: undefined; readonly problem: string };

interface PolicyTemplate {
  readonly Parameters: readonly string[];
  readonly Definition: Obj;
}
const POLICY_TEMPLATES = (policyTemplatesData as unknown as { Templates: Record<string, PolicyTemplate> })
  .Templates;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ref = (id: string): Obj => ({ Ref: id });
const getAtt = (id: string, att: string): Obj => ({ 'Fn::GetAtt': [id, att] });
const managedArn = (name: string): Obj => ({
  'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${SERVICE_ROLE_POLICIES.has(name) ? 'service-role/' : ''}${name}`,
});

/** AWS managed policies SAM attaches (or users name) that live under the `service-role/` path. */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaENIManagementAccess',
  'AWSLambdaSQSQueueExecutionRole',
]);

/** The `Globals` sections, by the SAM type they apply to. */
const GLOBALS_SECTION: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

/**
 * Merge a `Globals` section into a resource's properties as SAM does: maps merge (the resource
 * wins), lists concatenate (globals first), other values are the resource's when it sets them.
 */
export function mergeGlobals(globals: Json, props: Json): Json {
  if (globals === undefined) return props;
  if (props === undefined) return globals;
  if (isObj(globals) && isObj(props) && !isIntrinsic(globals) && !isIntrinsic(props)) {
    const out: Obj = { ...globals };
    for (const [k, v] of Object.entries(props)) out[k] = mergeGlobals(globals[k], v);
    return out;
  }
  if (Array.isArray(globals) && Array.isArray(props)) return [...(globals as Json[]), ...(props as Json[])];
  return props;
}

function isIntrinsic(v: Obj): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/** Context of one template's SAM expansion. */
export interface SamContext {
  /** The template's `Resources` (SAM declarations and plain resources). */
  readonly resources: Readonly<Record<string, Obj>>;
  readonly globals: Readonly<Obj>;
  /** Implicit APIs already created (`ServerlessRestApi`, `ServerlessHttpApi`): one per template. */
  readonly created: Set<string>;
}

class Unexpandable extends Error {}

/** Expand one SAM declaration. */
export function expandSamResource(logicalId: string, decl: Obj, ctx: SamContext): SamExpansion {
  const type = String(decl.Type);
  const section = GLOBALS_SECTION[type];
  const props = mergeGlobals(section ? ctx.globals[section] : undefined, decl.Properties ?? {});
  if (!isObj(props)) return { problem: `\`Properties\` of \`${logicalId}\` is not an object` };
  const parts: SamPart[] = [];
  const add: Add = (id, t, p, extra = {}, part) => {
    const d: Obj = { Type: t, Properties: p, ...extra };
    for (const k of ['Condition', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy'] as const) {
      if (decl[k] !== undefined && d[k] === undefined) d[k] = decl[k];
    }
    const suffix = id.startsWith(logicalId) ? id.slice(logicalId.length) : '';
    parts.push({ logicalId: id, declaration: d, part: part ?? (suffix || id) });
  };
  try {
    switch (type) {
      case 'AWS::Serverless::Function':
        functionParts(logicalId, props, ctx, add);
        break;
      case 'AWS::Serverless::Api':
        restApiParts(logicalId, props, add);
        break;
      case 'AWS::Serverless::HttpApi':
        httpApiParts(logicalId, props, add);
        break;
      case 'AWS::Serverless::SimpleTable':
        simpleTableParts(logicalId, props, add);
        break;
      case 'AWS::Serverless::StateMachine':
        stateMachineParts(logicalId, props, add);
        break;
      case 'AWS::Serverless::LayerVersion':
        layerParts(logicalId, props, decl, add);
        break;
      default:
        return { problem: `the SAM type \`${type}\` is not expanded by Bulwark` };
    }
  } catch (e) {
    if (e instanceof Unexpandable) return { problem: e.message };
    throw e;
  }
  return { parts };
}

type Add = (id: string, type: string, props: Obj, extra?: Obj, part?: string) => void;

/** Fail the expansion when a property is set that is neither expanded nor known to be harmless. */
function onlyKnown(logicalId: string, props: Obj, known: ReadonlySet<string>): void {
  const other = Object.keys(props).filter((k) => !known.has(k));
  if (other.length) {
    throw new Unexpandable(
      `SAM ${other.length > 1 ? 'properties' : 'property'} ${other.map((k) => `\`${k}\``).join(', ')} of \`${logicalId}\` ${other.length > 1 ? 'are' : 'is'} not read by Bulwark`,
    );
  }
}

function pick(props: Obj, names: readonly string[]): Obj {
  const out: Obj = {};
  for (const n of names) if (props[n] !== undefined) out[n] = props[n];
  return out;
}

function tagList(tags: Json, sam = true): Json[] | undefined {
  const out: Json[] = [];
  if (isObj(tags)) for (const [Key, Value] of Object.entries(tags)) out.push({ Key, Value });
  if (sam) out.unshift({ Key: 'lambda:createdBy', Value: 'SAM' });
  return out.length ? out : undefined;
}

/** `s3://bucket/key` or `{ Bucket, Key, Version }` -> S3 location properties; a local path -> undefined. */
function s3Location(uri: Json, names: { bucket: string; key: string; version: string }): Obj | undefined {
  if (typeof uri === 'string') {
    const m = /^s3:\/\/([^/]+)\/([^?]+)(?:\?versionId=(.+))?$/.exec(uri);
    if (!m) return undefined;
    return { [names.bucket]: m[1], [names.key]: m[2], ...(m[3] ? { [names.version]: m[3] } : {}) };
  }
  if (isObj(uri) && !isIntrinsic(uri)) {
    const out: Obj = { [names.bucket]: uri.Bucket, [names.key]: uri.Key };
    if (uri.Version !== undefined) out[names.version] = uri.Version;
    return out;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Function

const FUNCTION_PASSTHROUGH = [
  'Handler',
  'Runtime',
  'Description',
  'MemorySize',
  'Timeout',
  'Environment',
  'VpcConfig',
  'KmsKeyArn',
  'Layers',
  'FunctionName',
  'ReservedConcurrentExecutions',
  'Architectures',
  'EphemeralStorage',
  'PackageType',
  'ImageConfig',
  'FileSystemConfigs',
  'CodeSigningConfigArn',
  'SnapStart',
  'RuntimeManagementConfig',
  'LoggingConfig',
  'RecursiveLoop',
];

const FUNCTION_KNOWN = new Set([
  ...FUNCTION_PASSTHROUGH,
  'CodeUri',
  'InlineCode',
  'ImageUri',
  'Role',
  'RolePath',
  'Policies',
  'PermissionsBoundary',
  'AssumeRolePolicyDocument',
  'Tracing',
  'Tags',
  'PropagateTags',
  'DeadLetterQueue',
  'FunctionUrlConfig',
  'Events',
  // Deployment mechanics that do not change what the function may do or who may call it.
  'AutoPublishAlias',
  'AutoPublishAliasAllProperties',
  'AutoPublishCodeSha256',
  'VersionDescription',
  'VersionDeletionPolicy',
  'DeploymentPreference',
  'ProvisionedConcurrencyConfig',
  'EventInvokeConfig',
  'Metadata',
]);

function functionParts(id: string, p: Obj, ctx: SamContext, add: Add): void {
  onlyKnown(id, p, FUNCTION_KNOWN);
  const fn: Obj = pick(p, FUNCTION_PASSTHROUGH);
  if (p.InlineCode !== undefined) fn.Code = { ZipFile: p.InlineCode };
  else if (p.ImageUri !== undefined) fn.Code = { ImageUri: p.ImageUri };
  else {
    const code = s3Location(p.CodeUri, { bucket: 'S3Bucket', key: 'S3Key', version: 'S3ObjectVersion' });
    if (code) fn.Code = code;
  }
  const managed: Json[] = [];
  if (p.Tracing !== undefined) {
    fn.TracingConfig = { Mode: p.Tracing };
    if (p.Tracing === 'Active') managed.push(managedArn('AWSXrayWriteOnlyAccess'));
  }
  if (isObj(p.DeadLetterQueue)) fn.DeadLetterConfig = { TargetArn: p.DeadLetterQueue.TargetArn };
  fn.Tags = tagList(p.Tags);
  const roleId = `${id}Role`;
  fn.Role = p.Role !== undefined ? p.Role : getAtt(roleId, 'Arn');
  add(id, 'AWS::Lambda::Function', fn);

  const eventPolicies = functionEvents(id, p.Events, ctx, add);
  if (p.Role === undefined) {
    managed.unshift(...eventPolicies);
    add(roleId, 'AWS::IAM::Role', functionRole(roleId, p, managed));
  }

  const url = p.FunctionUrlConfig;
  if (url !== undefined) {
    if (!isObj(url)) throw new Unexpandable(`\`FunctionUrlConfig\` of \`${id}\` is not an object`);
    const target =
      p.AutoPublishAlias !== undefined ? ref(`${id}Alias${String(p.AutoPublishAlias)}`) : ref(id);
    add(`${id}Url`, 'AWS::Lambda::Url', {
      ...pick(url, ['AuthType', 'Cors', 'InvokeMode']),
      TargetFunctionArn: target,
    });
    if (url.AuthType === 'NONE') {
      add(`${id}URLInvokeAllowPublicAccess`, 'AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: target,
        InvokedViaFunctionUrl: true,
        Principal: '*',
      });
      add(`${id}UrlPublicPermissions`, 'AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunctionUrl',
        FunctionName: target,
        FunctionUrlAuthType: 'NONE',
        Principal: '*',
      });
    }
  }
}

function functionRole(roleId: string, p: Obj, managed: Json[]): Obj {
  const inline: Json[] = [];
  const policies = p.Policies === undefined ? [] : Array.isArray(p.Policies) ? p.Policies : [p.Policies];
  policies.forEach((pol: Json, i: number) => {
    if (typeof pol === 'string') {
      managed.push(pol.startsWith('arn:') ? pol : managedArn(pol));
    } else if (isObj(pol) && isIntrinsic(pol)) {
      managed.push(pol);
    } else if (isObj(pol) && pol.Statement !== undefined) {
      inline.push({ PolicyName: `${roleId}Policy${i}`, PolicyDocument: pol });
    } else if (isObj(pol) && Object.keys(pol).length === 1) {
      const name = Object.keys(pol)[0]!;
      inline.push({ PolicyName: `${roleId}Policy${i}`, PolicyDocument: policyTemplate(name, pol[name]) });
    } else {
      throw new Unexpandable(
        `policy ${i} of \`${roleId.replace(/Role$/, '')}\` is not a policy name, document or template`,
      );
    }
  });
  managed.push(managedArn('AWSLambdaBasicExecutionRole'));
  if (p.VpcConfig !== undefined) managed.push(managedArn('AWSLambdaVPCAccessExecutionRole'));
  const role: Obj = {
    AssumeRolePolicyDocument: p.AssumeRolePolicyDocument ?? {
      Version: '2012-10-17',
      Statement: [
        { Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] } },
      ],
    },
    ManagedPolicyArns: dedupe(managed),
    Tags: tagList(undefined),
  };
  if (inline.length) role.Policies = inline;
  if (p.PermissionsBoundary !== undefined) role.PermissionsBoundary = p.PermissionsBoundary;
  if (p.RolePath !== undefined) role.Path = p.RolePath;
  return role;
}

function dedupe(list: Json[]): Json[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A SAM policy template (`S3ReadPolicy: { BucketName: x }`) -> its policy document. */
function policyTemplate(name: string, params: Json): Obj {
  const t = POLICY_TEMPLATES[name];
  if (!t) throw new Unexpandable(`\`${name}\` is not a SAM policy template Bulwark knows`);
  const given = isObj(params) ? params : {};
  const missing = t.Parameters.filter((n) => given[n] === undefined);
  if (missing.length) {
    throw new Unexpandable(
      `policy template \`${name}\` is missing ${missing.map((m) => `\`${m}\``).join(', ')}`,
    );
  }
  const subst = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(subst);
    if (!isObj(v)) return v;
    if (isIntrinsic(v) && typeof v.Ref === 'string' && t.Parameters.includes(v.Ref)) return given[v.Ref];
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = subst(x);
    return out;
  };
  return subst(t.Definition) as Obj;
}

/** The managed policies SAM attaches for pull-based event sources. */
const POLLER_POLICIES: Record<string, string> = {
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
};

/** Service principals of push event sources that invoke the function through a permission. */
const PUSH_PRINCIPALS: Record<string, string> = {
  S3: 's3.amazonaws.com',
  SNS: 'sns.amazonaws.com',
  Schedule: 'events.amazonaws.com',
  CloudWatchEvent: 'events.amazonaws.com',
  EventBridgeRule: 'events.amazonaws.com',
  CloudWatchLogs: 'logs.amazonaws.com',
  IoTRule: 'iot.amazonaws.com',
  AlexaSkill: 'alexa-appkit.amazon.com',
  Cognito: 'cognito-idp.amazonaws.com',
};

const STREAM_EVENT = [
  'Stream',
  'StartingPosition',
  'StartingPositionTimestamp',
  'BatchSize',
  'Enabled',
  'FilterCriteria',
  'MaximumBatchingWindowInSeconds',
  'FunctionResponseTypes',
  'BisectBatchOnFunctionError',
  'MaximumRecordAgeInSeconds',
  'MaximumRetryAttempts',
  'ParallelizationFactor',
  'TumblingWindowInSeconds',
  'KmsKeyArn',
  'MetricsConfig',
];
const RULE_EVENT = ['Input', 'InputPath', 'RetryPolicy', 'Target', 'State', 'Enabled', 'Description', 'Name'];

/**
 * The properties of each event type that are expanded or do not change security. Others (an SNS
 * event's `SqsSubscription`, a rule's `DeadLetterConfig`: both create a queue) make the function
 * unexpanded.
 */
const EVENT_PROPERTIES: Record<string, ReadonlySet<string>> = {
  Api: new Set([
    'Path',
    'Method',
    'RestApiId',
    'Auth',
    'RequestModel',
    'RequestParameters',
    'TimeoutInMillis',
  ]),
  HttpApi: new Set([
    'Path',
    'Method',
    'ApiId',
    'Auth',
    'PayloadFormatVersion',
    'RouteSettings',
    'TimeoutInMillis',
  ]),
  SQS: new Set([
    'Queue',
    'BatchSize',
    'Enabled',
    'FilterCriteria',
    'MaximumBatchingWindowInSeconds',
    'FunctionResponseTypes',
    'ScalingConfig',
    'KmsKeyArn',
    'MetricsConfig',
  ]),
  Kinesis: new Set(STREAM_EVENT),
  DynamoDB: new Set(STREAM_EVENT),
  S3: new Set(['Bucket', 'Events', 'Filter']),
  SNS: new Set(['Topic', 'FilterPolicy', 'FilterPolicyScope', 'Region', 'RedrivePolicy']),
  Schedule: new Set(['Schedule', ...RULE_EVENT]),
  CloudWatchEvent: new Set(['Pattern', 'EventBusName', 'InputTransformer', 'RuleName', ...RULE_EVENT]),
  EventBridgeRule: new Set(['Pattern', 'EventBusName', 'InputTransformer', 'RuleName', ...RULE_EVENT]),
};

/** Expand a function's `Events`; returns the managed policies they add to its role. */
function functionEvents(fnId: string, events: Json, ctx: SamContext, add: Add): Json[] {
  if (events === undefined) return [];
  if (!isObj(events)) throw new Unexpandable(`\`Events\` of \`${fnId}\` is not an object`);
  const managed: Json[] = [];
  for (const [name, ev] of Object.entries(events)) {
    if (!isObj(ev) || typeof ev.Type !== 'string') {
      throw new Unexpandable(`event \`${name}\` of \`${fnId}\` has no \`Type\``);
    }
    const p = isObj(ev.Properties) ? ev.Properties : {};
    const id = `${fnId}${name}`;
    const known = EVENT_PROPERTIES[ev.Type];
    const other = known ? Object.keys(p).filter((k) => !known.has(k)) : [];
    if (other.length) {
      throw new Unexpandable(
        `event \`${name}\` of \`${fnId}\` sets ${other.map((k) => `\`${k}\``).join(', ')}, which Bulwark does not read`,
      );
    }
    const permission = (principal: string, sourceArn?: Json) =>
      add(`${id}Permission`, 'AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: ref(fnId),
        Principal: principal,
        ...(sourceArn !== undefined ? { SourceArn: sourceArn } : {}),
        // S3 bucket ARNs name no account: SAM limits the grant to the stack's account.
        ...(ev.Type === 'S3' ? { SourceAccount: ref('AWS::AccountId') } : {}),
      });
    if (ev.Type === 'Api') {
      apiEvent(fnId, id, p, ctx, add);
    } else if (ev.Type === 'HttpApi') {
      httpApiEvent(fnId, id, p, ctx, add);
    } else if (POLLER_POLICIES[ev.Type]) {
      managed.push(managedArn(POLLER_POLICIES[ev.Type]!));
      add(id, 'AWS::Lambda::EventSourceMapping', {
        ...pick(p, [
          'BatchSize',
          'Enabled',
          'StartingPosition',
          'FilterCriteria',
          'MaximumBatchingWindowInSeconds',
        ]),
        EventSourceArn: ev.Type === 'SQS' ? p.Queue : p.Stream,
        FunctionName: ref(fnId),
      });
    } else if (ev.Type === 'Schedule' || ev.Type === 'CloudWatchEvent' || ev.Type === 'EventBridgeRule') {
      const rule: Obj = pick(p, ['EventBusName', 'Description', 'Name', 'State']);
      if (p.Schedule !== undefined) rule.ScheduleExpression = p.Schedule;
      if (p.Pattern !== undefined) rule.EventPattern = p.Pattern;
      if (p.Enabled !== undefined && rule.State === undefined)
        rule.State = p.Enabled === false ? 'DISABLED' : 'ENABLED';
      rule.Targets = [{ Arn: getAtt(fnId, 'Arn'), Id: `${id}LambdaTarget` }];
      add(id, 'AWS::Events::Rule', rule);
      permission(PUSH_PRINCIPALS[ev.Type]!, getAtt(id, 'Arn'));
    } else if (ev.Type === 'SNS') {
      add(id, 'AWS::SNS::Subscription', {
        Endpoint: getAtt(fnId, 'Arn'),
        Protocol: 'lambda',
        TopicArn: p.Topic,
        ...pick(p, ['FilterPolicy', 'FilterPolicyScope', 'Region', 'RedrivePolicy']),
      });
      permission(PUSH_PRINCIPALS.SNS!, p.Topic);
    } else if (PUSH_PRINCIPALS[ev.Type]) {
      permission(PUSH_PRINCIPALS[ev.Type]!, ev.Type === 'SNS' ? p.Topic : undefined);
    } else {
      throw new Unexpandable(
        `event \`${name}\` of \`${fnId}\` has type \`${ev.Type}\`, which Bulwark does not expand`,
      );
    }
  }
  return managed;
}

/** The REST API an `Api` event attaches to: its `RestApiId`, or the implicit `ServerlessRestApi`. */
function apiEvent(fnId: string, id: string, p: Obj, ctx: SamContext, add: Add): void {
  let apiId = 'ServerlessRestApi';
  let api: Obj | undefined;
  if (p.RestApiId !== undefined) {
    const r = isObj(p.RestApiId) ? p.RestApiId.Ref : undefined;
    if (typeof r !== 'string' || !ctx.resources[r]) {
      throw new Unexpandable(`event of \`${fnId}\` names a \`RestApiId\` that is not an API of the template`);
    }
    apiId = r;
    api = isObj(ctx.resources[r]!.Properties) ? (ctx.resources[r]!.Properties as Obj) : {};
    api = mergeGlobals(ctx.globals.Api, api) as Obj;
  } else {
    implicitApi(ctx, add);
    api = { StageName: 'Prod', ...(isObj(ctx.globals.Api) ? ctx.globals.Api : {}) };
  }
  const method = String(p.Method ?? 'ANY').toUpperCase();
  add(`${id}Method`, 'AWS::ApiGateway::Method', {
    HttpMethod: method,
    ResourceId: String(p.Path ?? '/'),
    RestApiId: ref(apiId),
    AuthorizationType: restAuthorization(api, p.Auth),
  });
  const stage = typeof api.StageName === 'string' ? api.StageName : 'Prod';
  add(`${id}Permission${stage}`, 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    FunctionName: ref(fnId),
    Principal: 'apigateway.amazonaws.com',
    SourceArn: {
      'Fn::Sub': [
        `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/*/${method === 'ANY' ? '*' : method}${String(p.Path ?? '/')}`,
        { __ApiId__: ref(apiId) },
      ],
    },
  });
}

/** The `AuthorizationType` of a REST method: the event's authorizer, else the API's default. */
function restAuthorization(api: Obj, eventAuth: Json): string {
  const auth = isObj(api.Auth) ? api.Auth : {};
  const chosen =
    isObj(eventAuth) && eventAuth.Authorizer !== undefined ? eventAuth.Authorizer : auth.DefaultAuthorizer;
  if (chosen === undefined || chosen === 'NONE') return 'NONE';
  if (chosen === 'AWS_IAM') return 'AWS_IAM';
  const authorizers = isObj(auth.Authorizers) ? auth.Authorizers : {};
  const a = typeof chosen === 'string' ? authorizers[chosen] : undefined;
  if (!isObj(a))
    throw new Unexpandable(
      `authorizer \`${String(chosen)}\` is not declared in the API's \`Auth.Authorizers\``,
    );
  return a.UserPoolArn !== undefined ? 'COGNITO_USER_POOLS' : 'CUSTOM';
}

function implicitApi(ctx: SamContext, add: Add): void {
  if (ctx.created.has('ServerlessRestApi')) return;
  ctx.created.add('ServerlessRestApi');
  restApiParts(
    'ServerlessRestApi',
    { StageName: 'Prod', ...(isObj(ctx.globals.Api) ? ctx.globals.Api : {}) },
    add,
  );
}

function httpApiEvent(fnId: string, id: string, p: Obj, ctx: SamContext, add: Add): void {
  let apiId = 'ServerlessHttpApi';
  let api: Obj;
  if (p.ApiId !== undefined) {
    const r = isObj(p.ApiId) ? p.ApiId.Ref : undefined;
    if (typeof r !== 'string' || !ctx.resources[r]) {
      throw new Unexpandable(`event of \`${fnId}\` names an \`ApiId\` that is not an API of the template`);
    }
    apiId = r;
    api = mergeGlobals(ctx.globals.HttpApi, ctx.resources[r]!.Properties ?? {}) as Obj;
  } else {
    if (!ctx.created.has('ServerlessHttpApi')) {
      ctx.created.add('ServerlessHttpApi');
      httpApiParts('ServerlessHttpApi', isObj(ctx.globals.HttpApi) ? ctx.globals.HttpApi : {}, add);
    }
    api = isObj(ctx.globals.HttpApi) ? ctx.globals.HttpApi : {};
  }
  const auth = isObj(api.Auth) ? api.Auth : {};
  const eventAuth = isObj(p.Auth) ? p.Auth : {};
  const chosen = eventAuth.Authorizer ?? auth.DefaultAuthorizer;
  let type = 'NONE';
  if (chosen !== undefined && chosen !== 'NONE') {
    if (chosen === 'AWS_IAM') type = 'AWS_IAM';
    else {
      const a = isObj(auth.Authorizers) && typeof chosen === 'string' ? auth.Authorizers[chosen] : undefined;
      if (!isObj(a))
        throw new Unexpandable(
          `authorizer \`${String(chosen)}\` is not declared in the API's \`Auth.Authorizers\``,
        );
      type = a.FunctionArn !== undefined ? 'CUSTOM' : 'JWT';
    }
  }
  const routeKey =
    p.Path === undefined && p.Method === undefined
      ? '$default'
      : `${String(p.Method ?? 'ANY').toUpperCase()} ${String(p.Path ?? '/')}`;
  add(`${id}Route`, 'AWS::ApiGatewayV2::Route', {
    ApiId: ref(apiId),
    RouteKey: routeKey,
    AuthorizationType: type,
  });
  add(`${id}Permission`, 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    FunctionName: ref(fnId),
    Principal: 'apigateway.amazonaws.com',
    SourceArn: {
      'Fn::Sub': [
        'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/*',
        { __ApiId__: ref(apiId) },
      ],
    },
  });
}

// ---------------------------------------------------------------------------------------------
// APIs

const REST_KNOWN = new Set([
  'Name',
  'StageName',
  'DefinitionBody',
  'DefinitionUri',
  'AccessLogSetting',
  'MethodSettings',
  'CacheClusterEnabled',
  'CacheClusterSize',
  'Variables',
  'TracingEnabled',
  'Description',
  'EndpointConfiguration',
  'BinaryMediaTypes',
  'MinimumCompressionSize',
  'Mode',
  'ApiKeySourceType',
  'DisableExecuteApiEndpoint',
  'Domain',
  'Auth',
  'Tags',
  'PropagateTags',
  'Cors',
  'GatewayResponses',
  'Models',
  'OpenApiVersion',
  'CanarySetting',
  'FailOnWarnings',
  'MergeDefinitions',
  'AlwaysDeploy',
]);

function restApiParts(id: string, p: Obj, add: Add): void {
  onlyKnown(id, p, REST_KNOWN);
  const api: Obj = pick(p, [
    'Name',
    'Description',
    'BinaryMediaTypes',
    'MinimumCompressionSize',
    'Mode',
    'ApiKeySourceType',
    'DisableExecuteApiEndpoint',
    'FailOnWarnings',
  ]);
  if (p.DefinitionBody !== undefined) api.Body = p.DefinitionBody;
  else if (p.DefinitionUri !== undefined)
    api.BodyS3Location =
      s3Location(p.DefinitionUri, { bucket: 'Bucket', key: 'Key', version: 'Version' }) ?? p.DefinitionUri;
  const ec = p.EndpointConfiguration;
  if (ec !== undefined)
    api.EndpointConfiguration =
      typeof ec === 'string'
        ? { Types: [ec] }
        : isObj(ec) && ec.Type !== undefined
          ? { Types: [ec.Type], ...pick(ec, ['VPCEndpointIds']) }
          : ec;
  const tags = tagList(p.Tags, false);
  if (tags) api.Tags = tags;
  add(id, 'AWS::ApiGateway::RestApi', api);
  add(`${id}Deployment`, 'AWS::ApiGateway::Deployment', { RestApiId: ref(id), StageName: 'Stage' });
  // Lambda authorizers: API Gateway may invoke their function.
  const authorizers = isObj(p.Auth) && isObj(p.Auth.Authorizers) ? p.Auth.Authorizers : {};
  for (const [name, a] of Object.entries(authorizers)) {
    if (!isObj(a) || a.FunctionArn === undefined) continue;
    add(`${id}${name}AuthorizerPermission`, 'AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: a.FunctionArn,
      Principal: 'apigateway.amazonaws.com',
      SourceArn: {
        'Fn::Sub': [
          'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*',
          { __ApiId__: ref(id) },
        ],
      },
    });
  }
  const stageName = p.StageName ?? 'Prod';
  const stage: Obj = {
    ...pick(p, [
      'AccessLogSetting',
      'MethodSettings',
      'CacheClusterEnabled',
      'CacheClusterSize',
      'Variables',
      'TracingEnabled',
      'CanarySetting',
    ]),
    DeploymentId: ref(`${id}Deployment`),
    RestApiId: ref(id),
    StageName: stageName,
  };
  if (tags) stage.Tags = tags;
  add(`${id}${typeof stageName === 'string' ? stageName : ''}Stage`, 'AWS::ApiGateway::Stage', stage);
  if (p.Domain !== undefined) {
    const d = p.Domain;
    if (!isObj(d)) throw new Unexpandable(`\`Domain\` of \`${id}\` is not an object`);
    const type = d.EndpointConfiguration ?? 'REGIONAL';
    const domain: Obj = {
      DomainName: d.DomainName,
      EndpointConfiguration: { Types: [type] },
      ...pick(d, ['SecurityPolicy', 'MutualTlsAuthentication', 'OwnershipVerificationCertificateArn']),
    };
    domain[type === 'EDGE' ? 'CertificateArn' : 'RegionalCertificateArn'] = d.CertificateArn;
    add(`ApiGatewayDomainName${id}`, 'AWS::ApiGateway::DomainName', domain, {}, 'DomainName');
  }
}

const HTTP_KNOWN = new Set([
  'Name',
  'StageName',
  'DefinitionBody',
  'DefinitionUri',
  'AccessLogSettings',
  'DefaultRouteSettings',
  'RouteSettings',
  'StageVariables',
  'Description',
  'DisableExecuteApiEndpoint',
  'Domain',
  'Auth',
  'Tags',
  'PropagateTags',
  'CorsConfiguration',
  'FailOnWarnings',
]);

function httpApiParts(id: string, p: Obj, add: Add): void {
  onlyKnown(id, p, HTTP_KNOWN);
  const api: Obj = {
    ProtocolType: 'HTTP',
    ...pick(p, ['Name', 'Description', 'DisableExecuteApiEndpoint', 'FailOnWarnings']),
  };
  if (p.DefinitionBody !== undefined) api.Body = p.DefinitionBody;
  else if (p.DefinitionUri !== undefined)
    api.BodyS3Location =
      s3Location(p.DefinitionUri, { bucket: 'Bucket', key: 'Key', version: 'Version' }) ?? p.DefinitionUri;
  if (isObj(p.Tags)) api.Tags = { ...p.Tags, 'httpapi:createdBy': 'SAM' };
  add(id, 'AWS::ApiGatewayV2::Api', api);
  const stageName = p.StageName ?? '$default';
  add(
    `${id}${stageName === '$default' ? 'ApiGatewayDefault' : String(stageName as string)}Stage`,
    'AWS::ApiGatewayV2::Stage',
    {
      ApiId: ref(id),
      StageName: stageName,
      AutoDeploy: true,
      ...pick(p, ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables']),
    },
  );
  if (p.Domain !== undefined) {
    const d = p.Domain;
    if (!isObj(d)) throw new Unexpandable(`\`Domain\` of \`${id}\` is not an object`);
    add(
      `ApiGatewayDomainNameV2${id}`,
      'AWS::ApiGatewayV2::DomainName',
      {
        DomainName: d.DomainName,
        DomainNameConfigurations: [
          {
            CertificateArn: d.CertificateArn,
            EndpointType: d.EndpointConfiguration ?? 'REGIONAL',
            ...(d.SecurityPolicy !== undefined ? { SecurityPolicy: d.SecurityPolicy } : {}),
          },
        ],
        ...pick(d, ['MutualTlsAuthentication']),
      },
      {},
      'DomainName',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Tables, state machines, layers

function simpleTableParts(id: string, p: Obj, add: Add): void {
  onlyKnown(
    id,
    p,
    new Set([
      'PrimaryKey',
      'ProvisionedThroughput',
      'SSESpecification',
      'TableName',
      'Tags',
      'PointInTimeRecoverySpecification',
    ]),
  );
  const pk = isObj(p.PrimaryKey) ? p.PrimaryKey : { Name: 'id', Type: 'String' };
  const attrType = (t: Json) => (t === 'Number' ? 'N' : t === 'Binary' ? 'B' : 'S');
  const table: Obj = {
    AttributeDefinitions: [{ AttributeName: pk.Name, AttributeType: attrType(pk.Type) }],
    KeySchema: [{ AttributeName: pk.Name, KeyType: 'HASH' }],
    ...pick(p, ['TableName', 'SSESpecification', 'PointInTimeRecoverySpecification']),
  };
  if (p.ProvisionedThroughput !== undefined) table.ProvisionedThroughput = p.ProvisionedThroughput;
  else table.BillingMode = 'PAY_PER_REQUEST';
  const tags = tagList(p.Tags, false);
  if (tags) table.Tags = tags;
  add(id, 'AWS::DynamoDB::Table', table);
}

const STATE_MACHINE_KNOWN = new Set([
  'Definition',
  'DefinitionUri',
  'DefinitionSubstitutions',
  'Name',
  'Type',
  'Role',
  'RolePath',
  'Policies',
  'PermissionsBoundary',
  'Logging',
  'Tracing',
  'Tags',
  'PropagateTags',
  'Events',
  'AutoPublishAlias',
  'DeploymentPreference',
  'UseAliasAsEventTarget',
]);

function stateMachineParts(id: string, p: Obj, add: Add): void {
  onlyKnown(id, p, STATE_MACHINE_KNOWN);
  if (p.Events !== undefined)
    throw new Unexpandable(`\`Events\` of state machine \`${id}\` are not expanded by Bulwark`);
  const roleId = `${id}Role`;
  const sm: Obj = pick(p, ['DefinitionSubstitutions', 'Tracing']);
  if (p.Name !== undefined) sm.StateMachineName = p.Name;
  if (p.Type !== undefined) sm.StateMachineType = p.Type;
  if (p.Definition !== undefined) sm.Definition = p.Definition;
  else if (p.DefinitionUri !== undefined)
    sm.DefinitionS3Location =
      s3Location(p.DefinitionUri, { bucket: 'Bucket', key: 'Key', version: 'Version' }) ?? p.DefinitionUri;
  if (p.Logging !== undefined) sm.LoggingConfiguration = p.Logging;
  sm.RoleArn = p.Role !== undefined ? p.Role : getAtt(roleId, 'Arn');
  sm.Tags = tagList(p.Tags, false)?.map((t) => t) ?? [];
  (sm.Tags as Json[]).unshift({ Key: 'stateMachine:createdBy', Value: 'SAM' });
  add(id, 'AWS::StepFunctions::StateMachine', sm);
  if (p.Role === undefined) {
    const role = functionRole(roleId, { ...p, VpcConfig: undefined }, []);
    // A state machine role is assumed by Step Functions and gets no Lambda execution policy.
    role.AssumeRolePolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['states.amazonaws.com'] } },
      ],
    };
    role.ManagedPolicyArns = (role.ManagedPolicyArns as Json[]).filter(
      (a) => JSON.stringify(a) !== JSON.stringify(managedArn('AWSLambdaBasicExecutionRole')),
    );
    if ((role.ManagedPolicyArns as Json[]).length === 0) delete role.ManagedPolicyArns;
    role.Tags = [{ Key: 'stateMachine:createdBy', Value: 'SAM' }];
    add(roleId, 'AWS::IAM::Role', role);
  }
}

function layerParts(id: string, p: Obj, decl: Obj, add: Add): void {
  onlyKnown(
    id,
    p,
    new Set([
      'ContentUri',
      'LayerName',
      'Description',
      'CompatibleRuntimes',
      'CompatibleArchitectures',
      'LicenseInfo',
      'RetentionPolicy',
    ]),
  );
  const layer: Obj = pick(p, ['Description', 'CompatibleRuntimes', 'CompatibleArchitectures', 'LicenseInfo']);
  const content = s3Location(p.ContentUri, { bucket: 'S3Bucket', key: 'S3Key', version: 'S3ObjectVersion' });
  if (content) layer.Content = content;
  layer.LayerName = p.LayerName ?? id;
  const retention = typeof p.RetentionPolicy === 'string' ? p.RetentionPolicy.toLowerCase() : undefined;
  const extra: Obj = {};
  if (retention === 'retain') extra.DeletionPolicy = 'Retain';
  else if (retention === 'delete') extra.DeletionPolicy = 'Delete';
  else if (decl.DeletionPolicy !== undefined) extra.DeletionPolicy = decl.DeletionPolicy;
  add(id, 'AWS::Lambda::LayerVersion', layer, extra);
}
