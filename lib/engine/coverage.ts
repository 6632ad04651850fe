import type { Catalog } from '../../policies/controls/types';
import type { Rule } from './rule';

export type CoverageStatus = 'asserted' | 'not-assertable' | 'not-covered';

export interface ControlCoverage {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly group: string;
  readonly url: string;
  readonly status: CoverageStatus;
  /** Rules asserting the control. */
  readonly rules: readonly string[];
  /** Why IaC cannot assert the control, when it cannot. */
  readonly reason?: string;
}

export interface FrameworkCoverage {
  readonly framework: string;
  readonly name: string;
  readonly version: string;
  readonly summary: {
    readonly controls: number;
    readonly asserted: number;
    readonly notAssertable: number;
    readonly notCovered: number;
    /** Rules naming at least one control of the framework. */
    readonly rules: number;
  };
  readonly controls: readonly ControlCoverage[];
}

/** Each control of a catalog with the rules that assert it, or why none can. */
export function coverageOf(catalog: Catalog, rules: readonly Rule[]): FrameworkCoverage {
  const byControl = new Map<string, string[]>();
  const ruleSet = new Set<string>();
  for (const rule of rules) {
    for (const ref of rule.controls) {
      if (!ref.startsWith(`${catalog.framework}:`)) continue;
      const id = ref.slice(catalog.framework.length + 1);
      let list = byControl.get(id);
      if (!list) byControl.set(id, (list = []));
      if (!list.includes(rule.id)) list.push(rule.id);
      ruleSet.add(rule.id);
    }
  }
  const controls = catalog.controls.map((c): ControlCoverage => {
    const ids = byControl.get(c.id) ?? [];
    const status: CoverageStatus =
      ids.length > 0 ? 'asserted' : c.notAssertable ? 'not-assertable' : 'not-covered';
    return {
      id: c.id,
      ref: `${catalog.framework}:${c.id}`,
      title: c.title,
      group: c.group,
      url: c.url,
      status,
      rules: ids,
      reason: c.notAssertable,
    };
  });
  return {
    framework: catalog.framework,
    name: catalog.name,
    version: catalog.version,
    summary: {
      controls: controls.length,
      asserted: controls.filter((c) => c.status === 'asserted').length,
      notAssertable: controls.filter((c) => c.status === 'not-assertable').length,
      notCovered: controls.filter((c) => c.status === 'not-covered').length,
      rules: ruleSet.size,
    },
    controls,
  };
}
