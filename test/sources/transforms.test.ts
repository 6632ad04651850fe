import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkPaths } from '../../lib/check';
import { gates } from '../../lib/engine/evaluate';
import type { Resource } from '../../lib/graph/resource';
import { readTemplateFile } from '../../lib/sources/cloudformation';
import { runCli } from '../support/cli';

const SAM = path.join(__dirname, '../fixtures/real-world/sam');
const LANG = path.join(__dirname, '../fixtures/real-world/language-extensions');
const HAND = path.join(__dirname, '../fixtures/hand-written');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-transforms-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * A SAM translator test input as CloudFormation receives it: the translator's tests call it on the
 * input directly, a deployment names the transform.
 */
function samInput(name: string): string {
  const file = path.join(tmp, `${name}.yaml`);
  const text = fs.readFileSync(path.join(SAM, 'input', `${name}.yaml`), 'utf8');
  fs.writeFileSync(file, `Transform: AWS::Serverless-2016-10-31\n${text}`);
  return file;
}

function byId(resources: readonly Resource[]): Map<string, Resource> {
  return new Map(resources.map((r) => [r.logicalId!, r]));
}

/** The properties compared with the translator's output, by type: those the views read. */
const COMPARED: Record<string, readonly string[]> = {
  'AWS::IAM::Role': ['AssumeRolePolicyDocument', 'Policies', 'PermissionsBoundary'],
  'AWS::Lambda::Function': [
    'Role',
    'Runtime',
    'Handler',
    'Environment',
    'VpcConfig',
    'Code',
    'TracingConfig',
  ],
  'AWS::Lambda::Url': ['AuthType', 'Cors', 'InvokeMode', 'TargetFunctionArn'],
  'AWS::Lambda::Permission': [
    'Action',
    'Principal',
    'FunctionUrlAuthType',
    'FunctionName',
    'SourceAccount',
    'SourceArn',
  ],
  'AWS::Events::Rule': ['ScheduleExpression', 'EventPattern', 'State', 'Targets'],
  'AWS::ApiGateway::Stage': ['AccessLogSetting', 'MethodSettings', 'StageName', 'RestApiId'],
  'AWS::ApiGateway::RestApi': ['BodyS3Location', 'EndpointConfiguration'],
  'AWS::DynamoDB::Table': [
    'SSESpecification',
    'KeySchema',
    'AttributeDefinitions',
    'BillingMode',
    'TableName',
  ],
  'AWS::StepFunctions::StateMachine': [
    'LoggingConfiguration',
    'RoleArn',
    'StateMachineType',
    'StateMachineName',
    'DefinitionS3Location',
  ],
};

const TRANSLATOR_PAIRS = [
  'function_with_policy_templates',
  'api_with_access_log_setting',
  'simpletable_with_sse',
  'globals_for_simpletable',
  'simple_table_with_table_name',
  'state_machine_with_standard_logging',
  'function_with_function_url_config',
  'api_with_auth_all_minimum',
  's3',
  'sns',
  'cloudwatchevent',
];

describe('SAM expansion matches the SAM translator output', () => {
  for (const name of TRANSLATOR_PAIRS) {
    test(name, () => {
      const mine = byId(readTemplateFile(samInput(name)).resources);
      const theirs = readTemplateFile(path.join(SAM, 'output', `${name}.json`), name).resources;
      for (const r of theirs) {
        // SAM suffixes some logical ids with a content hash (deployments, layer versions).
        const id = r.logicalId!.replace(/[0-9a-f]{10}$/, '');
        if (r.type === 'AWS::ApiGateway::Deployment') continue;
        const m = mine.get(id);
        expect({ id, type: m?.type }).toEqual({ id, type: r.type });
        for (const p of COMPARED[r.type] ?? []) {
          expect({ id, p, v: m!.properties[p] }).toEqual({ id, p, v: r.properties[p] });
        }
        if (r.type === 'AWS::IAM::Role') {
          const arns = (x: Resource) => [...((x.properties.ManagedPolicyArns as string[]) ?? [])].sort();
          expect({ id, arns: arns(m!) }).toEqual({ id, arns: arns(r) });
        }
      }
    });
  }
});

