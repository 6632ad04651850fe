/**
 * The five data classification levels, ordered from least to most sensitive.
 * The tag value is what resources carry as `data-classification` (read case-insensitively).
 */
export enum Classification {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
  CONFIDENTIAL = 'CONFIDENTIAL',
  RESTRICTED = 'RESTRICTED',
  TOP_SECRET = 'TOP_SECRET',
}

/** Tag key carrying the level on every classified resource. */
export const CLASSIFICATION_TAG = 'data-classification';

/**
 * Prefix of the tags that record an opt-out on the resource it weakens, where tags are all a resource
 * carries to the checker (Pulumi): `<prefix><prop>` = reason, or `<prefix><prop>:<rule id>` = reason
 * when a rule asserts the setting, which acknowledges that rule's findings on the resource.
 */
export const OPT_OUT_TAG_PREFIX = 'bulwark:opt-out:';

/** Levels in ascending order of sensitivity. */
export const LEVELS: readonly Classification[] = [
  Classification.PUBLIC,
  Classification.INTERNAL,
  Classification.CONFIDENTIAL,
  Classification.RESTRICTED,
  Classification.TOP_SECRET,
];

const TAG_VALUES: Record<Classification, string> = {
  [Classification.PUBLIC]: 'public',
  [Classification.INTERNAL]: 'internal',
  [Classification.CONFIDENTIAL]: 'confidential',
  [Classification.RESTRICTED]: 'restricted',
  [Classification.TOP_SECRET]: 'top-secret',
};

/** The tag value for a level: `top-secret` for TOP_SECRET. */
export function tagValue(level: Classification): string {
  return TAG_VALUES[level];
}

/** 0 for PUBLIC up to 4 for TOP_SECRET. */
export function rank(level: Classification): number {
  return LEVELS.indexOf(level);
}

/** True when `level` is at least `floor`. */
export function atLeast(level: Classification, floor: Classification): boolean {
  return rank(level) >= rank(floor);
}

export type ParsedClassification =
  { readonly ok: true; readonly level: Classification } | { readonly ok: false; readonly error: string };

/**
 * Parse a `data-classification` tag value. Accepts the tag spelling (`top-secret`) and the enum
 * spelling (`TOP_SECRET`, `top_secret`), case-insensitively, surrounding blanks ignored.
 */
export function parseClassification(raw: string): ParsedClassification {
  const norm = raw.trim().toLowerCase().replace(/_/g, '-');
  for (const level of LEVELS) {
    if (TAG_VALUES[level] === norm) return { ok: true, level };
  }
  return {
    ok: false,
    error: `\`${raw}\` is not a classification level (expected one of ${LEVELS.map(tagValue).join(', ')})`,
  };
}
