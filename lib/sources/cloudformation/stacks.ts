import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Resource } from '../../graph/resource';
import { append } from '../source';
import { readCloudAssembly, readTemplateFile } from './read';

/**
 * Read the stack templates a synthesis is validating (CDK's policy-validation plugin gets their paths),
 * through their cloud assembly where there is one (construct paths, acknowledgements), without the
 * assembly's other stacks or nested assemblies. `assemblyDir` is the outermost assembly directory.
 */
export function readStackTemplates(templatePaths: readonly string[]): {
  resources: Resource[];
  assemblyDir?: string;
} {
  const byDir = new Map<string, Set<string>>();
  for (const t of templatePaths.map((p) => path.resolve(p))) {
    const d = path.dirname(t);
    let set = byDir.get(d);
    if (!set) byDir.set(d, (set = new Set()));
    set.add(t);
  }
  const resources: Resource[] = [];
  for (const [dir, set] of byDir) {
    const read = fs.existsSync(path.join(dir, 'manifest.json'))
      ? readCloudAssembly(dir, { recurse: false, onlyTemplates: set })
      : { resources: [...set].flatMap((t) => readTemplateFile(t).resources) };
    append(resources, read.resources);
  }
  const dirs = [...byDir.keys()].sort((a, b) => a.length - b.length);
  return { resources, assemblyDir: dirs[0] };
}
