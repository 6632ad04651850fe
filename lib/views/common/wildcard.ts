/** Options of {@link wildcardMatch}. */
export interface WildcardOptions {
  /** `?` matches exactly one character (IAM, AWS Backup); otherwise it is literal. Default true. */
  readonly question?: boolean;
  /** Compare case-insensitively (IAM actions, AWS Backup conditions). Default false. */
  readonly ignoreCase?: boolean;
}

const NO_OPTIONS: WildcardOptions = {};

/**
 * Whether `pattern` matches the whole of `subject`, where `*` matches any run of characters (and `?`
 * one character). No regular expression is built: the match is linear for patterns with one `*` and
 * bounded by pattern x subject length otherwise, whatever the template holds (no backtracking blow-up,
 * no "regular expression too large" on a huge name).
 */
export function wildcardMatch(pattern: string, subject: string, opts: WildcardOptions = NO_OPTIONS): boolean {
  const question = opts.question !== false;
  const pat = opts.ignoreCase ? pattern.toLowerCase() : pattern;
  const sub = opts.ignoreCase ? subject.toLowerCase() : subject;
  // Most patterns are plain names (`s3:getobject`, an ARN): without a wildcard, a match is equality.
  if (pat.indexOf('*') < 0 && (!question || pat.indexOf('?') < 0)) return pat === sub;
  let p = 0;
  let s = 0;
  let star = -1;
  let mark = 0;
  while (s < sub.length) {
    const c = pat[p];
    if (p < pat.length && c !== '*' && ((question && c === '?') || c === sub[s])) {
      p++;
      s++;
    } else if (p < pat.length && c === '*') {
      star = p++;
      mark = s;
    } else if (star !== -1) {
      p = star + 1;
      s = ++mark;
    } else return false;
  }
  while (p < pat.length && pat[p] === '*') p++;
  return p === pat.length;
}
