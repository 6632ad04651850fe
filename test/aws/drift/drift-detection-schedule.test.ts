import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DriftDetectionSchedule } from '../../../lib/aws/drift';
import { driftActions, READ_ONLY_ACTION } from '../../../lib/drift/permissions';

function build(props: Partial<ConstructorParameters<typeof DriftDetectionSchedule>[2]> = {}) {
  const app = new App();
  const stack = new Stack(app, 'Ops');
  const topic = new sns.Topic(stack, 'Incidents', {
    masterKey: new kms.Key(stack, 'TopicKey', { enableKeyRotation: true }),
  });
  const drift = new DriftDetectionSchedule(stack, 'Drift', {
    source: codebuild.Source.gitHub({ owner: 'acme', repo: 'platform' }),
    incidentTopic: topic,
    stacks: ['Shop'],
    ...props,
  });
  return { stack, drift, template: Template.fromStack(stack) };
}

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Sid?: string };

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

describe('DriftDetectionSchedule', () => {
  test('EventBridge Scheduler starts the CodeBuild project, daily by default', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 day)',
      Target: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DriftProject'), 'Arn'] } },
    });
    const { template: weekly } = build({
      schedule: scheduler.ScheduleExpression.rate(Duration.days(7)),
    });
    weekly.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(7 days)' });
  });

  test("the project's read policy is exactly the drift policy, from the same permissions table", () => {
    const { template } = build();
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'codebuild.amazonaws.com' } }] },
      },
    });
    const [role] = Object.values(roles) as {
      Properties: { Policies: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[] };
    }[];
    const read = role!.Properties.Policies.find((p) => p.PolicyName === 'DriftReadOnly')!;
    expect(read.PolicyDocument.Statement).toEqual([
      { Sid: 'BulwarkDriftReadOnly', Effect: 'Allow', Action: driftActions(), Resource: '*' },
    ]);
    for (const a of actionsOf(read.PolicyDocument.Statement)) expect(a).toMatch(READ_ONLY_ACTION);
  });

  test('its only writes: Security Hub import on its own product, the incident topic, its build logs and reports', () => {
    const { template } = build();
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DriftRole') }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument
          .Statement,
    );
    const writes = actionsOf(statements).filter((a) => !READ_ONLY_ACTION.test(a));
    const allowed = [
      'securityhub:BatchImportFindings',
      'sns:Publish',
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'codebuild:CreateReportGroup',
      'codebuild:CreateReport',
      'codebuild:UpdateReport',
      'codebuild:BatchPutTestCases',
      'codebuild:BatchPutCodeCoverages',
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
    ];
    for (const w of writes) expect(allowed).toContain(w);
    const importStatement = statements.find((s) => s.Sid === 'ImportFindings')!;
    expect(JSON.stringify(importStatement.Resource)).toContain(':product/');
  });

  test('the build runs bulwark drift, converts to ASFF, imports and notifies', () => {
    const { template } = build({ failOn: 'medium' });
    const projects = template.findResources('AWS::CodeBuild::Project');
    const project = Object.values(projects)[0] as {
      Properties: {
        Source: { BuildSpec: string };
        Environment: { PrivilegedMode: boolean; EnvironmentVariables: { Name: string; Value: unknown }[] };
      };
    };
    const spec = project.Properties.Source.BuildSpec;
    expect(spec).toContain(
      'npx bulwark drift --app cdk.out --stack Shop --fail-on \\"$BULWARK_FAIL_ON\\" --format json --output drift.json',
    );
    expect(spec).toContain("require('bulwark').writeDriftOutputs('drift.json', 'drift-out')");
    expect(spec).toContain('aws securityhub batch-import-findings');
    expect(spec).toContain('aws sns publish --topic-arn \\"$INCIDENT_TOPIC_ARN\\"');
    expect(project.Properties.Environment.PrivilegedMode).toBe(false);
    expect(project.Properties.Environment.EnvironmentVariables).toEqual(
      expect.arrayContaining([{ Name: 'BULWARK_FAIL_ON', Type: 'PLAINTEXT', Value: 'medium' }]),
    );
  });

  test('without Security Hub, no import step and no import permission', () => {
    const { template } = build({ publishToSecurityHub: false });
    const spec = (
      Object.values(template.findResources('AWS::CodeBuild::Project'))[0] as {
        Properties: { Source: { BuildSpec: string } };
      }
    ).Properties.Source.BuildSpec;
    expect(spec).not.toContain('batch-import-findings');
    expect(JSON.stringify(template.toJSON())).not.toContain('securityhub:BatchImportFindings');
  });

  test('build logs are a classified log group with a key and a year of retention', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 365,
      KmsKeyId: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::CodeBuild::Project', {
      LogsConfig: { CloudWatchLogs: { Status: 'ENABLED', GroupName: Match.anyValue() } },
      EncryptionKey: Match.anyValue(),
    });
  });

  test('props are validated eagerly', () => {
    expect(() => build({ stacks: ['Shop; rm -rf /'] })).toThrow(/BULWARK_STACK_NAME/);
  });
});
