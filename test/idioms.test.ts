import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

test('unknown facts are tested one way: `instanceof Unknown`, never `isUnknown()`', () => {
  const offenders = [...sources('lib'), ...sources('policies')].filter(
    (f) =>
      f !== path.join('lib', 'graph', 'values.ts') &&
      /\bisUnknown\(/.test(fs.readFileSync(path.join(root, f), 'utf8')),
  );
  expect(offenders).toEqual([]);
});
