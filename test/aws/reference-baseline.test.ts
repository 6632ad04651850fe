import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BaselineBackups } from '../../lib/aws/baseline/backups';
import { DisasterRecoveryStack } from '../../lib/aws/baseline/disaster-recovery';
import { drRegionFor, placeholderCertificateArn } from '../../lib/aws/baseline/settings';
import {
  BASELINE_STACK_NAME,
  addReferenceBaseline,
  type ReferenceBaseline,
} from '../../lib/aws/reference-baseline';
import { ClassifiedObjectStore } from '../../lib/aws/stores';
import { CLASSIFICATION_TAG, Classification, LEVELS, tagValue } from '../../lib/classification';
import { checkGraph } from '../../lib/check';
import { gates, type Evaluation } from '../../lib/engine/evaluate';
import type { RuleResult } from '../../lib/engine/result';
import { loadInput } from '../../lib/sources';

/** The feature flags `npx cdk synth` uses. */
const CONTEXT = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8')).context as Record<
  string,
  unknown
>;

/**
 * cdk-nag AwsSolutions rules that fire on the baseline, each justified in README.md ("Reference
 * baseline"). A rule outside this list is a new finding: fix it or justify it there.
 */
const JUSTIFIED_NAG_RULES = ['IAM4', 'IAM5', 'VPC3', 'EC23'];

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

const show = (r: RuleResult) => `${r.rule.id} ${r.outcome} ${r.resource.path}: ${r.message}`;

function tagOf(resource: { Properties?: Record<string, unknown> }, key: string): string | undefined {
  const tags = (resource.Properties?.Tags ?? []) as { Key: string; Value: string }[];
  return tags.find((t) => t.Key === key)?.Value;
}

