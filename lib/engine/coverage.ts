import type { Catalog } from '../../policies/controls/types';
import { CLOUDS, cloudsOfRule, type Cloud } from './clouds';
import type { Rule } from './rule';

export type CoverageStatus = 'asserted' | 'not-assertable' | 'not-covered';

/** A control on one cloud: whether rules assert it there. */
export interface CloudControlCoverage {
  readonly status: CoverageStatus;
  /** Rules asserting the control on that cloud's resources. */
  readonly rules: readonly string[];
}

export interface ControlCoverage {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly group: string;
  readonly url: string;
  /** Status on any cloud: asserted when a rule asserts it on at least one. */
  readonly status: CoverageStatus;
  /** Rules naming the control, whatever cloud they judge. */
  readonly rules: readonly string[];
  /** Why IaC cannot assert the control, when it cannot. */
  readonly reason?: string;
  /** Status and rules on each cloud the framework speaks of. */
  readonly clouds: Partial<Readonly<Record<Cloud, CloudControlCoverage>>>;
}

/** Counts of a framework's controls, on every cloud or on one. */
export interface CoverageSummary {
  readonly controls: number;
  readonly asserted: number;
  readonly notAssertable: number;
  readonly notCovered: number;
  /** Distinct rules asserting at least one control of the framework (on that cloud). */
  readonly rules: number;
}

export interface FrameworkCoverage {
  readonly framework: string;
  readonly name: string;
  readonly version: string;
  /** The clouds the framework speaks of, in the order reports show them. */
  readonly cloudsCovered: readonly Cloud[];
  readonly summary: CoverageSummary & {
    /** The same counts on each cloud the framework speaks of. */
    readonly clouds: Partial<Readonly<Record<Cloud, CoverageSummary>>>;
  };
  readonly controls: readonly ControlCoverage[];
}

/**
 * Each control of a catalog with the rules that assert it, or why none can; and the same per cloud,
 * where a rule counts for the clouds it asserts its controls on ({@link cloudsOfRule}).
 */
export function coverageOf(catalog: Catalog, rules: readonly Rule[]): FrameworkCoverage {
  const cloudsCovered = catalog.clouds ?? CLOUDS;
  const byControl = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const ref of rule.controls) {
      if (!ref.startsWith(`${catalog.framework}:`)) continue;
      const id = ref.slice(catalog.framework.length + 1);
      let list = byControl.get(id);
      if (!list) byControl.set(id, (list = []));
      if (!list.includes(rule)) list.push(rule);
    }
  }
  const cloudsOf = new Map(rules.map((r) => [r, cloudsOfRule(r)]));
  const statusOf = (ids: readonly string[], notAssertable: string | undefined): CoverageStatus =>
    ids.length > 0 ? 'asserted' : notAssertable ? 'not-assertable' : 'not-covered';
  const controls = catalog.controls.map((c): ControlCoverage => {
    const asserting = byControl.get(c.id) ?? [];
    const ids = asserting.map((r) => r.id);
    const clouds: Partial<Record<Cloud, CloudControlCoverage>> = {};
    for (const cloud of cloudsCovered) {
      const onCloud = asserting.filter((r) => cloudsOf.get(r)!.includes(cloud)).map((r) => r.id);
      clouds[cloud] = { status: statusOf(onCloud, c.notAssertable), rules: onCloud };
    }
    return {
      id: c.id,
      ref: `${catalog.framework}:${c.id}`,
      title: c.title,
      group: c.group,
      url: c.url,
      status: statusOf(ids, c.notAssertable),
      rules: ids,
      reason: c.notAssertable,
      clouds,
    };
  });
  const summarise = (
    of: readonly { status: CoverageStatus; rules: readonly string[] }[],
  ): CoverageSummary => ({
    controls: of.length,
    asserted: of.filter((c) => c.status === 'asserted').length,
    notAssertable: of.filter((c) => c.status === 'not-assertable').length,
    notCovered: of.filter((c) => c.status === 'not-covered').length,
    rules: new Set(of.flatMap((c) => c.rules)).size,
  });
  const perCloud: Partial<Record<Cloud, CoverageSummary>> = {};
  for (const cloud of cloudsCovered) perCloud[cloud] = summarise(controls.map((c) => c.clouds[cloud]!));
  return {
    framework: catalog.framework,
    name: catalog.name,
    version: catalog.version,
    cloudsCovered,
    summary: { ...summarise(controls), clouds: perCloud },
    controls,
  };
}
