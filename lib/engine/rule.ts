import type { View, ViewKind, ViewOf } from '../views/kinds';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/**
 * How to fix a failure, per front end: a string is the CDK / CloudFormation text (hand-written
 * templates share it); an object gives the text of each front end the rule has one for. A rule claims
 * the front ends its fix gives text for, and has cases for each of them.
 */
export type RuleFix =
  string | { readonly cdk?: string; readonly terraform?: string; readonly pulumi?: string };

export type Outcome = 'pass' | 'fail' | 'not_applicable' | 'unknown';

/** Threats of the security model that a rule mitigates. */
export type Threat =
  | 'unauthorized-access'
  | 'data-breach'
  | 'malicious-code'
  | 'privilege-escalation'
  | 'insider-misuse'
  | 'configuration-drift'
  | 'vulnerable-dependency'
  | 'training-data-poisoning'
  | 'model-theft';

/** What a check says about one view. */
export interface CheckResult {
  readonly outcome: Outcome;
  /** Names the resource in backticks and the bad value. Required for fail and unknown. */
  readonly message?: string;
  /**
   * Distinguishes several findings of one rule on one resource (an ingress rule, a statement):
   * suppressions can target `RULE[finding]`.
   */
  readonly finding?: string;
}

export type CheckReturn = CheckResult | readonly CheckResult[];

/** Services a rule's check may use besides the view. */
export interface CheckContext {
  /** Views of other resources, by address (e.g. the key a store is encrypted with). */
  viewOf<K extends ViewKind>(address: string, kind: K): ViewOf<K> | undefined;
  /**
   * Every view of a kind in the graph, in graph order (estate-level facts: is there a trail capturing data
   * events, a backup plan selecting this level). Computed once per evaluation.
   */
  viewsOfKind<K extends ViewKind>(kind: K): readonly ViewOf<K>[];
}

export interface RuleSpec<K extends ViewKind> {
  /** Stable, unique id written in the rule: `BW-DP-004`. */
  readonly id: string;
  /** The good state, as a sentence: "Object stores deny requests without TLS". */
  readonly title: string;
  readonly severity: Severity;
  /** Control references: `mcsb-v1:DP-3`, `nist-csf-2.0:PR.DS-02`, `cis-aws-5.0:2.1.1`. */
  readonly controls: readonly string[];
  readonly threats?: readonly Threat[];
  /** Why the control matters, for `bulwark explain` and report help. */
  readonly rationale: string;
  /** How to fix a failure, as a sentence or two (may contain inline code), per front end. */
  readonly fix: RuleFix;
  /** View kinds the rule reads; it is evaluated on every view of these kinds. */
  readonly appliesTo: readonly K[];
  /** Documentation anchor or page for the rule; default: the rule catalog entry. */
  readonly helpUri?: string;
  check(view: ViewOf<K>, ctx: CheckContext): CheckReturn;
}

export interface Rule extends RuleSpec<ViewKind> {
  /** Evaluate, typed loosely for the engine. */
  check(view: View, ctx: CheckContext): CheckReturn;
  /** The MCSB-style domain folder the rule lives in (set by the catalog). */
}

const RULE_ID = /^BW-[A-Z]{2,3}-\d{3}$/;

/** Declare a rule. The id is explicit and stable; never derived from the file name. */
export function defineRule<K extends ViewKind>(spec: RuleSpec<K>): Rule {
  if (!RULE_ID.test(spec.id)) throw new Error(`rule id \`${spec.id}\` does not match ${RULE_ID}`);
  if (spec.appliesTo.length === 0) throw new Error(`rule ${spec.id} applies to no view kind`);
  if (spec.controls.length === 0) throw new Error(`rule ${spec.id} names no control`);
  return spec as unknown as Rule;
}

// Result helpers for checks.
export const pass = (message?: string, finding?: string): CheckResult => ({
  outcome: 'pass',
  message,
  finding,
});
export const fail = (message: string, finding?: string): CheckResult => ({
  outcome: 'fail',
  message,
  finding,
});
export const unknown = (message: string, finding?: string): CheckResult => ({
  outcome: 'unknown',
  message,
  finding,
});
export const notApplicable = (message?: string): CheckResult => ({ outcome: 'not_applicable', message });
