import type { View, ViewKind } from '../views/kinds';
import type { Enforcement, Pack } from './pack';
import type { CheckContext, CheckResult, Rule } from './rule';

/** A rule the pack enables, with its enforcement. */
export interface EnabledRule {
  readonly rule: Rule;
  readonly enforcement: Enforcement;
}

/** The rules a pack enables, indexed by the view kinds they read. */
export class RuleIndex {
  readonly enabled: readonly EnabledRule[];
  private readonly byKind = new Map<ViewKind, EnabledRule[]>();

  constructor(rules: readonly Rule[], pack: Pack) {
    const enabled: EnabledRule[] = [];
    for (const rule of rules) {
      const enforcement = pack.enforcementOf(rule);
      if (enforcement === 'disabled') continue;
      const e = { rule, enforcement };
      enabled.push(e);
      for (const kind of rule.appliesTo) {
        let list = this.byKind.get(kind);
        if (!list) this.byKind.set(kind, (list = []));
        list.push(e);
      }
    }
    this.enabled = enabled;
  }

  /** The enabled rules that read views of `kind`, in catalog order. */
  of(kind: ViewKind): readonly EnabledRule[] {
    return this.byKind.get(kind) ?? [];
  }
}

/** What one rule concluded on one view. */
export interface ViewCheck {
  readonly results: readonly CheckResult[];
  /** The rule threw (its results are then one failure saying so). */
  readonly error?: string;
}

/** Run one rule on one view. A rule that throws or returns nothing is a failure, never a silent pass. */
export function checkView(rule: Rule, view: View, ctx: CheckContext): ViewCheck {
  const out = runRule(rule, view, ctx);
  if (out instanceof RuleError) return { results: [out.result], error: out.error };
  return { results: Array.isArray(out) ? (out as readonly CheckResult[]) : [out as CheckResult] };
}

/** What {@link runRule} gives for a rule that threw or returned nothing: one failure saying so. */
export class RuleError {
  constructor(
    readonly result: CheckResult,
    readonly error: string,
  ) {}
}

/**
 * Run one rule on one view, as {@link checkView} does, without wrapping what the rule returned: one
 * result, a non-empty list, or a {@link RuleError}. The engine's loop calls it once per view and rule.
 */
export function runRule(
  rule: Rule,
  view: View,
  ctx: CheckContext,
): CheckResult | readonly CheckResult[] | RuleError {
  try {
    const out = rule.check(view, ctx);
    if (Array.isArray(out) && out.length === 0) {
      return new RuleError(
        { outcome: 'fail', message: `rule ${rule.id} returned no result for \`${view.name}\`` },
        'returned no result',
      );
    }
    return out;
  } catch (e) {
    const error = (e as Error).message;
    return new RuleError(
      { outcome: 'fail', message: `rule ${rule.id} failed on \`${view.name}\`: ${error}` },
      error,
    );
  }
}
