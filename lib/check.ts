import * as fs from 'node:fs';
import { readSuppressionsFile, SUPPRESSIONS_FILE } from './config/suppressions';
import { InputError } from './errors';
import { evaluate, type Evaluation } from './engine/evaluate';
import type { Rule } from './engine/rule';
import type { Suppression } from './engine/suppression';
import { adaptersForAll, loadInput, type LoadedInput } from './sources';
import type { ResourceGraph } from './graph/graph';
import type { AdapterRegistry } from './views/registry';
import { DEFAULT_PACK, PACKS, findPack } from '../policies/packs';
import { RULES } from '../policies/rules';

export interface CheckOptions {
  /** Pack id; default `all`. */
  readonly pack?: string;
  /** Suppressions file; default `bulwark.suppressions.yaml` in the working directory when present. */
  readonly suppressionsFile?: string;
  /** Extra suppressions (e.g. from construct opt-outs). */
  readonly suppressions?: readonly Suppression[];
  readonly rules?: readonly Rule[];
  /** View adapters; default those of every registered source. */
  readonly adapters?: AdapterRegistry;
  readonly today?: Date;
  /** Keep only fail and unknown results; passed and not-applicable ones are counted and scored. */
  readonly findingsOnly?: boolean;
  /** The stack a Pulumi program runs as, when its project has several stack files. */
  readonly stack?: string;
}

export interface CheckRun {
  readonly input: LoadedInput;
  readonly evaluation: Evaluation;
  /** The suppressions file that was read, if any. */
  readonly suppressionsFile?: string;
}

/** Resolve the pack id, or throw a usage error listing the packs. */
export function packOrThrow(id: string | undefined) {
  const pack = findPack(id ?? DEFAULT_PACK);
  if (!pack) {
    throw new InputError(
      'BULWARK_USAGE',
      `--pack ${id}`,
      `unknown pack; choose one of ${PACKS.map((p) => p.id).join(', ')}`,
    );
  }
  return pack;
}

/** Suppressions from the named file, or from the default file when it exists. */
export function loadSuppressions(file: string | undefined): { suppressions: Suppression[]; file?: string } {
  if (file) return { suppressions: readSuppressionsFile(file), file };
  if (fs.existsSync(SUPPRESSIONS_FILE))
    return { suppressions: readSuppressionsFile(SUPPRESSIONS_FILE), file: SUPPRESSIONS_FILE };
  return { suppressions: [] };
}

/** Evaluate a graph with Bulwark's rules, the pack and the suppressions. */
export function checkGraph(
  graph: ResourceGraph,
  opts: CheckOptions = {},
): { evaluation: Evaluation; suppressionsFile?: string } {
  const pack = packOrThrow(opts.pack);
  const loaded = loadSuppressions(opts.suppressionsFile);
  const evaluation = evaluate({
    graph,
    adapters: opts.adapters ?? adaptersForAll(),
    rules: opts.rules ?? RULES,
    pack,
    suppressions: [...loaded.suppressions, ...(opts.suppressions ?? [])],
    today: opts.today,
    findingsOnly: opts.findingsOnly,
  });
  return { evaluation, suppressionsFile: loaded.file };
}

/** Read the artifacts at `paths` and evaluate them. Input problems throw {@link InputError}. */
export function checkPaths(paths: readonly string[], opts: CheckOptions = {}): CheckRun {
  packOrThrow(opts.pack);
  const input = loadInput(paths, { stack: opts.stack });
  return { input, ...checkGraph(input.graph, opts) };
}
