import { Unknown } from '../../graph/values';
import type { Fact, PolicyStatement } from '../kinds';

/**
 * The values a condition block gives `key` (compared case-insensitively, as IAM compares condition keys), across
 * every operator; undefined when no operator tests the key.
 */
export function conditionValues(
  conditions: PolicyStatement['conditions'],
  key: string,
): readonly Fact<string>[] | undefined {
  const k = key.toLowerCase();
  let out: Fact<string>[] | undefined;
  for (const block of Object.values(conditions)) {
    for (const [name, values] of Object.entries(block)) {
      if (name.toLowerCase() === k) (out ??= []).push(...values);
    }
  }
  return out;
}

/**
 * The first of `keys` the conditions test with a value that narrows it (anything but `*`), or undefined. A value that
 * cannot be resolved still narrows (the key is there, only its value is unknown), unless it depends on a template
 * condition (`Fn::If`), where one branch may leave the key out: then, when no other key narrows, the Unknown.
 */
export function narrowingCondition(
  conditions: PolicyStatement['conditions'],
  keys: readonly string[],
): string | Unknown | undefined {
  let conditional: Unknown | undefined;
  for (const key of keys) {
    const values = conditionValues(conditions, key);
    if (values === undefined || values.length === 0 || values.some((v) => v === '*')) continue;
    const branch = values.find(
      (v): v is Unknown => v instanceof Unknown && (v.display ?? '').includes('${If:'),
    );
    if (!branch) return key;
    conditional ??= new Unknown(`\`${key}\` ${branch.reason}`, branch.refs, branch.display);
  }
  return conditional;
}