describe('SAM resources are judged as deployed', () => {
  const findings = (file: string, rule: string) =>
    checkPaths([file], { pack: 'all' }).evaluation.results.filter((r) => r.rule.id === rule);

  test('expanded resources point at the SAM declaration and are named after it', () => {
    const r = byId(readTemplateFile(samInput('function_with_policy_templates')).resources);
    const role = r.get('AllCombinationsRole')!;
    expect(role.address).toBe('function_with_policy_templates/AllCombinationsRole');
    expect(role.location).toEqual(r.get('AllCombinations')!.location);
    expect(role.location?.line).toBe(35);
    expect(role.transform).toMatchObject({ declaredAs: 'AllCombinations', primary: false });
  });

  test('policy templates expand into their statements; no wildcard admin', () => {
    const pa = findings(samInput('function_with_policy_templates'), 'BW-PA-001');
    expect(pa.map((f) => `${f.outcome} ${f.resource.logicalId}`).sort()).toEqual([
      'pass AllCombinationsRole',
      'pass MultiplePolicyTemplatesRole',
      'pass OnePolicyTemplateRole',
    ]);
  });

  test('stages take the access log setting from Globals', () => {
    const logs = findings(samInput('api_with_access_log_setting'), 'BW-LT-103').filter(
      (f) => f.outcome !== 'not_applicable',
    );
    expect(logs.map((f) => `${f.outcome} ${f.resource.logicalId}`).sort()).toEqual([
      'pass ExplicitApiProdStage',
      'pass ServerlessRestApiProdStage',
    ]);
  });

  test('a simple table without SSE is judged: service-managed encryption, not KMS', () => {
    const plain = findings(samInput('simple_table_with_table_name'), 'BW-DP-002');
    expect(plain).toHaveLength(3);
    expect(plain.every((f) => f.outcome === 'fail')).toBe(true);
    expect(plain[0]!.message).toMatch(/uses service-managed encryption/);
    const sse = findings(samInput('globals_for_simpletable'), 'BW-DP-002');
    expect(sse.map((f) => f.outcome)).toEqual(['pass']);
  });

  test('API methods behind default authorizers require authorization; an implicit API method does not', () => {
    const methods = (file: string) =>
      findings(file, 'BW-IM-003').filter((f) => f.resource.type === 'AWS::ApiGateway::Method');
    const auth = methods(samInput('api_with_auth_all_minimum'));
    expect(auth).toHaveLength(7);
    expect(auth.every((f) => f.outcome === 'pass')).toBe(true);
    const open = methods(samInput('api_with_access_log_setting'));
    expect(open.map((f) => `${f.outcome} ${f.resource.logicalId}`)).toEqual([
      'fail ImplicitApiFunctionGetHtmlMethod',
    ]);
  });

  test('a public function URL fails the URL authentication rule', () => {
    const url = findings(samInput('function_with_function_url_config'), 'BW-IM-002');
    expect(url.map((f) => f.outcome)).toEqual(['fail']);
  });
});

