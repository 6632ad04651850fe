import { CLASSIFICATION_TAG, parseClassification } from '../../classification';
import type { Resource } from '../../graph/resource';
import { Unknown, type Value } from '../../graph/values';
import type { ClassificationFact } from '../kinds';

/** The classification fact of a resource, from its `data-classification` tag (key read case-insensitively). */
export function classificationOf(resource: Resource): ClassificationFact {
  let raw: Value | undefined = resource.tags[CLASSIFICATION_TAG];
  if (raw === undefined) {
    // Lower-cases only the keys of the tag's length: most resources carry other tags, or none.
    const key = Object.keys(resource.tags).find(
      (k) => k.length === CLASSIFICATION_TAG.length && k.toLowerCase() === CLASSIFICATION_TAG,
    );
    raw = key === undefined ? undefined : resource.tags[key];
  }
  if (raw === undefined || raw === null) return { state: 'untagged' };
  if (raw instanceof Unknown) return { state: 'unknown', value: raw };
  if (typeof raw !== 'string')
    return { state: 'unknown', value: new Unknown(`tag \`${CLASSIFICATION_TAG}\` is not a plain string`) };
  const parsed = parseClassification(raw);
  return parsed.ok
    ? { state: 'tagged', level: parsed.level }
    : { state: 'invalid', raw, error: parsed.error };
}
