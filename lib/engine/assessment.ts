import type { Rule } from './rule';

/** The parts of the weighted assessment that rule results feed directly. */
export type AssessmentPart = 'technical' | 'operational';

/**
 * MCSB domains whose rules feed the technical part: the protections themselves (network security,
 * identity, privileged access, data protection, endpoint security, DevOps / workload security).
 */
export const TECHNICAL_DOMAINS: readonly string[] = ['NS', 'IM', 'PA', 'DP', 'ES', 'DS'];

/**
 * MCSB domains whose rules feed the operational part: seeing and recovering (logging and threat
 * detection, incident response, posture and vulnerability management, backup and recovery, asset
 * management).
 */
export const OPERATIONAL_DOMAINS: readonly string[] = ['LT', 'IR', 'PV', 'BR', 'AM'];

/** Weights of the overall assessment: 0.4 technical + 0.3 operational + 0.3 compliance. */
export const ASSESSMENT_WEIGHTS = { technical: 0.4, operational: 0.3, compliance: 0.3 } as const;

/**
 * The MCSB domain a rule belongs to: that of its first `mcsb-v1` control (the control it asserts
 * first), else the domain in its id (`BW-DP-014` -> `DP`).
 */
export function primaryDomain(rule: Rule): string {
  const mcsb = rule.controls.find((c) => c.startsWith('mcsb-v1:'));
  if (mcsb !== undefined) return mcsb.slice('mcsb-v1:'.length).split('-')[0]!;
  return rule.id.split('-')[1] ?? '';
}

/**
 * The assessment part a rule's results feed: operational for the domains of
 * {@link OPERATIONAL_DOMAINS}, technical for every other (so a rule of a new domain is never left
 * out of the assessment).
 */
export function assessmentPart(rule: Rule): AssessmentPart {
  return OPERATIONAL_DOMAINS.includes(primaryDomain(rule)) ? 'operational' : 'technical';
}
