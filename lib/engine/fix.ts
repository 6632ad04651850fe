import type { Resource } from '../graph/resource';
import type { Rule, RuleFix } from './rule';

/** The tool a user writes infrastructure in; a rule's fix is written per front end. */
export type FrontEnd = 'cdk' | 'terraform' | 'pulumi';
export const FRONT_ENDS: readonly FrontEnd[] = ['cdk', 'terraform', 'pulumi'];

/** How each front end is named in fixes and reports. */
export const FRONT_END_NAMES: Readonly<Record<FrontEnd, string>> = {
  cdk: 'CDK / CloudFormation',
  terraform: 'Terraform',
  pulumi: 'Pulumi',
};

/**
 * The front end a resource's fix is written for, from the source it was read from: CloudFormation
 * (from CDK or written by hand) and live AWS reads (compared with CloudFormation) take the CDK /
 * CloudFormation text, Terraform plans and configurations (Terraform, CDKTF) the Terraform text,
 * Pulumi programs the Pulumi text.
 */
export function frontEndOf(resource: Pick<Resource, 'source'>): FrontEnd {
  switch (resource.source) {
    case 'terraform':
      return 'terraform';
    case 'pulumi':
      return 'pulumi';
    case 'cloudformation':
    case 'live':
      return 'cdk';
  }
}

/** The fix texts a rule gives, by front end (a plain string is the CDK / CloudFormation text). */
export function fixTexts(fix: RuleFix): Partial<Record<FrontEnd, string>> {
  if (typeof fix === 'string') return { cdk: fix };
  const out: Partial<Record<FrontEnd, string>> = {};
  for (const fe of FRONT_ENDS) if (fix[fe] !== undefined) out[fe] = fix[fe];
  return out;
}

/** The front ends a rule claims: those its fix gives text for. */
export function claimedFrontEnds(rule: Pick<Rule, 'fix'>): FrontEnd[] {
  return Object.keys(fixTexts(rule.fix)) as FrontEnd[];
}

/**
 * The fix of a rule for a front end. A rule without text for that front end gets a neutral line,
 * never another front end's text: a Terraform user is never told to set a CDK prop.
 */
export function fixFor(rule: Pick<Rule, 'fix'>, frontEnd: FrontEnd): string {
  return (
    fixTexts(rule.fix)[frontEnd] ??
    `no ${FRONT_END_NAMES[frontEnd]} fix is written for this rule; see its rationale`
  );
}