describe('reference baseline', () => {
  let outdir: string;
  let app: App;
  let stacks: ReferenceBaseline;
  let evaluation: Evaluation;
  let template: Template;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-baseline-'));
    app = new App({ context: CONTEXT, outdir, builtinCloudFormationValidation: false });
    stacks = addReferenceBaseline(app, { region: 'us-east-1' });
    app.synth();
    evaluation = checkGraph(loadInput([outdir]).graph).evaluation;
    template = Template.fromStack(stacks.baseline);
  }, 180_000);

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('the engine finds no gating result', () => {
    expect(evaluation.viewErrors).toEqual([]);
    expect(evaluation.results.filter((r) => gates(r, evaluation.pack)).map(show)).toEqual([]);
  });

  test('every finding is suppressed with a reason', () => {
    const findings = evaluation.results.filter((r) => r.outcome === 'fail' || r.outcome === 'unknown');
    const unexplained = findings.filter(
      (r) => !r.suppression || r.suppression.expired || r.suppression.suppression.reason.trim() === '',
    );
    expect(unexplained.map(show)).toEqual([]);
    // The engine saw the estate: thousands of checks, most of them passing.
    expect(evaluation.results.filter((r) => r.outcome === 'pass').length).toBeGreaterThan(400);
  });

  test('every acknowledgement of a Bulwark rule still suppresses a finding', () => {
    const stale: string[] = [];
    for (const c of app.node.findAll()) {
      for (const m of c.node.metadata) {
        if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const id of Object.keys(m.data as Record<string, string>)) {
          const rule = /^Bulwark::(BW-[A-Z]+-\d+)$/.exec(id)?.[1];
          if (!rule) continue;
          const used = evaluation.results.some(
            (r) =>
              r.rule.id === rule &&
              r.suppression?.suppression.origin === 'cdk-acknowledgement' &&
              (r.resource.path === c.node.path || r.resource.path?.startsWith(`${c.node.path}/`)),
          );
          if (!used) stale.push(`${rule} on ${c.node.path}`);
        }
      }
    }
    expect(stale).toEqual([]);
  });

  test('both stacks are evaluated and stay under the CloudFormation resource limit', () => {
    const stacksSeen = new Set(evaluation.results.map((r) => r.resource.address.split('/')[0]));
    expect([...stacksSeen].sort()).toEqual([BASELINE_STACK_NAME, `${BASELINE_STACK_NAME}-DR`]);
    for (const s of [stacks.baseline, stacks.disasterRecovery]) {
      const count = Object.keys(Template.fromStack(s).toJSON().Resources as Resources).length;
      expect(count).toBeLessThan(500);
    }
  });

  test('one object store of each of the five levels, tagged with its level', () => {
    const stores = stacks.baseline.node.findAll().filter((c) => c instanceof ClassifiedObjectStore);
    expect(stores.map((s) => s.classification).sort()).toEqual([...LEVELS].sort());
    const buckets = template.findResources('AWS::S3::Bucket') as Resources;
    for (const store of stores) {
      const id = stacks.baseline.getLogicalId(store.bucket.node.defaultChild as CfnElement);
      expect(tagOf(buckets[id]!, CLASSIFICATION_TAG)).toBe(tagValue(store.classification));
    }
  });

  test('one store of every other kind, at the level the composition gives it', () => {
    const expected: [string, Classification][] = [
      ['AWS::DynamoDB::Table', Classification.CONFIDENTIAL],
      ['AWS::RDS::DBCluster', Classification.RESTRICTED],
      ['AWS::SQS::Queue', Classification.INTERNAL],
      ['AWS::SecretsManager::Secret', Classification.RESTRICTED],
      ['AWS::EC2::Volume', Classification.TOP_SECRET],
    ];
    for (const [type, level] of expected) {
      const found = Object.values(template.findResources(type) as Resources);
      expect(found.length).toBeGreaterThan(0);
      for (const r of found) expect(tagOf(r, CLASSIFICATION_TAG)).toBe(tagValue(level));
    }
    const topic = stacks.baseline.data.topic.topic.node.defaultChild as CfnElement;
    const topics = template.findResources('AWS::SNS::Topic') as Resources;
    expect(tagOf(topics[stacks.baseline.getLogicalId(topic)]!, CLASSIFICATION_TAG)).toBe('confidential');
    const group = stacks.baseline.data.logGroup.logGroup.node.defaultChild as CfnElement;
    const groups = template.findResources('AWS::Logs::LogGroup') as Resources;
    const appLogs = groups[stacks.baseline.getLogicalId(group)]!;
    expect(tagOf(appLogs, CLASSIFICATION_TAG)).toBe('confidential');
    expect(appLogs.Properties?.DataProtectionPolicy).toBeDefined();
  });

  test('every log group of the stack is encrypted with a KMS key', () => {
    const groups = Object.entries(template.findResources('AWS::Logs::LogGroup') as Resources);
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.filter(([, g]) => g.Properties?.KmsKeyId === undefined).map(([id]) => id)).toEqual([]);
  });

  test('a backup plan per level from INTERNAL up, copying RESTRICTED and TOP_SECRET to the DR vaults', () => {
    const backups = stacks.baseline.backups;
    expect(backups).toBeInstanceOf(BaselineBackups);
    expect(Object.keys(backups.byLevel).sort()).toEqual(
      [
        Classification.INTERNAL,
        Classification.CONFIDENTIAL,
        Classification.RESTRICTED,
        Classification.TOP_SECRET,
      ].sort(),
    );
    const plans = Object.values(template.findResources('AWS::Backup::BackupPlan') as Resources);
    expect(plans).toHaveLength(4);
    const copies = JSON.stringify(plans.map((p) => p.Properties));
    const dr = drRegionFor('us-east-1');
    for (const level of ['restricted', 'top-secret']) {
      expect(copies).toContain(`:backup:${dr}:`);
      expect(copies).toContain(`:backup-vault:bulwark-dr-${level}`);
    }
    expect(stacks.disasterRecovery).toBeInstanceOf(DisasterRecoveryStack);
    expect(stacks.disasterRecovery.region).toBe(dr);
    const vaults = Template.fromStack(stacks.disasterRecovery);
    vaults.resourceCountIs('AWS::Backup::BackupVault', 2);
    vaults.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'bulwark-dr-restricted',
      LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 180, ChangeableForDays: 3 },
    });
    vaults.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'bulwark-dr-top-secret',
      LockConfiguration: { MinRetentionDays: 29, MaxRetentionDays: 30, ChangeableForDays: 3 },
    });
  });

  test('backup roles carry the clearance of their level', () => {
    const roles = Object.values(template.findResources('AWS::IAM::Role') as Resources).filter(
      (r) =>
        (r.Properties?.AssumeRolePolicyDocument as object | undefined) &&
        JSON.stringify(r.Properties?.AssumeRolePolicyDocument).includes('backup.amazonaws.com'),
    );
    expect(roles.map((r) => tagOf(r, 'clearance')).sort()).toEqual(
      ['confidential', 'internal', 'restricted', 'top-secret'].sort(),
    );
  });

  test('the public entry point: internet-facing load balancer, CONFIDENTIAL TLS policy, WAF, sandboxed service', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
      Certificates: [
        { CertificateArn: Stack.of(stacks.baseline).resolve(placeholderCertificateArn(stacks.baseline)) },
      ],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }],
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } },
    });
  });

  test('the certificate comes from the `certificateArn` context when given', () => {
    const arn = 'arn:aws:acm:eu-central-1:111122223333:certificate/11111111-2222-3333-4444-555555555555';
    const other = new App({ context: { ...CONTEXT, certificateArn: arn } });
    const { baseline } = addReferenceBaseline(other, { region: 'eu-central-1' });
    const listener = baseline.web.listeners.httpsListener.node.defaultChild as elbv2.CfnListener;
    expect(baseline.resolve(listener.certificates)).toEqual([{ certificateArn: arn }]);
    // A baseline in the default DR region copies to the fallback region instead.
    expect(baseline.drRegion).toBe('eu-west-1');
  });

  test(`cdk-nag AwsSolutions fires only the rules README.md justifies (${JUSTIFIED_NAG_RULES.join(', ')})`, () => {
    const fired = new Set(
      new AwsSolutionsChecks()
        .validateScope(app)
        .violations.map((v) => /^AwsSolutions-([A-Z]+\d+)/.exec(v.ruleName)?.[1] ?? v.ruleName),
    );
    expect([...fired].filter((r) => !JUSTIFIED_NAG_RULES.includes(r))).toEqual([]);
  });
});
