import { checkView, type EnabledRule, type RuleIndex } from '../engine/check-view';
import { cloudOfResource, controlsOn } from '../engine/clouds';
import type { CheckContext, Outcome, Severity } from '../engine/rule';
import { SEVERITIES } from '../engine/rule';
import type { Resource } from '../graph/resource';
import { ResourceRef, Unknown } from '../graph/values';
import type { DriftKind, DriftValue, ReportDriftEntry } from './model';
import { relativePath } from '../paths';
import type { TrafficRule, View, ViewKind } from '../views/kinds';

/** Keys of array elements that name where a fact was declared, not what it is. */
const NOISE = new Set(['declaredBy', 'description', 'address', 'sid']);
/**
 * Keys of a view that identify it rather than state a fact: the resource, its name, and the network
 * it lives in (fixed at creation; unset in a template means the account's default VPC).
 */
const IDENTITY = new Set(['kind', 'resource', 'name', 'network']);

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Unknown) &&
    !(v instanceof ResourceRef)
  );
}

/** An array element without the keys that only say where it was declared. */
function essence(v: unknown): unknown {
  if (!isPlain(v)) return v;
  const out: Plain = {};
  for (const [k, x] of Object.entries(v)) if (!NOISE.has(k)) out[k] = x;
  return out;
}

/**
 * Whether two fact values agree. An Unknown on either side agrees with anything: a value that
 * cannot be resolved is never drift by itself. Arrays are compared as multisets of their elements'
 * essence (order and declaring resource do not matter).
 */
