import type { Resource, SourceKind } from '../graph/resource';
import type { AdapterRegistry } from '../views/registry';
import type { TemplateInfo } from './artifact';

export type { TemplateInfo } from './artifact';

/** What a source read from one path. */
export interface SourceRead {
  readonly resources: Resource[];
  readonly templates: TemplateInfo[];
  /**
   * What the artifact declares but could not be read (a nested stack without its template): its
   * resources were not checked, and reports say so.
   */
  readonly incomplete: string[];
}

/** Options of a read. */
export interface SourceReadOptions {
  /**
   * The name the artifact deploys as, when the artifact cannot tell (a template file alone names no
   * stack): its resources belong to this stack.
   */
  readonly name?: string;
  /**
   * The stack whose configuration a program runs with, for artifacts that hold several (a Pulumi
   * project with several `Pulumi.<stack>.yaml`).
   */
  readonly stack?: string;
}

/**
 * One kind of artifact Bulwark reads: it recognises its artifacts by content, reads them into
 * resources of its kind, and brings the view adapters of the resource types it reads. `loadInput`
 * asks every registered source (lib/sources/index.ts); nothing above lib/sources names one.
 */
export interface Source {
  readonly kind: SourceKind;
  /** What the source reads, for messages: "CloudFormation templates and CDK cloud assemblies". */
  readonly title: string;
  /**
   * Whether the file or directory at `path` is an artifact of this source, told by its content (a
   * template's `Resources`, a cloud assembly's manifest), not by its name alone. A directory is
   * recognised only when it is one artifact as a whole (a cloud assembly); otherwise its files are
   * asked one by one. Never throws: content that cannot be read is not recognised.
   */
  recognises(path: string): boolean;
  /** Read a recognised artifact. Problems are input errors naming the file. */
  read(path: string, opts?: SourceReadOptions): SourceRead;
  /**
   * Why a readable file is not an artifact of this source, as the start of a sentence: "not a
   * CloudFormation template: it has no `Resources` section".
   */
  notRecognised(path: string): string;
  /** View adapters for the resource types this source reads, registered for its kind. */
  adapters(): AdapterRegistry;
}

/**
 * Append `items` to `list` one by one: a spread into `push` passes every item as an argument, which
 * exceeds the call stack for an artifact of a few hundred thousand resources.
 */
export function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}
