import * as path from 'node:path';

/** A path relative to `cwd`, with forward slashes; relative inputs are kept as given. */
export function relativePath(p: string, cwd: string): string {
  const rel = path.isAbsolute(p) ? path.relative(cwd, p) || path.basename(p) : p;
  return rel.split(path.sep).join('/');
}
