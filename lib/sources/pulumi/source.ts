import * as fs from 'node:fs';
import type { Source, SourceRead, SourceReadOptions } from '../source';
import { pulumiAdapters } from './adapters';
import { readProgram } from './program';
import { projectFileOf } from './project';
import { readState, stateKind } from './state';

/**
 * Pulumi programs (a directory with `Pulumi.yaml`, run under Pulumi's mocks), `pulumi stack export`
 * files and `pulumi preview --json` files.
 */
export const pulumiSource: Source = {
  kind: 'pulumi',
  title: 'Pulumi programs (Pulumi.yaml), pulumi stack export and pulumi preview --json files',
  recognises(p: string): boolean {
    try {
      if (projectFileOf(p)) return true;
      return fs.statSync(p).isFile() && stateKind(p) !== undefined;
    } catch {
      return false;
    }
  },
  read(p: string, opts?: SourceReadOptions): SourceRead {
    const project = projectFileOf(p);
    return project ? readProgram(project, opts?.stack) : readState(p);
  },
  notRecognised(): string {
    return 'not a Pulumi artifact: it is no Pulumi.yaml, and has no `deployment` (stack export) or `steps` (preview)';
  },
  adapters: pulumiAdapters,
};