describe('transforms Bulwark cannot expand are reported, never passed', () => {
  const write = (name: string, text: string) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, text);
    return f;
  };

  test('a macro: every resource it owns is unknown, names the transform, and gates', async () => {
    const f = write(
      'macro.yaml',
      [
        'Transform: [AWS::Serverless-2016-10-31, AcmeDefaults]',
        'Resources:',
        '  Data:',
        '    Type: AWS::S3::Bucket',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { CodeUri: s3://a/b.zip, Handler: index.handler, Runtime: nodejs20.x }',
        '',
      ].join('\n'),
    );
    const run = checkPaths([f], { pack: 'all' });
    const am = run.evaluation.results.filter((r) => r.rule.id === 'BW-AM-002');
    expect(am.map((r) => `${r.outcome} ${r.resource.logicalId}`).sort()).toEqual([
      'unknown Data',
      'unknown Fn',
      'unknown FnRole',
    ]);
    expect(am[0]!.message).toMatch(/transform `AcmeDefaults`/);
    expect(am.every((r) => gates(r, run.evaluation.pack))).toBe(true);
    const cli = await runCli(['check', f]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/BW-AM-002/);
  });

  test('an unknown SAM type is unknown on its declaration, with its file and line', () => {
    const f = write(
      'unknown-type.yaml',
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Graph:',
        '    Type: AWS::Serverless::GraphQLApi',
        '    Properties: { SchemaUri: s3://a/schema.graphql }',
        '',
      ].join('\n'),
    );
    const run = checkPaths([f], { pack: 'all' });
    const [r] = run.evaluation.results.filter((x) => x.rule.id === 'BW-AM-002');
    expect(r).toMatchObject({ outcome: 'unknown' });
    expect(r!.message).toMatch(/the SAM type `AWS::Serverless::GraphQLApi` is not expanded/);
    expect(r!.resource.location).toMatchObject({ file: f, line: 3 });
  });

  test('a SAM property Bulwark does not read makes the declaration unknown', () => {
    const f = write(
      'unknown-prop.yaml',
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { CodeUri: s3://a/b.zip, Handler: index.handler, Runtime: nodejs20.x, Connectors: {} }',
        '',
      ].join('\n'),
    );
    const [r] = checkPaths([f], { pack: 'all' }).evaluation.results.filter((x) => x.rule.id === 'BW-AM-002');
    expect(r).toMatchObject({ outcome: 'unknown' });
    expect(r!.message).toMatch(/SAM property `Connectors` of `Fn` is not read by Bulwark/);
  });

  test('an event property that creates resources Bulwark does not build makes the function unknown', () => {
    const f = write(
      'sns-queue.yaml',
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: s3://a/b.zip',
        '      Handler: index.handler',
        '      Runtime: nodejs20.x',
        '      Events:',
        '        Orders: { Type: SNS, Properties: { Topic: arn:aws:sns:eu-west-1:111111111111:t, SqsSubscription: true } }',
        '',
      ].join('\n'),
    );
    const [r] = checkPaths([f], { pack: 'all' }).evaluation.results.filter((x) => x.rule.id === 'BW-AM-002');
    expect(r).toMatchObject({ outcome: 'unknown' });
    expect(r!.message).toMatch(/event `Orders` of `Fn` sets `SqsSubscription`, which Bulwark does not read/);
  });
});

