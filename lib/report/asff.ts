import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from '../engine/rule';
import { driftDifferences, driftFingerprint, driftHeadline } from './drift';
import type { Report, ReportDriftEntry, ReportFinding } from './model';
import { readJsonReport } from './json';
import { fingerprint } from './sarif';

/** ASFF severity labels. */
export type AsffSeverityLabel = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** A finding in the AWS Security Finding Format, as `BatchImportFindings` takes it (the fields Bulwark sets). */
export interface AsffFinding {
  readonly SchemaVersion: '2018-10-08';
  readonly Id: string;
  readonly ProductArn: string;
  readonly GeneratorId: string;
  readonly AwsAccountId: string;
  readonly Region?: string;
  readonly Types: readonly string[];
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Severity: { readonly Label: AsffSeverityLabel };
  readonly Title: string;
  readonly Description: string;
  readonly Resources: readonly {
    readonly Type: string;
    readonly Id: string;
    readonly Partition?: 'aws';
    readonly Region?: string;
    readonly Details?: { readonly Other: Readonly<Record<string, string>> };
  }[];
  readonly Compliance?: {
    readonly Status: 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE';
    readonly RelatedRequirements?: readonly string[];
  };
  readonly Remediation?: { readonly Recommendation: { readonly Text: string; readonly Url?: string } };
  readonly ProductFields?: Readonly<Record<string, string>>;
  readonly RecordState: 'ACTIVE';
}

/** Where the findings go and when they were made. */
export interface AsffContext {
  /** Account the findings are about (default: the report's drift account). */
  readonly accountId?: string;
  /** Region (default: the report's drift region). */
  readonly region?: string;
  /** Time of the findings (default now). */
  readonly now?: Date;
}

const LABEL: Readonly<Record<Severity, AsffSeverityLabel>> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
};

/** ASFF resource types of the CloudFormation types drift reads; others are `Other`. */
const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::EC2::SecurityGroup': 'AwsEc2SecurityGroup',
  'AWS::EC2::VPC': 'AwsEc2Vpc',
  'AWS::EC2::Subnet': 'AwsEc2Subnet',
  'AWS::EC2::Volume': 'AwsEc2Volume',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::DynamoDB::Table': 'AwsDynamoDbTable',
  'AWS::RDS::DBInstance': 'AwsRdsDbInstance',
  'AWS::RDS::DBCluster': 'AwsRdsDbCluster',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::Backup::BackupVault': 'AwsBackupBackupVault',
  'AWS::Backup::BackupPlan': 'AwsBackupBackupPlan',
  'AWS::GuardDuty::Detector': 'AwsGuardDutyDetector',
};

/** ASFF limits: Title 256 characters, Description 1024, RelatedRequirements 32 entries. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
}

/** The ARN of a deployed resource where its physical id allows, else the id (or the address). */
export function resourceId(
  type: string,
  id: string | undefined,
  address: string,
  region: string,
  account: string,
): string {
  if (!id) return address;
  if (id.startsWith('arn:')) return id;
  switch (type) {
    case 'AWS::S3::Bucket':
      return `arn:aws:s3:::${id}`;
    case 'AWS::KMS::Key':
      return `arn:aws:kms:${region}:${account}:key/${id}`;
    case 'AWS::EC2::SecurityGroup':
      return `arn:aws:ec2:${region}:${account}:security-group/${id}`;
    case 'AWS::EC2::VPC':
      return `arn:aws:ec2:${region}:${account}:vpc/${id}`;
    case 'AWS::EC2::Subnet':
      return `arn:aws:ec2:${region}:${account}:subnet/${id}`;
    case 'AWS::EC2::Volume':
      return `arn:aws:ec2:${region}:${account}:volume/${id}`;
    case 'AWS::CloudTrail::Trail':
      return `arn:aws:cloudtrail:${region}:${account}:trail/${id}`;
    case 'AWS::DynamoDB::Table':
      return `arn:aws:dynamodb:${region}:${account}:table/${id}`;
    case 'AWS::Logs::LogGroup':
      return `arn:aws:logs:${region}:${account}:log-group:${id}`;
    case 'AWS::RDS::DBInstance':
      return `arn:aws:rds:${region}:${account}:db:${id}`;
    case 'AWS::RDS::DBCluster':
      return `arn:aws:rds:${region}:${account}:cluster:${id}`;
    case 'AWS::Backup::BackupVault':
      return `arn:aws:backup:${region}:${account}:backup-vault:${id}`;
    default:
      return id;
  }
}

function base(ctx: Required<AsffContext>, id: string, generator: string, severity: Severity) {
  const now = ctx.now.toISOString();
  return {
    SchemaVersion: '2018-10-08' as const,
    Id: id,
    ProductArn: `arn:aws:securityhub:${ctx.region}:${ctx.accountId}:product/${ctx.accountId}/default`,
    GeneratorId: generator,
    AwsAccountId: ctx.accountId,
    Region: ctx.region,
    CreatedAt: now,
    UpdatedAt: now,
    Severity: { Label: LABEL[severity] },
    RecordState: 'ACTIVE' as const,
  };
}

