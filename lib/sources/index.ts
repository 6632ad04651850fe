import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { ResourceGraph } from '../graph/graph';
import type { Resource } from '../graph/resource';
import { AdapterRegistry } from '../views/registry';
import { cloudFormationSource } from './cloudformation/source';
import { terraformSource } from './terraform/source';
import { pulumiSource } from './pulumi/source';
import { checkParses } from './cloudformation/parse';
import { append, type Source, type SourceRead, type TemplateInfo } from './source';

export type { Source, SourceRead, SourceReadOptions, TemplateInfo } from './source';
export { readStackTemplates } from './cloudformation/stacks';

/**
 * The registered sources, asked in this order: the first that recognises an artifact reads it. A new
 * source is one entry here.
 */
export const SOURCES: readonly Source[] = [cloudFormationSource, terraformSource, pulumiSource];

/** The registered source of a kind, if any. */
export function sourceOfKind(kind: Source['kind'], sources: readonly Source[] = SOURCES): Source | undefined {
  return sources.find((s) => s.kind === kind);
}

/** The view adapters of every registered source, each registered for its own source kind. */
export function adaptersForAll(sources: readonly Source[] = SOURCES): AdapterRegistry {
  return sources.reduce((acc, s) => acc.merge(s.adapters()), new AdapterRegistry());
}

/** What was read from the paths given to a check. */
export interface LoadedInput {
  readonly graph: ResourceGraph;
  /** Every template (or plan, capture) read, with its resource count. */
  readonly artifacts: readonly TemplateInfo[];
  /** What the input declares but could not be read (nested stacks without their template). */
  readonly incomplete: readonly string[];
  /** Files of a given directory that no source recognises: not read, and listed in reports. */
  readonly skipped: readonly string[];
}

/** Options of {@link loadInput}. */
export interface LoadOptions {
  /** The name a single artifact deploys as, when it cannot tell (a template file names no stack). */
  readonly name?: string;
  /** The stack a Pulumi program runs as, when its project has several stack files. */
  readonly stack?: string;
  /** The sources to ask; default every registered source. */
  readonly sources?: readonly Source[];
}

/**
 * Read artifacts into one graph. Each path is read by the first registered source that recognises it
 * by content (a cloud assembly, a template). A directory one source reads as a whole also has the
 * files another source recognises read by that source. A directory no source recognises as a whole is
 * read file by file, each file by the source that recognises it; files none recognises are skipped
 * and listed. A
 * file given by itself that no source recognises is an input error. Any problem is an
 * {@link InputError} naming the file.
 */
export function loadInput(paths: readonly string[], opts: LoadOptions = {}): LoadedInput {
  if (paths.length === 0)
    throw new InputError(
      'BULWARK_USAGE',
      '(no path)',
      'give at least one path: a cloud assembly (cdk.out) or a template',
    );
  const sources = opts.sources ?? SOURCES;
  const resources: Resource[] = [];
  const artifacts: TemplateInfo[] = [];
  const incomplete: string[] = [];
  const skipped: string[] = [];
  const add = (read: SourceRead) => {
    append(resources, read.resources);
    append(artifacts, read.templates);
    append(incomplete, read.incomplete);
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError('BULWARK_PATH_NOT_FOUND', p, 'no such file or directory');
    }
    const source = sources.find((s) => s.recognises(p));
    if (source) {
      add(source.read(p, { name: opts.name, stack: opts.stack }));
      // A directory one source reads as a whole (a directory of plans) may also hold another
      // source's artifacts (a template): those are read too, never passed over unread.
      if (stat.isDirectory()) {
        const others = readDirectory(
          p,
          sources.filter((s) => s !== source),
        );
        for (const [file, s] of others.read) add(s.read(file, { stack: opts.stack }));
      }
    } else if (stat.isDirectory()) {
      const files = readDirectory(p, sources);
      if (files.read.length === 0)
        throw new InputError(
          'BULWARK_NO_TEMPLATES',
          p,
          `the directory has no templates or other artifacts a source recognises (${sources.map((s) => s.title).join('; ')})`,
        );
      for (const [file, s] of files.read) add(s.read(file, { stack: opts.stack }));
      append(skipped, files.skipped);
    } else throw notRecognised(p, sources);
  }
  const graph = new ResourceGraph();
  for (const r of resources) {
    if (graph.get(r.address)) {
      throw new InputError(
        'BULWARK_TEMPLATE_INVALID',
        r.location?.file ?? r.address,
        `resource address \`${r.address}\` is declared twice (the same stack given twice?)`,
      );
    }
    graph.add(r);
  }
  return { graph, artifacts, incomplete, skipped };
}

/** The files of a directory, each with the source that recognises it, and the files none does. */
function readDirectory(
  dir: string,
  sources: readonly Source[],
): { read: [string, Source][]; skipped: string[] } {
  const read: [string, Source][] = [];
  const skipped: string[] = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    const source = sources.find((s) => s.recognises(file));
    if (source) read.push([file, source]);
    else skipped.push(file);
  }
  return { read, skipped };
}

/** The error for a file no source recognises: why it cannot be read at all, or why it is none's. */
function notRecognised(file: string, sources: readonly Source[]): InputError {
  // Content that cannot be read at all (empty, binary, wrongly encoded, malformed, a key given
  // twice, nested too deep) is named as such.
  checkParses(file, fs.readFileSync(file));
  return new InputError('BULWARK_NOT_RECOGNISED', file, sources.map((s) => s.notRecognised(file)).join('; '));
}
