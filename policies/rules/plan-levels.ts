import { unknown, type CheckResult } from '../../lib/engine/rule';
import { Unknown } from '../../lib/graph/values';
import { LEVELS, type Classification } from '../../lib/classification';
import type { BackupPlanView } from '../../lib/views/kinds';

/** How a plan's levels are read, for the rationale of the rules that judge a plan by them. */
export const PLAN_LEVELS =
  'A selection takes in the levels its `data-classification` conditions name, less those its `StringNotEquals` / ' +
  '`StringNotLike` conditions on the tag exclude; a selection of every resource, of named stores or by another tag ' +
  'takes in the levels of the stores of the input it matches, less those it excludes by name. A level that a part of ' +
  'the selection not read here may leave out (a wildcard exclusion, a tag known only at deploy time) is judged too, ' +
  'and a failure on it is `unknown`.';

/**
 * The classification levels a backup plan's selections take in, in ascending order: each mapped to undefined
 * when a selection takes it in, or to why it cannot be told when selections only may take it in. An Unknown
 * when a selection's levels cannot be resolved at all.
 */
export function levelsOf(view: BackupPlanView): Map<Classification, Unknown | undefined> | Unknown {
  const taken = new Set<Classification>();
  const maybe = new Map<Classification, Unknown>();
  for (const s of view.selections) {
    const l = s.selectsClassification;
    if (l instanceof Unknown) return l;
    for (const x of l ?? []) taken.add(x);
    for (const m of s.maySelectClassification ?? []) if (!maybe.has(m.level)) maybe.set(m.level, m.reason);
  }
  const out = new Map<Classification, Unknown | undefined>();
  for (const level of LEVELS) {
    if (taken.has(level)) out.set(level, undefined);
    else if (maybe.has(level)) out.set(level, maybe.get(level));
  }
  return out;
}

/**
 * A finding on a level the plan may not take in: a failure becomes an unknown saying what cannot be told;
 * other outcomes stand.
 */
export function hedged(r: CheckResult, plan: string, level: Classification, why: Unknown): CheckResult {
  if (r.outcome !== 'fail') return r;
  return unknown(
    `whether \`${plan}\` takes in ${level} data cannot be told (${why.reason}); if it does: ${r.message ?? ''}`,
    r.finding,
  );
}