function driftFinding(e: ReportDriftEntry, ctx: Required<AsffContext>): AsffFinding {
  const title =
    e.kind === 'changed'
      ? `Drift: ${e.name} ${e.fact ?? ''} changed outside the pipeline`
      : `Drift: ${e.name} is ${e.kind === 'missing' ? 'not deployed' : e.kind}`;
  return {
    ...base(
      ctx,
      `bulwark-drift/${ctx.accountId}/${ctx.region}/${driftFingerprint(e)}`,
      'bulwark/BW-DRIFT',
      e.severity,
    ),
    Types: ['Software and Configuration Checks/AWS Security Best Practices'],
    Title: clip(title, 256),
    Description: clip(e.message, 1024),
    Resources: [
      {
        Type: RESOURCE_TYPES[e.type] ?? 'Other',
        Id: resourceId(e.type, e.physicalId, e.address, ctx.region, ctx.accountId),
        Partition: 'aws',
        Region: ctx.region,
        Details: {
          Other: {
            address: clip(e.address, 1024),
            cloudFormationType: e.type,
            ...(e.path ? { constructPath: clip(e.path, 1024) } : {}),
          },
        },
      },
    ],
    Compliance: {
      Status: e.kind === 'unreadable' ? 'WARNING' : 'FAILED',
      ...(e.controls.length > 0 ? { RelatedRequirements: e.controls.slice(0, 32) } : {}),
    },
    Remediation: {
      Recommendation: {
        Text: clip(
          'Redeploy the desired state through the pipeline (or change it there if the live change is wanted), and find who changed it in CloudTrail.',
          512,
        ),
      },
    },
    ProductFields: {
      'bulwark/kind': e.kind,
      'bulwark/rules': e.rules.join(',') || 'none',
      ...(e.fact ? { 'bulwark/fact': e.fact } : {}),
    },
  };
}

function liveFinding(f: ReportFinding, ctx: Required<AsffContext>): AsffFinding {
  return {
    ...base(
      ctx,
      `bulwark-live/${ctx.accountId}/${ctx.region}/${fingerprint(f)}`,
      `bulwark/${f.ruleId}`,
      f.severity,
    ),
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    Title: clip(`${f.ruleId}: ${f.title}`, 256),
    Description: clip(f.message, 1024),
    Resources: [
      {
        Type: RESOURCE_TYPES[f.resource.type] ?? 'Other',
        Id: f.resource.address,
        Partition: 'aws',
        Region: ctx.region,
        Details: {
          Other: {
            cloudFormationType: f.resource.type,
            ...(f.resource.path ? { constructPath: f.resource.path } : {}),
          },
        },
      },
    ],
    Compliance: {
      Status: f.status === 'unknown' ? 'WARNING' : 'FAILED',
      ...(f.controls.length > 0 ? { RelatedRequirements: f.controls.slice(0, 32) } : {}),
    },
    Remediation: { Recommendation: { Text: clip(f.fix, 512) } },
    ProductFields: { 'bulwark/rule': f.ruleId, 'bulwark/enforcement': f.enforcement },
  };
}

/**
 * The drift report as ASFF findings: one per drift difference (not-checked types are left out) and
 * one per open live finding (failures and unknowns not covered by a suppression). Ids are stable
 * across runs (they hash the resource, rule and fact), so Security Hub updates a finding instead of
 * adding a new one each run.
 */
export function toAsff(report: Report, context: AsffContext = {}): AsffFinding[] {
  const accountId = context.accountId ?? report.drift?.account;
  const region = context.region ?? report.drift?.region;
  if (!accountId || !region)
    throw new Error('ASFF findings need the account and region (the drift report names them)');
  const ctx: Required<AsffContext> = { accountId, region, now: context.now ?? new Date() };
  const drift = report.drift ? driftDifferences(report.drift).map((e) => driftFinding(e, ctx)) : [];
  const live = report.findings
    .filter((f) => (f.status === 'fail' || f.status === 'unknown') && !f.suppressed)
    .map((f) => liveFinding(f, ctx));
  return [...drift, ...live];
}

/** `BatchImportFindings` takes at most 100 findings a call. */
export function asffBatches<T>(findings: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < findings.length; i += size) out.push(findings.slice(i, i + size));
  return out;
}

/** A short plain-text summary of a drift report, for an incident notification. */
export function driftSummary(report: Report, max = 20): string {
  const lines: string[] = [];
  if (report.drift) {
    lines.push(`Bulwark drift: ${driftHeadline(report.drift)}`);
    const diffs = driftDifferences(report.drift).filter((e) => e.gating);
    for (const e of diffs.slice(0, max)) lines.push(`- [${e.severity}] ${e.kind}: ${e.message}`);
    if (diffs.length > max) lines.push(`- ... and ${diffs.length - max} more`);
  }
  const s = report.summary;
  lines.push(`Live state: ${s.failed} failed, ${s.unknown} unknown, ${s.gating} gating (pack ${s.pack.id}).`);
  if (report.incomplete.length > 0) lines.push(`Incomplete: ${report.incomplete.length} part(s) not read.`);
  return `${lines.join('\n')}\n`;
}

/**
 * The scheduled job's conversion step: read a `bulwark drift --format json` report and write
 * `asff-NNN.json` batches (each a JSON array for `aws securityhub batch-import-findings --findings
 * file://...`) and `summary.txt` (for the incident topic) into `outDir`. Returns the files written.
 */
export function writeDriftOutputs(reportFile: string, outDir: string, context: AsffContext = {}): string[] {
  const report = readJsonReport(fs.readFileSync(reportFile, 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  asffBatches(toAsff(report, context)).forEach((batch, i) => {
    const file = path.join(outDir, `asff-${String(i).padStart(3, '0')}.json`);
    fs.writeFileSync(file, JSON.stringify(batch));
    files.push(file);
  });
  const summary = path.join(outDir, 'summary.txt');
  fs.writeFileSync(summary, driftSummary(report));
  files.push(summary);
  return files;
}
