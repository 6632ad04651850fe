import * as fs from 'node:fs';
import { GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { loadSuppressions, packOrThrow } from '../check';
import { evaluate, type Evaluation } from '../engine/evaluate';
import { RuleIndex, type EnabledRule } from '../engine/check-view';
import type { Pack } from '../engine/pack';
import type { CheckContext, Rule, Severity } from '../engine/rule';
import { InputError } from '../errors';
import { ResourceGraph } from '../graph/graph';
import type { Resource } from '../graph/resource';
import type { ReportAccountFact, ReportDrift, ReportDriftEntry } from './model';
import { adaptersForAll, loadInput, type LoadedInput } from '../sources';
import { displayName } from '../views/common/naming';
import { ViewSet } from '../views/registry';
import { RULES } from '../../policies/rules';
import { liveAdapters } from './adapters';
import { collectorFor, coveringParent, ResourceGone, type Collected } from './collectors';
import { applyingRules, changedEntries, compareEntries, entry, highest } from './diff';
import { resolvePhysicalIds, type PhysicalIds } from './physical-ids';
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
    return loadInput([app], { name: stacks[0] });
  }
  return loadInput([app]);
}

/**
 * The adapters drift judges with: every source's, for the desired state, and the live reads' (the
 * CloudFormation shapes, registered for `live` in ./adapters).
 */
function driftAdapters() {
  return adaptersForAll().merge(liveAdapters());
}

function inStack(r: Resource, stacks: readonly string[]): boolean {
  return r.stack !== undefined && stacks.some((s) => r.stack === s || r.stack!.startsWith(`${s}/`));
}

/** The stacks to compare: those asked for (each must exist in the app), or every stack of the app. */
function selectStacks(input: LoadedInput, asked: readonly string[] | undefined): string[] {
  const all = [...new Set(input.artifacts.map((t) => t.stack).filter((s) => !s.includes('/')))];
  for (const s of asked ?? []) {
    if (!all.includes(s))
      throw new InputError(
        'BULWARK_STACK_NOT_FOUND',
        s,
        `the app has no such stack (its stacks: ${all.join(', ') || 'none'})`,
      );
  }
  return asked && asked.length > 0 ? [...new Set(asked)] : all;
}

/** The account and region the reader reaches; an input error when AWS cannot be reached. */
async function identify(reader: LiveReader): Promise<{ account?: string; region?: string }> {
  try {
    const region = await reader.region();
    const account = (await reader.send(new GetCallerIdentityCommand({}))).Account;
    return { account, region };
  } catch (e) {
    throw new InputError(
      'BULWARK_AWS_ACCESS',
      'AWS',
      `cannot reach AWS (${describeError(e)}); set credentials (AWS_PROFILE or --profile, or AWS_ACCESS_KEY_ID) and a region (--region or AWS_REGION)`,
    );
  }
}

/** What a run reads, what it cannot, and what it takes as desired. */
interface ReadPlan {
  /** The desired resources of the compared stacks. */
  readonly selected: readonly Resource[];
  readonly ids: PhysicalIds;
  /** Resources read live, one task each. */
  readonly tasks: Task[];
  /** Resources the stack does not have deployed. */
  readonly missing: readonly { resource: Resource; detail: string }[];
  /** Resources drift does not read (type not read live, or not deployed by a false condition). */
  readonly notChecked: readonly { resource: Resource; detail: string }[];
  /**
   * Resources without views of their own that configure others (a WAF association, a queue policy): their
   * desired configuration is assumed, so the views of the resources that are read stay whole.
   */
  readonly assumed: readonly Resource[];
}