describe('Fn::ForEach (AWS::LanguageExtensions)', () => {
  test('the S3 sample expands into its three buckets, judged and located at the loop', () => {
    const file = path.join(LANG, 'fn-foreach-s3-outputs.yaml');
    const r = readTemplateFile(file).resources;
    expect(r.map((x) => `${x.logicalId} ${x.type}`)).toEqual([
      'S3BucketA AWS::S3::Bucket',
      'S3BucketB AWS::S3::Bucket',
      'S3BucketC AWS::S3::Bucket',
    ]);
    expect(r[0]!.location).toMatchObject({ file, line: 8 });
    expect(r[0]!.retainOnDelete).toBe(true);
    const results = checkPaths([file], { pack: 'all' }).evaluation.results;
    const atRest = results.filter((x) => x.rule.id === 'BW-DP-003');
    expect(atRest.map((x) => `${x.outcome} ${x.resource.logicalId}`)).toEqual([
      'pass S3BucketA',
      'pass S3BucketB',
      'pass S3BucketC',
    ]);
    const am = results.filter((x) => x.rule.id === 'BW-AM-002');
    expect(am.map((x) => x.outcome)).toEqual(['pass', 'pass', 'pass']);
  });

  test.each(['fn-foreach-ddb.yaml', 'fn-foreach-ddb.json'])(
    'the DynamoDB sample %s expands into four tables',
    (name) => {
      const file = path.join(LANG, name);
      const r = readTemplateFile(file).resources;
      expect(r.map((x) => [x.logicalId, x.properties.TableName])).toEqual([
        ['DynamoDBPoints', 'Points'],
        ['DynamoDBScore', 'Score'],
        ['DynamoDBName', 'Name'],
        ['DynamoDBLeaderboard', 'Leaderboard'],
      ]);
      expect(r[0]!.location?.line).toBeGreaterThan(1);
      const kms = checkPaths([file], { pack: 'all' }).evaluation.results.filter(
        (x) => x.rule.id === 'BW-DP-002',
      );
      expect(kms.map((x) => x.outcome)).toEqual(['fail', 'fail', 'fail', 'fail']);
    },
  );

  test('list parameters, nested loops, &{} keys, and a loop known only at deploy time', () => {
    const file = path.join(HAND, 'foreach-edge-cases.template.yaml');
    const r = readTemplateFile(file).resources;
    expect(r.map((x) => `${x.logicalId} ${x.type}`)).toEqual([
      'QueueOrders AWS::SQS::Queue',
      'QueueRefunds AWS::SQS::Queue',
      'Topicorderseuwest1 AWS::SNS::Topic',
      'Topicorderseucentral1 AWS::SNS::Topic',
      'Topicrefundseuwest1 AWS::SNS::Topic',
      'Topicrefundseucentral1 AWS::SNS::Topic',
      'Fn::ForEach::Tenants Fn::ForEach',
    ]);
    const q = r[0]!;
    expect(q.properties.QueueName).toBe('Orders-queue');
    expect(q.properties.KmsMasterKeyId).toBe('alias/Orders');
    expect(q.retainOnDelete).toBe(true);
    expect(r[2]!.properties.TopicName).toBe('orders.eu-west-1');
    const results = checkPaths([file], { pack: 'all' }).evaluation.results;
    const loop = results.find((x) => x.rule.id === 'BW-AM-002' && x.outcome !== 'pass');
    expect(loop).toMatchObject({ outcome: 'unknown' });
    expect(loop!.message).toMatch(/parameter `Tenants`, which has no default/);
    expect(loop!.resource.location).toMatchObject({ file, line: 41 });
  });

  test('a loop written as null is reported as not read, with the transform or without it', () => {
    // Hand-written: a malformed loop (`null` where [identifier, collection, fragment] belongs).
    const outcomes = (body: object) => {
      const file = path.join(tmp, 'null-loop.json');
      fs.writeFileSync(file, JSON.stringify(body));
      return checkPaths([file], { pack: 'all' })
        .evaluation.results.filter(
          (x) => x.rule.id === 'BW-AM-002' && x.resource.logicalId === 'Fn::ForEach::X',
        )
        .map((x) => x.outcome);
    };
    const bucket = { Type: 'AWS::S3::Bucket' };
    expect(outcomes({ Resources: { B: bucket, 'Fn::ForEach::X': null } })).toEqual(['fail']);
    expect(
      outcomes({ Transform: 'AWS::LanguageExtensions', Resources: { B: bucket, 'Fn::ForEach::X': null } }),
    ).toEqual(['unknown']);
  });

  test('a loop in a template that does not declare the language extensions fails', () => {
    const f = path.join(tmp, 'no-transform.yaml');
    fs.writeFileSync(
      f,
      fs
        .readFileSync(path.join(LANG, 'fn-foreach-ddb.yaml'), 'utf8')
        .replace('Transform: AWS::LanguageExtensions', ''),
    );
    const results = checkPaths([f], { pack: 'all' }).evaluation.results.filter(
      (x) => x.rule.id === 'BW-AM-002',
    );
    expect(results.map((x) => x.outcome)).toEqual(['fail']);
    expect(results[0]!.message).toMatch(/needs `Transform: AWS::LanguageExtensions`/);
  });
});
