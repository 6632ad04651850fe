import type { Stack } from 'aws-cdk-lib';
import type { Outcome, Rule } from './rule';

/**
 * A named case of a rule: start from a compliant baseline, change one thing, say what the rule must
 * conclude. Built from real constructs and synthesized, so the rule is proven on what tools emit.
 */
export interface CdkRuleCase {
  /** What the case proves: "bucket policy allows aws:SecureTransport=false". */
  readonly name: string;
  readonly source?: 'cdk';
  /** Build the case in a fresh stack (feature flags and validation off unless the case sets them). */
  build(stack: Stack): void;
  /**
   * Construct id (path below the stack, e.g. `Data` or `Net/Web`) of the resource the expectation is
   * about. Default: every result of the rule in the stack.
   */
  readonly target?: string;
  /** Expected outcome: for `fail` and `unknown`, at least one result has it; otherwise all results do. */
  readonly expect: Outcome;
  /** For fail/unknown: a pattern (or substring) the message must match. */
  readonly message?: RegExp | string;
}

export type RuleCase = CdkRuleCase;

export interface RuleCases {
  readonly rule: Rule;
  readonly cases: readonly RuleCase[];
}

/** Declare the cases of a rule, beside it in `<slug>.cases.ts`. */
export function defineCases(rule: Rule, cases: readonly RuleCase[]): RuleCases {
  return { rule, cases };
}
