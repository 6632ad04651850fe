import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { IncidentRouting } from '../../../lib/aws/incident';
import { evaluateStack } from './evaluate-stack';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

function stack(): Stack {
  return new Stack(new App(), 'S');
}

/** The response-time targets of the security model, per severity class. */
const TARGETS = { critical: '15 min', high: '1 h', medium: '4 h', low: '24 h' } as const;

function tagsOf(props: Record<string, unknown>): Record<string, string> {
  const tags = (props.Tags ?? []) as { Key: string; Value: string }[];
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
}

/** Whether an EventBridge numeric matcher (`['>=', 7, '<', 9]`) accepts `n`. */
function numericMatches(spec: readonly (string | number)[], n: number): boolean {
  for (let i = 0; i < spec.length; i += 2) {
    const op = spec[i] as string;
    const v = spec[i + 1] as number;
    const ok =
      op === '>=' ? n >= v : op === '>' ? n > v : op === '<' ? n < v : op === '<=' ? n <= v : n === v;
    if (!ok) return false;
  }
  return true;
}

describe('IncidentRouting', () => {
  test('four encrypted topics, one per severity, with the response-time target in display name and tags', () => {
    const s = stack();
    new IncidentRouting(s, 'Incidents');
    const t = Template.fromStack(s);
    const topics = Object.values(t.findResources('AWS::SNS::Topic') as Resources);
    expect(topics).toHaveLength(4);
    const bySeverity = Object.fromEntries(topics.map((x) => [tagsOf(x.Properties)['incident-severity'], x]));
    for (const [severity, target] of Object.entries(TARGETS)) {
      const topic = bySeverity[severity]!;
      expect(topic).toBeDefined();
      expect(topic.Properties.DisplayName).toContain(target);
      expect(topic.Properties.KmsMasterKeyId).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^IncidentsKey/), 'Arn'],
      });
      expect(tagsOf(topic.Properties)['response-time']).toBe(target);
      expect(tagsOf(topic.Properties)['data-classification']).toBe('confidential');
    }
  });

  test('topics deny publishing without TLS and let CloudWatch alarms of the account publish', () => {
    const s = stack();
    new IncidentRouting(s, 'Incidents');
    const t = Template.fromStack(s);
    const policies = Object.values(t.findResources('AWS::SNS::TopicPolicy') as Resources);
    expect(policies).toHaveLength(4);
    for (const p of policies) {
      const statements = (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sns:Publish',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' } }),
      );
    }
  });

  test('the customer-managed key rotates yearly and lets EventBridge and CloudWatch alarms use it', () => {
    const s = stack();
    new IncidentRouting(s, 'Incidents');
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      RotationPeriodInDays: 365,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  test('GuardDuty findings are routed by the documented severity bands, each score to exactly one topic', () => {
    const s = stack();
    const routing = new IncidentRouting(s, 'Incidents');
    const t = Template.fromStack(s);
    const rules = Object.values(
      t.findResources('AWS::Events::Rule', {
        Properties: { EventPattern: { source: ['aws.guardduty'] } },
      }) as Resources,
    );
    expect(rules).toHaveLength(4);
    const ids = Object.fromEntries(
      (['critical', 'high', 'medium', 'low'] as const).map((sev) => [
        s.resolve(routing.topicFor(sev).topicArn).Ref,
        sev,
      ]),
    );
    const ranges = rules.map((r) => {
      const pattern = r.Properties.EventPattern as {
        'detail-type': string[];
        detail: { severity: { numeric: (string | number)[] }[] };
      };
      expect(pattern['detail-type']).toEqual(['GuardDuty Finding']);
      const target = (r.Properties.Targets as { Arn: { Ref: string } }[])[0]!.Arn.Ref;
      return { severity: ids[target]!, numeric: pattern.detail.severity[0]!.numeric };
    });
    // GuardDuty: Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0.
    const expected: [number, string][] = [
      [1.0, 'low'],
      [3.9, 'low'],
      [4.0, 'medium'],
      [6.9, 'medium'],
      [7.0, 'high'],
      [8.9, 'high'],
      [9.0, 'critical'],
      [10.0, 'critical'],
    ];
    for (const [score, severity] of expected) {
      const matched = ranges.filter((r) => numericMatches(r.numeric, score)).map((r) => r.severity);
      expect({ score, matched }).toEqual({ score, matched: [severity] });
    }
  });

  test('new, active Security Hub findings are routed by severity label, GuardDuty findings excepted', () => {
    const s = stack();
    new IncidentRouting(s, 'Incidents');
    const t = Template.fromStack(s);
    for (const label of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']) {
      t.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: {
          source: ['aws.securityhub'],
          'detail-type': ['Security Hub Findings - Imported'],
          detail: {
            findings: {
              Severity: { Label: [label] },
              Workflow: { Status: ['NEW'] },
              RecordState: ['ACTIVE'],
              ProductName: [{ 'anything-but': ['GuardDuty'] }],
            },
          },
        },
      });
    }
    t.resourceCountIs('AWS::Events::Rule', 8);
  });

  test('topicFor returns the topic of a severity, and responders are subscribed to theirs', () => {
    const s = stack();
    const routing = new IncidentRouting(s, 'Incidents', {
      responders: { critical: [new subscriptions.EmailSubscription('oncall@example.com')] },
    });
    expect(routing.topicFor('high')).toBe(routing.topics.high);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::SNS::Subscription', 1);
    t.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: s.resolve(routing.topicFor('critical').topicArn),
    });
  });

  test('grantPublish lets a principal publish to one topic or all, and use the key', () => {
    const s = stack();
    const routing = new IncidentRouting(s, 'Incidents');
    const one = new iam.Role(s, 'One', { assumedBy: new iam.AccountRootPrincipal() });
    const all = new iam.Role(s, 'All', { assumedBy: new iam.AccountRootPrincipal() });
    routing.grantPublish(one, 'critical');
    routing.grantPublish(all);
    const t = Template.fromStack(s);
    const statementsOf = (role: iam.Role) => {
      const policy = Object.values(t.findResources('AWS::IAM::Policy') as Resources).find((p) =>
        JSON.stringify(p.Properties.Roles).includes(s.getLogicalId(role.node.defaultChild as never)),
      )!;
      return (policy.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] })
        .Statement;
    };
    expect(statementsOf(one)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: 'sns:Publish',
          Resource: s.resolve(routing.topics.critical.topicArn),
        }),
        expect.objectContaining({ Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      ]),
    );
    const published = statementsOf(all).filter((x) => x.Action === 'sns:Publish');
    expect(published.flatMap((x) => (Array.isArray(x.Resource) ? x.Resource : [x.Resource]))).toHaveLength(4);
  });

  test('the engine finds nothing to report on the routing', () => {
    const verdict = evaluateStack('Incidents', (s) => void new IncidentRouting(s, 'Incidents'));
    expect(verdict.checked).toBeGreaterThan(0);
    expect(verdict.gating).toEqual([]);
    expect(verdict.findings).toEqual([]);
  });
});
