import ccpa from './ccpa';
import cisAws from './cis-aws-5.0';
import cisAzure from './cis-azure-6.0';
import classification from './classification';
import gdpr from './gdpr';
import mcsb from './mcsb-v1';
import nistCsf from './nist-csf-2.0';
import sox from './sox';
import type { Catalog, Control } from './types';

export type { Catalog, Control, ControlGroup } from './types';

/** Every control catalog Bulwark knows. */
export const CATALOGS: readonly Catalog[] = [
  mcsb,
  nistCsf,
  cisAws,
  cisAzure,
  classification,
  gdpr,
  ccpa,
  sox,
];

const index = new Map<string, { catalog: Catalog; control: Control }>();
for (const catalog of CATALOGS) {
  for (const control of catalog.controls)
    index.set(`${catalog.framework}:${control.id}`, { catalog, control });
}

/** Resolve a reference like `mcsb-v1:DP-3`; undefined when it names no known control. */
export function resolveControl(ref: string): { catalog: Catalog; control: Control } | undefined {
  return index.get(ref);
}

export function catalogOf(framework: string): Catalog | undefined {
  return CATALOGS.find((c) => c.framework === framework);
}
