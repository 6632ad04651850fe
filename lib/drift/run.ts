import * as fs from 'node:fs';
import { GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { loadSuppressions, packOrThrow } from '../check';
import { evaluate, type Evaluation } from '../engine/evaluate';
import type { CheckContext, Rule } from '../engine/rule';
import { InputError } from '../errors';
import { ResourceGraph } from '../graph/graph';
import type { Resource } from '../graph/resource';
import type { ReportAccountFact, ReportDrift, ReportDriftEntry } from '../report/model';
import { loadInput, type LoadedInput } from '../sources';
import { readTemplateFile } from '../sources/cloudformation';
import { cloudFormationAdapters } from '../views/cloudformation';
import { displayName } from '../views/common/naming';
import { ViewSet } from '../views/registry';
import { RULES } from '../../policies/rules';
import { liveAdapters } from './adapters';
import { collectorFor, coveringParent, ResourceGone, type Collected } from './collectors';
import {
  applyingRules,
  changedEntries,
  compareEntries,
  entry,
  highest,
  RuleIndex,
  type EnabledRule,
} from './diff';
import { resolvePhysicalIds } from './physical-ids';
import { describeError, LiveReader, type AwsAccess } from './reader';

/** Options of {@link runDrift}. */
export interface DriftOptions {
  /** The desired state: a cloud assembly directory, a template directory or a template file. */
  readonly app: string;
  /** Deployed stacks to compare; default every stack of the app. */
  readonly stacks?: readonly string[];
  /** How to reach AWS (region, profile, credentials, attempts). */
  readonly aws?: AwsAccess;
  /** Resources read at once. Default 8. */
  readonly concurrency?: number;
  readonly pack?: string;
  readonly suppressionsFile?: string;
  readonly rules?: readonly Rule[];
  /** Stops scheduling reads when aborted; reads in flight finish and the report is marked incomplete. */
  readonly signal?: AbortSignal;
  /** Called once the reads are planned, and after each read. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Physical ids (address -> id) used over those CloudFormation lists: for resources of the app
   * that the stack cannot list (created outside CloudFormation, or by a tool that dropped them).
   */
  readonly physicalIds?: Readonly<Record<string, string>>;
  /** Directory report paths are relative to; default `process.cwd()`. */
  readonly cwd?: string;
  /** The live reader to use (default: one built from `aws`). */
  readonly reader?: LiveReader;
}

/** What a drift run produced. */
export interface DriftRun {
  /** The desired state. */
  readonly input: LoadedInput;
  /** The live resources read, in CloudFormation shape. */
  readonly live: ResourceGraph;
  /** Rules evaluated on the live state. */
  readonly evaluation: Evaluation;
  readonly drift: ReportDrift;
  /** Parts not read: interruption, unreadable resources. */
  readonly incomplete: readonly string[];
  readonly suppressionsFile?: string;
  /** Requests sent, by service and operation. */
  readonly sent: ReadonlyMap<string, number>;
}

type ReadResult =
  | { readonly status: 'read'; readonly collected: Collected }
  | { readonly status: 'gone'; readonly detail: string }
  | { readonly status: 'error'; readonly error: string };

interface Task {
  readonly resource: Resource;
  readonly physicalId: string;
  result?: ReadResult;
}

/**
 * Run tasks with at most `limit` in flight. Once `signal` is aborted no further task starts; those
 * in flight finish.
 */
export async function runLimited<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++]!;
      await worker(item);
    }
  });
  await Promise.all(lanes);
}

function readDesired(app: string, stacks: readonly string[] | undefined): LoadedInput {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(app);
  } catch {
    throw new InputError(
      'BULWARK_PATH_NOT_FOUND',
      app,
      'no such file or directory (give --app a cloud assembly or a template)',
    );
  }
  if (stat.isFile() && stacks?.length === 1) {
    // A template file names no stack: the one --stack given is its deployed name.
    const read = readTemplateFile(app, stacks[0]);
    return { graph: new ResourceGraph(read.resources), artifacts: read.templates };
  }
  return loadInput([app]);
}

function inStack(r: Resource, stacks: readonly string[]): boolean {
  return r.stack !== undefined && stacks.some((s) => r.stack === s || r.stack!.startsWith(`${s}/`));
}

/**
 * `bulwark drift`: read the desired state, find each resource's physical id, read its live
 * configuration, derive live views with the same adapters, then report (a) the security facts that
 * differ, each with the rules and controls it touches, and (b) rule results on the live state.
 * It only reads: every request goes through the permissions table.
 */