/** Plan the reads: find each resource's physical id and decide what is read, covered, or cannot be. */
async function planReads(
  reader: LiveReader,
  desired: ResourceGraph,
  stacks: readonly string[],
  physicalIds: Readonly<Record<string, string>> | undefined,
): Promise<ReadPlan> {
  const found = await resolvePhysicalIds(reader, desired, stacks);
  const ids = found.ids;
  for (const [address, id] of Object.entries(physicalIds ?? {})) ids.set(address, id);
  const tasks: Task[] = [];
  const missing: { resource: Resource; detail: string }[] = [];
  const notChecked: { resource: Resource; detail: string }[] = [];
  const assumed: Resource[] = [];
  const adapters = driftAdapters();
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
    if (!adapters.adapterFor(r.source, r.type)) assumed.push(r);
  }
  return { selected, ids, tasks, missing, notChecked, assumed };
}

/** Read every planned resource, `concurrency` at a time; each task gets its result. */
async function readLive(
  plan: ReadPlan,
  desired: ResourceGraph,
  reader: LiveReader,
  opts: Pick<DriftOptions, 'concurrency' | 'signal' | 'onProgress'>,
): Promise<void> {
  let done = 0;
  opts.onProgress?.(0, plan.tasks.length);
  await runLimited(
    plan.tasks,
    opts.concurrency ?? 8,
    async (task) => {
      const collector = collectorFor(task.resource.type)!;
      try {
        const collected = await collector.collect({
          desired: task.resource,
          physicalId: task.physicalId,
          graph: desired,
          ids: plan.ids,
          aws: reader,
        });
        task.result = { status: 'read', collected };
      } catch (e) {
        task.result =
          e instanceof ResourceGone
            ? { status: 'gone', detail: e.detail }
            : { status: 'error', error: describeError(e) };
      }
      opts.onProgress?.(++done, plan.tasks.length);
    },
    opts.signal,
  );
}

/** The live graph: the resources read, and the assumed ones. */
function liveGraph(plan: ReadPlan): ResourceGraph {
  const live = new ResourceGraph();
  for (const t of plan.tasks) {
    if (t.result?.status !== 'read') continue;
    for (const r of t.result.collected.resources) if (!live.get(r.address)) live.add(r);
  }
  for (const r of plan.assumed) if (!live.get(r.address)) live.add(r);
  return live;
}

/** What the comparison of desired and live found. */
interface Comparison {
  readonly entries: ReportDriftEntry[];
  readonly counts: ReportDrift['resources'];
  readonly incomplete: string[];
}

/**
 * Compare: for each planned resource, the facts that changed (each with the rules its change alone flips),
 * deletions, unreadable resources and properties; then the missing and not-checked ones.
 */
