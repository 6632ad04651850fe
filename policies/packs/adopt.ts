import { definePack, namesFramework } from '../../lib/engine/pack';
import type { Rule } from '../../lib/engine/rule';

/**
 * Rules naming a classification control that do not depend on the scheme: they hold every store to the
 * same state (public access blocked, databases private, a year of logs unless a level says otherwise).
 */
const SCHEME_INDEPENDENT = new Set(['BW-DP-008', 'BW-DP-009', 'BW-LT-001']);

/** Rules of the classification scheme: they read the `data-classification` tag and its requirement table. */
export function isSchemeRule(rule: Rule): boolean {
  return namesFramework(rule, 'classification') && !SCHEME_INDEPENDENT.has(rule.id);
}

/**
 * Preferences rather than misconfigurations: reported, never gating. BW-NS-021 (Shield Advanced) is a
 * subscription decision made for the organisation, not in a template, so it is left out.
 */
const OPINIONS: Readonly<Record<string, 'advisory' | 'disabled'>> = {
  'BW-DP-002': 'advisory', // KMS rather than service-managed keys
  'BW-DS-008': 'advisory', // customer-managed key on build artifacts
  'BW-LT-008': 'advisory', // server access logs on every bucket
  'BW-LT-009': 'advisory', // data events of every bucket (CIS 3.8/3.9), usually an organisation trail's
  'BW-NS-021': 'disabled', // Shield Advanced subscription
};

export default definePack({
  id: 'adopt',
  title: 'Adoption',
  description:
    'For teams that have not adopted the classification scheme yet: its rules are off and preferences (KMS rather ' +
    'than service-managed keys, Shield Advanced, access logs everywhere) are advisory or off. High and critical ' +
    'misconfigurations are mandatory; a value that cannot be resolved from the input is reported but does not gate.',
  select: (rule) => !isSchemeRule(rule),
  bySeverity: { critical: 'mandatory', high: 'mandatory', medium: 'advisory', low: 'advisory' },
  overrides: OPINIONS,
  unknownGates: false,
});
