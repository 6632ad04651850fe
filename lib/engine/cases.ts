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

/**
 * A case taken from a real template vendored under `test/fixtures/real-world/`: the rule is
 * evaluated alone on that template and the expectation is about one resource of it. It proves the
 * rule on what people really write by hand, next to the CDK cases that prove it on what CDK emits.
 */
export interface TemplateRuleCase {
  /** What the case proves: "SSH open to 0.0.0.0/0 by literal CIDR". */
  readonly name: string;
  readonly source: 'cloudformation-template';
  /** Path of the vendored template from the repository root: `test/fixtures/real-world/...`. */
  readonly template: string;
  /** Logical id of the resource (in that template) the expectation is about. */
  readonly target: string;
  /** Expected outcome: for `fail` and `unknown`, at least one result has it; otherwise all results do. */
  readonly expect: Outcome;
  /** For fail/unknown: a pattern (or substring) the message must match. */
  readonly message?: RegExp | string;
}

export type RuleCase = CdkRuleCase | TemplateRuleCase;

/** True for a case built from CDK constructs (the default source). */
export function isCdkCase(c: RuleCase): c is CdkRuleCase {
  return c.source === undefined || c.source === 'cdk';
}

export interface RuleCases {
  readonly rule: Rule;
  readonly cases: readonly RuleCase[];
}

/** Declare the cases of a rule, beside it in `<slug>.cases.ts`. */
export function defineCases(rule: Rule, cases: readonly RuleCase[]): RuleCases {
  return { rule, cases };
}
