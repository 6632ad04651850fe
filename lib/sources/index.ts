import * as fs from 'node:fs';
import { InputError } from '../errors';
import { ResourceGraph } from '../graph/graph';
import type { Resource } from '../graph/resource';
import {
  isCloudAssembly,
  readCloudAssembly,
  readTemplateDirectory,
  readTemplateFile,
  type TemplateInfo,
} from './cloudformation';

/** What was read from the paths given to a check. */
export interface LoadedInput {
  readonly graph: ResourceGraph;
  /** Every template (or plan, capture) read, with its resource count. */
  readonly artifacts: readonly TemplateInfo[];
  /** What the input declares but could not be read (nested stacks without their template). */
  readonly incomplete: readonly string[];
}

/**
 * Read artifacts into one graph. A path may be a CDK cloud assembly directory, a directory of
 * templates, or a template file (JSON or YAML). Any problem is an {@link InputError} naming the file.
 */
export function loadInput(paths: readonly string[]): LoadedInput {
  if (paths.length === 0)
    throw new InputError(
      'BULWARK_USAGE',
      '(no path)',
      'give at least one path: a cloud assembly (cdk.out) or a template',
    );
  const resources: Resource[] = [];
  const artifacts: TemplateInfo[] = [];
  const incomplete: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError('BULWARK_PATH_NOT_FOUND', p, 'no such file or directory');
    }
    const read = stat.isDirectory()
      ? isCloudAssembly(p)
        ? readCloudAssembly(p)
        : readTemplateDirectory(p)
      : readTemplateFile(p);
    resources.push(...read.resources);
    artifacts.push(...read.templates);
    incomplete.push(...read.incomplete);
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
  return { graph, artifacts, incomplete };
}
