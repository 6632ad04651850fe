import type { Stack } from 'aws-cdk-lib';
import type { TerraformStack } from 'cdktf';
import type { FrontEnd } from './fix';
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

/**
 * A case built from CDK for Terraform constructs (`@cdktf/provider-aws`): the runner synthesizes it
 * (no terraform binary needed) and reads the stack's `cdk.tf.json` through the registered sources. It
 * proves the rule on what CDKTF emits, for the Terraform front end.
 */
export interface CdktfRuleCase {
  /** What the case proves: "bucket encrypted with the AWS-managed key only". */
  readonly name: string;
  readonly source: 'cdktf';
  /**
   * Build the case in a fresh stack. The runner gives the stack its AWS provider (`aws`); the case
   * adds only resources.
   */
  build(stack: TerraformStack): void;
  /**
   * The Terraform provider whose resources the case builds: `aws` (the default, `@cdktf/provider-aws`), or
   * `azurerm`, whose resources are cdktf's generic `TerraformResource` (no azurerm bindings are installed).
   */
  readonly provider?: 'aws' | 'azurerm';
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
 * A case taken from a `terraform show -json` plan vendored under `test/fixtures/terraform/`: the rule
 * is evaluated alone on that plan and the expectation is about one resource of it.
 */
export interface TerraformPlanRuleCase {
  /** What the case proves: "security group rule opens SSH to 0.0.0.0/0". */
  readonly name: string;
  readonly source: 'terraform-plan';
  /** Path of the vendored plan from the repository root: `test/fixtures/terraform/...`. */
  readonly file: string;
  /** Terraform address of the resource the expectation is about: `module.net.aws_security_group.web`. */
  readonly target: string;
  /** Expected outcome: for `fail` and `unknown`, at least one result has it; otherwise all results do. */
  readonly expect: Outcome;
  /** For fail/unknown: a pattern (or substring) the message must match. */
  readonly message?: RegExp | string;
}

/**
 * A case built from Pulumi resources (`@pulumi/azure-native`): the runner runs `build` as a program
 * under Pulumi's mocks, in preview mode, and reads what it registers as the Pulumi source reads a
 * program. It proves the rule on what a Pulumi program sends the engine, for the Pulumi front end.
 */
export interface PulumiRuleCase {
  /** What the case proves: "storage account accepts TLS 1.0". */
  readonly name: string;
  readonly source: 'pulumi';
  /** The program: create resources (`new storage.StorageAccount('data', {...})`); may be async. */
  build(): unknown;
  /**
   * Path of the resource the expectation is about: its logical name, under its parents' names for a
   * child (`vault/key`). Default: every result of the rule in the program.
   */
  readonly target?: string;
  /** Expected outcome: for `fail` and `unknown`, at least one result has it; otherwise all results do. */
  readonly expect: Outcome;
  /** For fail/unknown: a pattern (or substring) the message must match. */
  readonly message?: RegExp | string;
}

export type RuleCase =
  CdkRuleCase | TemplateRuleCase | CdktfRuleCase | TerraformPlanRuleCase | PulumiRuleCase;

/** True for a case built from CDK constructs (the default source). */
export function isCdkCase(c: RuleCase): c is CdkRuleCase {
  return c.source === undefined || c.source === 'cdk';
}

/** True for a case taken from a vendored CloudFormation template. */
export function isTemplateCase(c: RuleCase): c is TemplateRuleCase {
  return c.source === 'cloudformation-template';
}

/** True for a case built from CDK for Terraform constructs. */
export function isCdktfCase(c: RuleCase): c is CdktfRuleCase {
  return c.source === 'cdktf';
}

/** True for a case taken from a vendored Terraform plan. */
export function isTerraformPlanCase(c: RuleCase): c is TerraformPlanRuleCase {
  return c.source === 'terraform-plan';
}

/** True for a case built from Pulumi resources. */
export function isPulumiCase(c: RuleCase): c is PulumiRuleCase {
  return c.source === 'pulumi';
}

/**
 * The front end a case proves a rule for: CDK and CloudFormation cases `cdk`, CDKTF and plan cases
 * `terraform`, Pulumi cases `pulumi`.
 */
export function frontEndOfCase(c: RuleCase): FrontEnd {
  if (isPulumiCase(c)) return 'pulumi';
  return isCdktfCase(c) || isTerraformPlanCase(c) ? 'terraform' : 'cdk';
}

export interface RuleCases {
  readonly rule: Rule;
  readonly cases: readonly RuleCase[];
}

/** Declare the cases of a rule, beside it in `<slug>.cases.ts`. */
export function defineCases(rule: Rule, cases: readonly RuleCase[]): RuleCases {
  return { rule, cases };
}