function compare(o: {
  readonly plan: ReadPlan;
  readonly desired: ResourceGraph;
  readonly live: ResourceGraph;
  readonly evaluation: Evaluation;
  readonly rules: readonly Rule[];
  readonly pack: Pack;
  readonly cwd: string;
}): Comparison {
  const { plan, live, evaluation, pack, cwd } = o;
  const index = new RuleIndex(o.rules, pack);
  const adapters = driftAdapters();
  const desiredViews = new ViewSet(o.desired, adapters);
  const liveViews = new ViewSet(live, adapters);
  const ctx: CheckContext = {
    viewOf: (address, kind) => desiredViews.viewOf(address, kind),
    viewsOfKind: (kind) => desiredViews.ofKind(kind),
  };
  const entries: ReportDriftEntry[] = [];
  const incomplete: string[] = [];
  const ruleErrors: string[] = [];
  const unknownGates = pack.unknownGates !== false;
  const rulesOf = (r: Resource): EnabledRule[] => applyingRules(desiredViews.of(r), index, ctx, ruleErrors);
  const counts = {
    desired: plan.selected.length,
    read: 0,
    changed: 0,
    deleted: 0,
    missing: 0,
    unreadable: 0,
    notChecked: 0,
  };
  const add = (
    kind: ReportDriftEntry['kind'],
    r: Resource,
    e: {
      physicalId?: string;
      fact?: string;
      rules: readonly EnabledRule[];
      floor?: Severity;
      gating: boolean;
      message: string;
    },
  ): void => {
    entries.push(
      entry({
        kind,
        resource: r,
        name: displayName(r),
        physicalId: e.physicalId,
        fact: e.fact,
        rules: e.rules,
        severity: highest(
          e.rules.map((x) => x.rule.severity),
          e.floor,
        ),
        gating: e.gating,
        message: e.message,
        cwd,
      }),
    );
  };

  for (const t of plan.tasks) {
    const r = t.resource;
    const name = displayName(r);
    const result = t.result;
    if (!result) {
      counts.unreadable++;
      add('unreadable', r, {
        physicalId: t.physicalId,
        rules: rulesOf(r),
        gating: false,
        message: `\`${name}\` was not read: the run was interrupted`,
      });
      continue;
    }
    if (result.status === 'gone') {
      counts.deleted++;
      add('deleted', r, {
        physicalId: t.physicalId,
        rules: rulesOf(r),
        floor: 'high',
        gating: true,
        message: `\`${name}\` (${r.type} \`${t.physicalId}\`) was deleted outside the pipeline (${result.detail})`,
      });
      continue;
    }
    if (result.status === 'error') {
      counts.unreadable++;
      const touched = rulesOf(r);
      add('unreadable', r, {
        physicalId: t.physicalId,
        rules: touched,
        gating: unknownGates && touched.length > 0,
        message: `\`${name}\` could not be read: ${result.error}`,
      });
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
          errors: ruleErrors,
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
      add('unreadable', r, {
        physicalId: t.physicalId,
        fact: err.property,
        rules: touched,
        gating: unknownGates && touched.length > 0,
        message: `\`${name}\`: \`${err.property}\` could not be read (${err.error})`,
      });
    }
    if (result.collected.readErrors.length > 0) counts.unreadable++;
  }
  for (const m of plan.missing) {
    counts.missing++;
    add('missing', m.resource, {
      rules: rulesOf(m.resource),
      floor: 'high',
      gating: true,
      message: `\`${displayName(m.resource)}\` (${m.resource.type}) is not deployed: ${m.detail}`,
    });
  }
  for (const n of plan.notChecked) {
    counts.notChecked++;
    add('not-checked', n.resource, {
      physicalId: plan.ids.of(n.resource.address),
      rules: rulesOf(n.resource),
      gating: false,
      message: `\`${displayName(n.resource)}\` (${n.resource.type}) was not checked: ${n.detail}`,
    });
  }
  const unread = plan.tasks.filter((t) => !t.result).length;
  if (unread > 0)
    incomplete.unshift(`interrupted: ${unread} of ${plan.tasks.length} resources were not read`);
  incomplete.push(...ruleErrors);
  return { entries: entries.sort(compareEntries), counts, incomplete };
}

/**
 * `bulwark drift`: read the desired state, plan the reads (physical ids), read each resource's live
 * configuration, derive live views with the same adapters and run the same rules on them, then compare:
 * the security facts that differ, each with the rules and controls it touches. It only reads: every
 * request goes through the permissions table.
 */
export async function runDrift(opts: DriftOptions): Promise<DriftRun> {
  const started = Date.now();
  const cwd = opts.cwd ?? process.cwd();
  const pack = packOrThrow(opts.pack);
  const input = readDesired(opts.app, opts.stacks);
  const stacks = selectStacks(input, opts.stacks);
  const reader = opts.reader ?? new LiveReader(opts.aws);
  const { account, region } = await identify(reader);

  const plan = await planReads(reader, input.graph, stacks, opts.physicalIds);
  await readLive(plan, input.graph, reader, opts);
  const accountFacts = await readAccountFacts(reader);
  const live = liveGraph(plan);

  const { suppressions, file: suppressionsFile } = loadSuppressions(opts.suppressionsFile);
  const rules = opts.rules ?? RULES;
  const evaluation = evaluate({ graph: live, adapters: driftAdapters(), rules, pack, suppressions });
  const { entries, counts, incomplete } = compare({
    plan,
    desired: input.graph,
    live,
    evaluation,
    rules,
    pack,
    cwd,
  });

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
      resources: counts,
      requests: reader.requests,
      durationMs: Date.now() - started,
      entries,
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
