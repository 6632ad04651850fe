import * as path from 'node:path';
import type { Evaluation } from '../engine/evaluate';
import type { Suppression, SuppressionOrigin } from '../engine/suppression';
import { isExpired, parseRuleRef } from '../engine/suppression';
import { relativePath } from '../paths';

/** A declared suppression, and whether it matched anything. */
export interface ReportSuppression {
  /** Rule id it suppresses. */
  readonly rule: string;
  /** One finding of the rule, when narrowed (`RULE[finding]`). */
  readonly finding?: string;
  /** Construct path glob, logical id or address; the resource's path for inline acknowledgements. */
  readonly target?: string;
  readonly reason: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly expired: boolean;
  readonly origin: SuppressionOrigin;
  /** File (and line) where it was declared, relative to the working directory when it is a path. */
  readonly declaredIn?: string;
  /** Whether it matched at least one failure or unknown. An unused file suppression is stale. */
  readonly used: boolean;
  /** Number of results it matched. */
  readonly matched: number;
}

/**
 * Every file suppression (used or not) and every inline acknowledgement on a resource that was
 * evaluated. Inline acknowledgements are recreated per result by the engine, so they are keyed by
 * rule, finding, target and reason.
 */
export function suppressionsOf(evaluation: Evaluation, today: Date, cwd: string): ReportSuppression[] {
  const declared = new Map<Suppression, { matched: number; expired?: boolean }>();
  for (const s of evaluation.suppressions) declared.set(s, { matched: 0 });
  const inline = new Map<string, { s: Suppression; matched: number }>();
  const inlineKey = (rule: string, finding: string | undefined, target: string | undefined, reason: string) =>
    JSON.stringify([rule, finding ?? null, target ?? null, reason]);

  for (const r of evaluation.results) {
    const applied = r.suppression;
    if (!applied) continue;
    const entry = declared.get(applied.suppression);
    if (entry) {
      entry.matched++;
      entry.expired = applied.expired;
      continue;
    }
    const s = applied.suppression;
    const key = inlineKey(s.rule, s.finding, s.target, s.reason);
    const seen = inline.get(key);
    if (seen) seen.matched++;
    else inline.set(key, { s, matched: 1 });
  }
  // Acknowledgements on evaluated resources that matched no finding (the rule passed there).
  const acknowledging = new Map<string, (typeof evaluation.results)[number]['resource']>();
  for (const r of evaluation.results)
    if (r.resource.acknowledgements?.length) acknowledging.set(r.resource.address, r.resource);
  for (const res of acknowledging.values()) {
    for (const ack of res.acknowledgements ?? []) {
      const { rule, finding } = parseRuleRef(ack.rule);
      const key = inlineKey(rule, finding, res.path, ack.reason);
      if (!inline.has(key)) {
        inline.set(key, {
          s: { rule, finding, reason: ack.reason, origin: 'cdk-acknowledgement', target: res.path },
          matched: 0,
        });
      }
    }
  }

  const out: ReportSuppression[] = [];
  const push = (s: Suppression, matched: number, expired: boolean) =>
    out.push({
      rule: s.rule,
      ...(s.finding !== undefined ? { finding: s.finding } : {}),
      ...(s.target !== undefined ? { target: s.target } : {}),
      reason: s.reason,
      ...(s.owner !== undefined ? { owner: s.owner } : {}),
      ...(s.expires !== undefined ? { expires: s.expires } : {}),
      expired,
      origin: s.origin,
      ...(s.declaredIn !== undefined ? { declaredIn: relativeDeclaration(s.declaredIn, cwd) } : {}),
      used: matched > 0,
      matched,
    });
  for (const [s, e] of declared) push(s, e.matched, e.expired ?? isExpired(s, today));
  for (const { s, matched } of inline.values()) push(s, matched, isExpired(s, today));
  return out;
}

/** `declaredIn` is a file with an optional `:line`: relativise the file part. */
export function relativeDeclaration(d: string, cwd: string): string {
  const m = /^(.*?)(:\d+(?::\d+)?)?$/.exec(d);
  if (!m || !path.isAbsolute(m[1]!)) return d;
  return relativePath(m[1]!, cwd) + (m[2] ?? '');
}