export async function runDrift(opts: DriftOptions): Promise<DriftRun> {
  const started = Date.now();
  const cwd = opts.cwd ?? process.cwd();
  const pack = packOrThrow(opts.pack);
  const input = readDesired(opts.app, opts.stacks);
  const desired = input.graph;
  const all = [...new Set(input.artifacts.map((t) => t.stack).filter((s) => !s.includes('/')))];
  for (const s of opts.stacks ?? []) {
    if (!all.includes(s))
      throw new InputError(
        'BULWARK_STACK_NOT_FOUND',
        s,
        `the app has no such stack (its stacks: ${all.join(', ') || 'none'})`,
      );
  }
  const stacks = opts.stacks && opts.stacks.length > 0 ? [...new Set(opts.stacks)] : all;

  const reader = opts.reader ?? new LiveReader(opts.aws);
  let account: string | undefined;
  let region: string | undefined;
  try {
    region = await reader.region();
    account = (await reader.send(new GetCallerIdentityCommand({}))).Account;
  } catch (e) {
    throw new InputError(
      'BULWARK_AWS_ACCESS',
      'AWS',
      `cannot reach AWS (${describeError(e)}); set credentials (AWS_PROFILE or --profile, or AWS_ACCESS_KEY_ID) and a region (--region or AWS_REGION)`,
    );
  }

  const found = await resolvePhysicalIds(reader, desired, stacks);
  const ids = found.ids;
  for (const [address, id] of Object.entries(opts.physicalIds ?? {})) ids.set(address, id);

  // Plan: what is read, what another resource's read covers, what cannot be read.
  const tasks: Task[] = [];
  const missing: { resource: Resource; detail: string }[] = [];
  const notChecked: { resource: Resource; detail: string }[] = [];
  const assumed: Resource[] = [];
  const adapters = cloudFormationAdapters();
  const selected = [...desired.all()].filter((r) => inStack(r, stacks));
  for (const r of selected) {
    const collector = collectorFor(r.type);
    if (collector) {
      const physicalId = ids.of(r.address);
      if (physicalId) tasks.push({ resource: r, physicalId });
      else if (r.condition !== undefined && !found.absent.has(r.address))
        notChecked.push({
          resource: r,
          detail: `not deployed: its condition \`${r.condition}\` is false, or the stack is not updated`,
        });
      else
        missing.push({
          resource: r,
          detail: found.absent.has(r.address)
            ? `its stack lists it as ${found.absent.get(r.address)}`
            : `it is not among stack \`${r.stack}\`'s resources (not deployed yet, or created outside the stack)`,
        });
      continue;
    }
    if (coveringParent(r, desired)) continue;
    notChecked.push({ resource: r, detail: `drift does not read ${r.type} live` });
    // Resources without views of their own configure others (a WAF association, a queue policy):
    // their desired configuration is assumed, so the views of the resources that are read stay whole.
    if (!adapters.adapterFor(r.type)) assumed.push(r);
  }

  let done = 0;
  opts.onProgress?.(0, tasks.length);
  await runLimited(
    tasks,
    opts.concurrency ?? 8,
    async (task) => {
      const collector = collectorFor(task.resource.type)!;
      try {
        const collected = await collector.collect({
          desired: task.resource,
          physicalId: task.physicalId,
          graph: desired,
          ids,
          aws: reader,
        });
        task.result = { status: 'read', collected };
      } catch (e) {
        task.result =
          e instanceof ResourceGone
            ? { status: 'gone', detail: e.detail }
            : { status: 'error', error: describeError(e) };
      }
      opts.onProgress?.(++done, tasks.length);
    },
    opts.signal,
  );

  const accountFacts = await readAccountFacts(reader);

  // The live graph.
  const live = new ResourceGraph();
  for (const t of tasks) {
    if (t.result?.status !== 'read') continue;
    for (const r of t.result.collected.resources) if (!live.get(r.address)) live.add(r);
  }
  for (const r of assumed) if (!live.get(r.address)) live.add(r);

  const { suppressions, file: suppressionsFile } = loadSuppressions(opts.suppressionsFile);
  const rules = opts.rules ?? RULES;
  const evaluation = evaluate({ graph: live, adapters: liveAdapters(), rules, pack, suppressions });

  // Drift entries.
  const index = new RuleIndex(rules, pack);
  const desiredViews = new ViewSet(desired, adapters);
  const liveViews = new ViewSet(live, liveAdapters());
  const ctx: CheckContext = {
    viewOf: (address, kind) => desiredViews.viewOf(address, kind),
    viewsOfKind: (kind) => desiredViews.ofKind(kind),
  };
  const entries: ReportDriftEntry[] = [];
  const incomplete: string[] = [];
  const unknownGates = pack.unknownGates !== false;
  const rulesOf = (r: Resource): EnabledRule[] => applyingRules(desiredViews.of(r), index, ctx);
  const counts = { changed: 0, deleted: 0, missing: 0, unreadable: 0, notChecked: 0, read: 0 };

  for (const t of tasks) {
    const r = t.resource;
    const name = displayName(r);
    const result = t.result;
    if (!result) {
      counts.unreadable++;
      entries.push(
        entry({
          kind: 'unreadable',
          resource: r,
          name,
          physicalId: t.physicalId,
          rules: rulesOf(r),
          severity: highest(rulesOf(r).map((x) => x.rule.severity)),
          gating: false,
          message: `\`${name}\` was not read: the run was interrupted`,
          cwd,
        }),
      );
      continue;
    }
    if (result.status === 'gone') {
      counts.deleted++;
      const touched = rulesOf(r);
      entries.push(
        entry({
          kind: 'deleted',
          resource: r,
          name,
          physicalId: t.physicalId,
          rules: touched,
          severity: highest(
            touched.map((x) => x.rule.severity),
            'high',
          ),
          gating: true,
          message: `\`${name}\` (${r.type} \`${t.physicalId}\`) was deleted outside the pipeline (${result.detail})`,
          cwd,
        }),
      );
      continue;
    }
    if (result.status === 'error') {
      counts.unreadable++;
      const touched = rulesOf(r);
      entries.push(
        entry({
          kind: 'unreadable',
          resource: r,
          name,
          physicalId: t.physicalId,
          rules: touched,
          severity: highest(touched.map((x) => x.rule.severity)),
          gating: unknownGates && touched.length > 0,
          message: `\`${name}\` could not be read: ${result.error}`,
          cwd,
        }),
      );
      incomplete.push(`live state of ${r.address} (${t.physicalId}) could not be read: ${result.error}`);
      continue;
    }
    counts.read++;
    const liveResource = live.get(r.address);
    const changed = liveResource
      ? changedEntries({
          desired: desiredViews.of(r),
          live: liveViews.of(liveResource),
          rules: index,
          ctx,
          physicalId: t.physicalId,
          cwd,
        })
      : [];
    if (changed.length > 0) counts.changed++;
    entries.push(...changed);
    const unknownRules = new Set(
      result.collected.readErrors.length === 0
        ? []
        : evaluation.results
            .filter((res) => res.resource.address === r.address && res.outcome === 'unknown')
            .map((res) => res.rule.id),
    );
    for (const err of result.collected.readErrors) {
      const touched = liveResource
        ? [...new Set(liveViews.of(liveResource).flatMap((v) => index.of(v.kind)))].filter((x) =>
            unknownRules.has(x.rule.id),
          )
        : [];
      entries.push(
        entry({
          kind: 'unreadable',
          resource: r,
          name,
          physicalId: t.physicalId,
          fact: err.property,
          rules: touched,
          severity: highest(touched.map((x) => x.rule.severity)),
          gating: unknownGates && touched.length > 0,
          message: `\`${name}\`: \`${err.property}\` could not be read (${err.error})`,
          cwd,
        }),
      );
    }
    if (result.collected.readErrors.length > 0) counts.unreadable++;
  }
  for (const m of missing) {
    counts.missing++;
    const name = displayName(m.resource);
    const touched = rulesOf(m.resource);
    entries.push(
      entry({
        kind: 'missing',
        resource: m.resource,
        name,
        rules: touched,
        severity: highest(
          touched.map((x) => x.rule.severity),
          'high',
        ),
        gating: true,
        message: `\`${name}\` (${m.resource.type}) is not deployed: ${m.detail}`,
        cwd,
      }),
    );
  }
  for (const n of notChecked) {
    counts.notChecked++;
    const name = displayName(n.resource);
    const touched = rulesOf(n.resource);
    entries.push(
      entry({
        kind: 'not-checked',
        resource: n.resource,
        name,
        physicalId: ids.of(n.resource.address),
        rules: touched,
        severity: highest(touched.map((x) => x.rule.severity)),
        gating: false,
        message: `\`${name}\` (${n.resource.type}) was not checked: ${n.detail}`,
        cwd,
      }),
    );
  }
  const unread = tasks.filter((t) => !t.result).length;
  if (unread > 0) incomplete.unshift(`interrupted: ${unread} of ${tasks.length} resources were not read`);

  return {
    input,
    live,
    evaluation,
    suppressionsFile,
    incomplete,
    sent: reader.sent,
    drift: {
      ...(account ? { account } : {}),
      ...(region ? { region } : {}),
      stacks,
      resources: {
        desired: selected.length,
        read: counts.read,
        changed: counts.changed,
        deleted: counts.deleted,
        missing: counts.missing,
        unreadable: counts.unreadable,
        notChecked: counts.notChecked,
      },
      requests: reader.requests,
      durationMs: Date.now() - started,
      entries: entries.sort(compareEntries),
      accountFacts,
    },
  };
}

/** Facts of the account and region: EBS encryption by default (new volumes encrypted or not). */
async function readAccountFacts(reader: LiveReader): Promise<ReportAccountFact[]> {
  try {
    const out = await reader.send(new GetEbsEncryptionByDefaultCommand({}));
    return [
      {
        name: 'ebs-encryption-by-default',
        value: out.EbsEncryptionByDefault ?? false,
        detail: out.EbsEncryptionByDefault
          ? 'new EBS volumes and snapshot copies in this region are encrypted'
          : 'new EBS volumes in this region are encrypted only when their template or launch settings ask for it',
      },
    ];
  } catch (e) {
    return [{ name: 'ebs-encryption-by-default', value: 'unknown', detail: describeError(e) }];
  }
}