export function sameFact(a: unknown, b: unknown): boolean {
  if (a instanceof Unknown || b instanceof Unknown) return true;
  if (a === b) return true;
  if (a instanceof ResourceRef && b instanceof ResourceRef) return a.address === b.address;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return unmatched(a, b).length === 0;
  }
  if (isPlain(a) && isPlain(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (!sameFact(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** Elements of `a` that no distinct element of `b` matches. */
function unmatched(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const used = new Set<number>();
  const out: unknown[] = [];
  for (const x of a) {
    const ex = essence(x);
    const j = b.findIndex((y, i) => !used.has(i) && sameFact(ex, essence(y)));
    if (j < 0) out.push(x);
    else used.add(j);
  }
  return out;
}

/** One fact that differs between a desired and a live view. */
export interface FactDiff {
  /** Path in the view: `['encryption', 'atRest']`. */
  readonly path: readonly string[];
  /** `value`: the fact changed; `added`/`removed`: an element of a list fact appeared or went away. */
  readonly mode: 'value' | 'added' | 'removed';
  readonly desired: unknown;
  readonly live: unknown;
  /**
   * Where the counterfactual applies, when wider than `path`: an encryption's `atRest` and its
   * `key` change together (a key only means something for the encryption it belongs to).
   */
  readonly apply?: { readonly path: readonly string[]; readonly value: unknown };
}

/** The facts of two views of the same kind that differ, as precisely as their shapes allow. */
export function diffViews(desired: View, live: View): FactDiff[] {
  const out: FactDiff[] = [];
  walk(desired as unknown as Plain, live as unknown as Plain, [], out, true);
  return out;
}

function walk(d: unknown, l: unknown, path: string[], out: FactDiff[], top = false): void {
  if (sameFact(d, l)) return;
  if (isPlain(d) && isPlain(l)) {
    // An encryption whose `atRest` is unknown on either side is unknown as a whole, key included.
    if (d.atRest instanceof Unknown || l.atRest instanceof Unknown) return;
    if ('atRest' in d && !sameFact(d.atRest, l.atRest)) {
      out.push({
        path: [...path, 'atRest'],
        mode: 'value',
        desired: d.atRest,
        live: l.atRest,
        apply: { path, value: l },
      });
      return;
    }
    for (const k of new Set([...Object.keys(d), ...Object.keys(l)])) {
      if (top && IDENTITY.has(k)) continue;
      walk(d[k], l[k], [...path, k], out);
    }
    return;
  }
  if (Array.isArray(d) && Array.isArray(l)) {
    for (const x of unmatched(d, l)) out.push({ path, mode: 'removed', desired: x, live: null });
    for (const x of unmatched(l, d)) out.push({ path, mode: 'added', desired: null, live: x });
    return;
  }
  out.push({ path, mode: 'value', desired: d, live: l });
}

/** The desired view with one difference applied: what the view would be if only that fact had drifted. */
export function applyDiff(view: View, diff: FactDiff): View {
  const apply = diff.apply;
  if (apply) return setAt(view as unknown as Plain, apply.path, () => apply.value) as unknown as View;
  return setAt(view as unknown as Plain, diff.path, (current) => {
    if (diff.mode === 'value') return diff.live;
    const list = Array.isArray(current) ? [...(current as unknown[])] : [];
    if (diff.mode === 'added') return [...list, diff.live];
    const i = list.indexOf(diff.desired);
    if (i >= 0) list.splice(i, 1);
    return list;
  }) as unknown as View;
}

function setAt(obj: Plain, path: readonly string[], update: (current: unknown) => unknown): Plain {
  if (path.length === 0) return update(obj) as Plain;
  const [head, ...rest] = path as [string, ...string[]];
  const child = obj[head];
  return {
    ...obj,
    [head]: rest.length === 0 ? update(child) : setAt(isPlain(child) ? child : {}, rest, update),
  };
}

// ---------------------------------------------------------------------------------------------
// Rule outcomes

/** Outcomes of one rule on one view, by finding (`''` for the rule's single result). */
export type RuleOutcomes = ReadonlyMap<string, Outcome>;

/**
 * Outcomes of every rule that reads the view's kind, by rule id, run by the engine. A rule that throws
 * counts as a failure, and what it threw is added to `errors`: the run is then incomplete, never quiet.
 */
export function outcomesOn(
  view: View,
  rules: RuleIndex,
  ctx: CheckContext,
  errors: string[],
): Map<string, RuleOutcomes> {
  const out = new Map<string, RuleOutcomes>();
  for (const { rule } of rules.of(view.kind)) {
    const m = new Map<string, Outcome>();
    const checked = checkView(rule, view, ctx);
    if (checked.error !== undefined) {
      const line = `rule ${rule.id} failed on \`${view.name}\`: ${checked.error}`;
      if (!errors.includes(line)) errors.push(line);
    }
    for (const r of checked.results) m.set(r.finding ?? '', worse(m.get(r.finding ?? ''), r.outcome));
    out.set(rule.id, m);
  }
  return out;
}

const OUTCOME_RANK: Readonly<Record<Outcome, number>> = { not_applicable: 0, pass: 1, unknown: 2, fail: 3 };

function worse(a: Outcome | undefined, b: Outcome): Outcome {
  return a === undefined || OUTCOME_RANK[b] > OUTCOME_RANK[a] ? b : a;
}

/** The worst outcome of a rule on a view: what a message says in one word. */
export function summary(o: RuleOutcomes | undefined): Outcome {
  let s: Outcome = 'not_applicable';
  for (const v of o?.values() ?? []) s = worse(s, v);
  return s;
}

function sameOutcomes(a: RuleOutcomes | undefined, b: RuleOutcomes | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Rules whose outcome differs between two outcome sets (rule ids in index order). */
export function changedRules(
  before: ReadonlyMap<string, RuleOutcomes>,
  after: ReadonlyMap<string, RuleOutcomes>,
): string[] {
  return [...before.keys()].filter((id) => !sameOutcomes(before.get(id), after.get(id)));
}

// ---------------------------------------------------------------------------------------------
// Entries

/** Rendering of a fact value for the report: plain JSON, unknowns as their readable form. */
export function driftValue(v: unknown): DriftValue {
  if (v === undefined) return null;
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      x instanceof Unknown || x instanceof ResourceRef ? x.toString() : x,
    ),
  ) as DriftValue;
}

/** A traffic rule in a few words: `ingress tcp 22 from 0.0.0.0/0`. */
function trafficRule(r: TrafficRule): string {
  const protocol = typeof r.protocol === 'string' ? r.protocol : '?';
  const from = typeof r.fromPort === 'number' ? r.fromPort : undefined;
  const to = typeof r.toPort === 'number' ? r.toPort : undefined;
  const ports =
    protocol === 'all' || from === undefined
      ? ''
      : from === to || to === undefined
        ? ` ${from}`
        : ` ${from}-${to}`;
  const end = r.direction === 'ingress' ? r.source : r.destination;
  const peer =
    end === undefined
      ? '?'
      : 'cidr' in end
        ? typeof end.cidr === 'string'
          ? end.cidr
          : '?'
        : 'group' in end
          ? end.group
          : end.serviceTag;
  const action = r.action === 'deny' ? 'deny ' : '';
  return `${action}${r.direction} ${protocol}${ports} ${r.direction === 'ingress' ? 'from' : 'to'} ${peer}`;
}

function isTrafficRule(v: unknown): v is TrafficRule {
  return isPlain(v) && (v.direction === 'ingress' || v.direction === 'egress') && 'protocol' in v;
}

/** A value in a message: short and single-line. */
export function showValue(v: unknown): string {
  if (v === undefined) return 'unset';
  if (v === null) return 'none';
  if (isTrafficRule(v)) return trafficRule(v);
  if (typeof v === 'string') return v;
  const s = JSON.stringify(driftValue(isPlain(v) ? essence(v) : v));
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** The highest of some severities; `floor` when there are none or all are lower. */
export function highest(severities: readonly Severity[], floor: Severity = 'low'): Severity {
  let best = SEVERITIES.indexOf(floor);
  for (const s of severities) best = Math.max(best, SEVERITIES.indexOf(s));
  return SEVERITIES[best]!;
}

/** What a drift entry is built from, besides its kind and message. */
export interface EntryParts {
  readonly kind: DriftKind;
  readonly resource: Resource;
  readonly name: string;
  readonly physicalId?: string;
  readonly view?: ViewKind;
  readonly fact?: string;
  readonly desired?: unknown;
  readonly live?: unknown;
  readonly rules: readonly EnabledRule[];
  readonly severity: Severity;
  readonly gating: boolean;
  readonly message: string;
  readonly cwd: string;
}

/** A report entry. */
export function entry(p: EntryParts): ReportDriftEntry {
  const r = p.resource;
  const controls = [...new Set(p.rules.flatMap((x) => controlsOn(x.rule.controls, cloudOfResource(r))))];
  return {
    kind: p.kind,
    address: r.address,
    type: r.type,
    name: p.name,
    ...(p.physicalId !== undefined ? { physicalId: p.physicalId } : {}),
    ...(r.path !== undefined ? { path: r.path } : {}),
    ...(r.stack !== undefined ? { stack: r.stack } : {}),
    ...(r.location?.file !== undefined ? { file: relativePath(r.location.file, p.cwd) } : {}),
    ...(r.location?.line !== undefined ? { line: r.location.line } : {}),
    ...(p.view !== undefined ? { view: p.view } : {}),
    ...(p.fact !== undefined ? { fact: p.fact } : {}),
    ...(p.kind === 'changed' ? { desired: driftValue(p.desired), live: driftValue(p.live) } : {}),
    rules: p.rules.map((x) => x.rule.id),
    controls,
    severity: p.severity,
    gating: p.gating,
    message: p.message,
  };
}

/** Sort: severity (critical first), address, fact. */
export function compareEntries(a: ReportDriftEntry, b: ReportDriftEntry): number {
  const s = SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity);
  if (s !== 0) return s;
  if (a.address !== b.address) return a.address < b.address ? -1 : 1;
  const fa = a.fact ?? '';
  const fb = b.fact ?? '';
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/**
 * The changed facts of one resource: each differing fact of each view, with the rules whose outcome
 * that change alone alters (the desired view with only that fact set to its live value, evaluated
 * against the desired view). A fact no rule depends on is still reported, at `low`.
 */
export function changedEntries(opts: {
  readonly desired: readonly View[];
  readonly live: readonly View[];
  readonly rules: RuleIndex;
  readonly ctx: CheckContext;
  readonly physicalId?: string;
  readonly cwd: string;
  /** Where rules that threw are recorded. */
  readonly errors: string[];
}): ReportDriftEntry[] {
  const out: ReportDriftEntry[] = [];
  const seen = new Map<ViewKind, number>();
  for (const d of opts.desired) {
    const n = seen.get(d.kind) ?? 0;
    seen.set(d.kind, n + 1);
    const l = opts.live.filter((v) => v.kind === d.kind)[n];
    if (!l) continue;
    const diffs = diffViews(d, l);
    if (diffs.length === 0) continue;
    const before = outcomesOn(d, opts.rules, opts.ctx, opts.errors);
    for (const diff of diffs) {
      const after = outcomesOn(applyDiff(d, diff), opts.rules, opts.ctx, opts.errors);
      const ids = changedRules(before, after);
      const touched = opts.rules.of(d.kind).filter((x) => ids.includes(x.rule.id));
      const fact = diff.path.join('.');
      const what =
        diff.mode === 'added'
          ? `${fact}: added ${showValue(diff.live)}`
          : diff.mode === 'removed'
            ? `${fact}: removed ${showValue(diff.desired)}`
            : `${fact} changed from ${showValue(diff.desired)} to ${showValue(diff.live)}`;
      const effects = touched.map((x) => {
        const from = summary(before.get(x.rule.id));
        const to = summary(after.get(x.rule.id));
        return from === to ? `${x.rule.id} ${to} with other findings` : `${x.rule.id} ${from} -> ${to}`;
      });
      out.push(
        entry({
          kind: 'changed',
          resource: d.resource,
          name: d.name,
          physicalId: opts.physicalId,
          view: d.kind,
          fact,
          desired: diff.desired,
          live: diff.live,
          rules: touched,
          severity: highest(touched.map((x) => x.rule.severity)),
          gating: true,
          message: `\`${d.name}\` ${what}${effects.length > 0 ? ` (${effects.join(', ')})` : ' (no rule reads this change)'}`,
          cwd: opts.cwd,
        }),
      );
    }
  }
  return out;
}

/** The rules that applied (any outcome but not-applicable) to some views. */
export function applyingRules(
  views: readonly View[],
  rules: RuleIndex,
  ctx: CheckContext,
  errors: string[],
): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const v of views) {
    const outcomes = outcomesOn(v, rules, ctx, errors);
    for (const x of rules.of(v.kind)) {
      if (summary(outcomes.get(x.rule.id)) !== 'not_applicable' && !out.includes(x)) out.push(x);
    }
  }
  return out;
}
