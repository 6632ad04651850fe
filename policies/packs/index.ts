import type { Pack } from '../../lib/engine/pack';
import adopt from './adopt';
import all from './all';
import { cisAws, cisAzure, classification, mcsb, nistCsf } from './frameworks';

/** Packs by id; `all` is the default. */
export const PACKS: readonly Pack[] = [all, adopt, mcsb, nistCsf, cisAws, cisAzure, classification];

export const DEFAULT_PACK = 'all';

export function findPack(id: string): Pack | undefined {
  return PACKS.find((p) => p.id === id);
}
