import { CLASSIFICATION_TAG, parseClassification, type Classification } from '../../classification';
import type { Resource } from '../../graph/resource';
import { Unknown, type Value } from '../../graph/values';
import type { ClassificationFact } from '../kinds';

/** The facts of untagged resources and of each level: one object each, shared, never mutated. */
const UNTAGGED: ClassificationFact = Object.freeze({ state: 'untagged' });
const TAGGED = new Map<Classification, ClassificationFact>();

function tagged(level: Classification): ClassificationFact {
  let fact = TAGGED.get(level);
  if (!fact) TAGGED.set(level, (fact = Object.freeze({ state: 'tagged', level })));
  return fact;
}

/** The classification fact of a resource, from its `data-classification` tag (key read case-insensitively). */
export function classificationOf(resource: Resource): ClassificationFact {
  let raw: Value | undefined = resource.tags[CLASSIFICATION_TAG];
  if (raw === undefined) {
    // Lower-cases only the keys of the tag's length: most resources carry other tags, or none.
    for (const k of Object.keys(resource.tags)) {
      if (k.length === CLASSIFICATION_TAG.length && k.toLowerCase() === CLASSIFICATION_TAG) {
        raw = resource.tags[k];
        break;
      }
    }
  }
  if (raw === undefined || raw === null) return UNTAGGED;
  if (raw instanceof Unknown) return { state: 'unknown', value: raw };
  if (typeof raw !== 'string')
    return { state: 'unknown', value: new Unknown(`tag \`${CLASSIFICATION_TAG}\` is not a plain string`) };
  const parsed = parseClassification(raw);
  return parsed.ok ? tagged(parsed.level) : { state: 'invalid', raw, error: parsed.error };
}
