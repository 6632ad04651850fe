import { Unknown, asList, isObject, show, type Value } from '../../graph/values';
import type { Fact } from '../kinds';

/* EventBridge event patterns, as every source's event-rule adapter reads them. */

/** A pattern string as EventBridge reads it: JSON text, or the object itself. */
export function patternOf(v: Value | undefined): Fact<{ [key: string]: Value } | undefined> {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Unknown) return v;
  if (typeof v === 'string') {
    try {
      return patternOf(JSON.parse(v) as Value);
    } catch {
      return new Unknown('the event pattern is not valid JSON');
    }
  }
  return isObject(v) ? v : new Unknown(`the event pattern is ${show(v)}`);
}

/**
 * Exact values a pattern field matches: its string values. A field that is absent matches everything
 * (empty list); content filters (`prefix`, `anything-but`, ...) match values that cannot be listed.
 */
export function matched(pattern: { [key: string]: Value }, field: string): Fact<readonly string[]> {
  const v = pattern[field];
  if (v === undefined) return [];
  if (v instanceof Unknown) return v;
  const out: string[] = [];
  for (const x of asList(v)) {
    if (x instanceof Unknown) return x;
    if (typeof x !== 'string')
      return new Unknown(`\`${field}\` is matched by a content filter (${show(x)}), not by exact values`);
    out.push(x);
  }
  return out;
}
