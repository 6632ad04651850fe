import type { Resource } from '../graph/resource';
import { Choice, Unknown, substituteChoices, type Value, type ValueObject } from '../graph/values';

/**
 * At most this many variants of one resource are judged; beyond it its choices stay unknown, and
 * their reason says so.
 */
export const MAX_VARIANTS = 32;

/** One way a resource may be deployed: one option of each of its choices. */
export interface Variant {
  /** Position in the product of the options (the first choice varying slowest). */
  readonly index: number;
  /** Option index of each choice, in the order of {@link Branches.choices}. */
  readonly picks: readonly number[];
  readonly properties: ValueObject;
  readonly tags: Readonly<Record<string, Value>>;
}

/** The variants of a resource whose properties hold choices: the product of their options. */
export interface Branches {
  /** One choice per key (the options are the same for every choice of a key). */
  readonly choices: readonly Choice[];
  /**
   * Every combination of options that can be deployed, the first choice varying slowest (a condition
   * decided by a parameter takes the value that parameter gives it); one variant when limited.
   */
  readonly variants: readonly Variant[];
}

/**
 * Expand a resource's choices into variants, so the same key takes the same option everywhere in the
 * resource. More than {@link MAX_VARIANTS} combinations give one variant whose choices are Unknowns
 * saying why they were not judged one by one.
 */
export function expandBranches(resource: Resource, choices: readonly Choice[]): Branches {
  let total = 1;
  for (const c of choices) total *= c.options.length;
  if (total > MAX_VARIANTS) {
    const why = (c: Choice) =>
      new Unknown(
        `${c.reason}; not judged per option: ${choices.length} deploy-time choices give ${total} combinations, more than ${MAX_VARIANTS}`,
        c.refs,
        c.display,
      );
    return {
      choices: [],
      variants: [
        {
          index: 0,
          picks: [],
          properties: substituteChoices(resource.properties, () => undefined, why) as ValueObject,
          tags: substituteChoices(resource.tags as ValueObject, () => undefined, why) as ValueObject,
        },
      ],
    };
  }
  const variants: Variant[] = [];
  for (let i = 0; i < total; i++) {
    const picks: number[] = [];
    let rest = i;
    for (let k = choices.length - 1; k >= 0; k--) {
      const n = choices[k]!.options.length;
      picks[k] = rest % n;
      rest = Math.floor(rest / n);
    }
    const labels = new Map(choices.map((c, k) => [c.key, c.options[picks[k]!]!.label]));
    if (!consistent(choices, labels)) continue;
    const pick = (c: Choice) => {
      const label = labels.get(c.key);
      const at = label === undefined ? -1 : c.options.findIndex((o) => o.label === label);
      return at < 0 ? undefined : at;
    };
    variants.push({
      index: i,
      picks,
      properties: substituteChoices(resource.properties, pick) as ValueObject,
      tags: substituteChoices(resource.tags as ValueObject, pick) as ValueObject,
    });
  }
  return { choices, variants };
}

/** Whether every choice decided by another of the resource takes the label that one gives it. */
function consistent(choices: readonly Choice[], labels: ReadonlyMap<string, string>): boolean {
  for (const c of choices) {
    const d = c.determinedBy;
    if (!d) continue;
    const decider = labels.get(d.key);
    const implied = decider === undefined ? undefined : d.labels.get(decider);
    if (implied !== undefined && implied !== labels.get(c.key)) return false;
  }
  return true;
}

/**
 * The branch in which an outcome holds, for a message: "condition `UseKey` is false and parameter
 * `Env` is `prod`". `holds` is the set of positions in {@link Branches.variants} with the outcome;
 * a choice is named only when the outcome depends on it (another option of it, all else equal,
 * does not give the outcome). Empty when it holds in every variant.
 */
export function describeBranch(b: Branches, holds: ReadonlySet<number>): string {
  const [first] = holds;
  if (first === undefined || b.choices.length === 0) return '';
  const strides: number[] = [];
  let stride = 1;
  for (let k = b.choices.length - 1; k >= 0; k--) {
    strides[k] = stride;
    stride *= b.choices[k]!.options.length;
  }
  // Variant positions in the product; combinations that cannot be deployed are absent.
  const at = new Map(b.variants.map((v, i) => [v.index, i]));
  const parts: string[] = [];
  b.choices.forEach((c, k) => {
    const matters = [...holds].some((i) => {
      const v = b.variants[i]!;
      return c.options.some((_, o) => {
        const other = at.get(v.index + (o - v.picks[k]!) * strides[k]!);
        return other !== undefined && !holds.has(other);
      });
    });
    if (matters) parts.push(c.describe(c.options[b.variants[first]!.picks[k]!]!));
  });
  return parts.join(' and ');
}
