import type { Cloud } from '../../lib/engine/clouds';

/** A benchmark control that rules assert. */
export interface Control {
  /** Id as the framework writes it: `DP-3`, `PR.DS-02`, `3.1`. */
  readonly id: string;
  readonly title: string;
  /** Reference page for the control: an https URL, or a repository doc path for Bulwark's own policies. */
  readonly url: string;
  /** Domain, function or section id the control belongs to: `DP`, `PR.DS`, `3`. */
  readonly group: string;
  /**
   * Why infrastructure code cannot show this control (a process, an organisational duty, a runtime
   * activity). Absent when the control can be asserted on IaC or live configuration.
   */
  readonly notAssertable?: string;
}

/** A group of controls: an MCSB domain, a NIST CSF function or category, a CIS section. */
export interface ControlGroup {
  readonly id: string;
  readonly title: string;
  readonly parent?: string;
}

/** One framework's catalog. */
export interface Catalog {
  /** Prefix of references to this catalog: `mcsb-v1`, `nist-csf-2.0`, `cis-aws-5.0`. */
  readonly framework: string;
  readonly name: string;
  readonly version: string;
  readonly url: string;
  /**
   * The clouds the framework speaks of, whose coverage `bulwark controls` reports: a cloud's own
   * benchmark names one (CIS AWS, CIS Azure); default every cloud Bulwark judges.
   */
  readonly clouds?: readonly Cloud[];
  readonly groups: readonly ControlGroup[];
  readonly controls: readonly Control[];
}

export function defineCatalog(catalog: Catalog): Catalog {
  return catalog;
}
