import type { View } from '../views/kinds';
import { notApplicable, unknown, type CheckResult } from './rule';

/** An account-level question asked of a list of views: the views concerned, and what the others are told. */
interface Asked {
  readonly concerned: readonly View[];
  /** The not-applicable result of every view but the first concerned (one object, never mutated). */
  readonly elsewhere?: CheckResult;
}

/** Each account-level question, by the list of views it was asked of. */
const askedOf = new WeakMap<readonly View[], Map<string, Asked>>();

/** Names for a message: the first few in backticks, then how many more. */
function listed(views: readonly View[], noun: string): string {
  const shown = views.slice(0, 3).map((v) => `\`${v.name}\``);
  const more = views.length - shown.length;
  const list = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  return `${views.length === 1 ? `the ${noun}` : `the ${views.length} ${noun}s`} ${list}`;
}

/** What {@link reportOnce} needs to say about an account-level control the input cannot show. */
export interface AccountLevelGap<V extends View> {
  /** Names the question, so that two rules asking about the same views keep separate lists. */
  readonly question: string;
  /** Every view the question is asked of, in graph order. */
  readonly views: readonly V[];
  /** Whether a view is concerned (the control applies to it and only the missing resources could satisfy it). */
  readonly concerned: (v: V) => boolean;
  /** The resources concerned, as a noun: `bucket`, `store`. */
  readonly noun: string;
  /** What the input lacks and where it may be instead: "no trail in the input ...". */
  readonly missing: string;
  /** What cannot be told, followed by the resources concerned: "whether a trail records data events of". */
  readonly whether: string;
}

/**
 * An account-level control (a trail recording data events, a backup plan selecting stores) on an input
 * that holds none of the resources that would satisfy it. The control may well be met by a stack or
 * account the input does not show, so this is no failure of each resource: one `unknown` says so on the
 * first resource concerned, naming them all; the others are not applicable and point to it.
 */
export function reportOnce<V extends View>(view: V, gap: AccountLevelGap<V>): CheckResult {
  let byQuestion = askedOf.get(gap.views);
  if (!byQuestion) askedOf.set(gap.views, (byQuestion = new Map()));
  let asked = byQuestion.get(gap.question);
  if (!asked) {
    const concerned = gap.views.filter(gap.concerned);
    const first = concerned[0];
    asked = {
      concerned,
      elsewhere: first && notApplicable(`${gap.missing}; reported once, on \`${first.name}\``),
    };
    byQuestion.set(gap.question, asked);
  }
  const { concerned, elsewhere } = asked;
  if (!elsewhere || concerned[0]!.resource.address === view.resource.address)
    return unknown(
      `${gap.missing}: ${gap.whether} ${listed(concerned.length ? concerned : [view], gap.noun)} ` +
        'cannot be told from the input',
    );
  return elsewhere;
}
