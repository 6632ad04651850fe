import type { Rule, Severity } from './rule';

export type Enforcement = 'mandatory' | 'advisory' | 'disabled';

/**
 * A pack selects rules and sets their enforcement. Severity belongs to the rule, enforcement to
 * the pack: a mandatory failure fails `cdk synth` and gates `bulwark check`; an advisory one is
 * reported without failing.
 */
export interface Pack {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Enforcement of a rule in this pack; `disabled` leaves it out. */
  enforcementOf(rule: Rule): Enforcement;
  /**
   * Whether an `unknown` outcome (a value the source could not resolve) gates like a failure under
   * mandatory enforcement. Default true: what cannot be proven is not assumed compliant.
   */
  readonly unknownGates?: boolean;
}

export interface PackSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Rules the pack selects. */
  readonly select: (rule: Rule) => boolean;
  /** Enforcement of selected rules by severity. */
  readonly bySeverity: Readonly<Record<Severity, Enforcement>>;
  /** Per-rule enforcement overriding the severity default. */
  readonly overrides?: Readonly<Record<string, Enforcement>>;
  readonly unknownGates?: boolean;
}

export function definePack(spec: PackSpec): Pack {
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    unknownGates: spec.unknownGates ?? true,
    enforcementOf(rule: Rule): Enforcement {
      if (!spec.select(rule)) return 'disabled';
      return spec.overrides?.[rule.id] ?? spec.bySeverity[rule.severity];
    },
  };
}

/** Rules of a framework: any control reference with that prefix. */
export function namesFramework(rule: Rule, framework: string): boolean {
  return rule.controls.some((c) => c.startsWith(`${framework}:`));
}
