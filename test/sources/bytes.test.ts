import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withFileBytes } from '../../lib/sources/bytes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bytes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('withFileBytes', () => {
  test('gives the bytes of empty, small and large files (beyond the reused buffer), whole', () => {
    const contents = [
      Buffer.alloc(0),
      Buffer.from('{"Resources": {}}'),
      Buffer.alloc(1024 * 1024, 'a'),
      Buffer.alloc(3 * 1024 * 1024 + 7, 'b'),
    ];
    contents.forEach((content, i) => {
      const file = write(`file${i}`, content);
      expect(withFileBytes(file, (bytes) => bytes.equals(content))).toBe(true);
    });
  });

  test('a read while the bytes of another are in use leaves them as they were', () => {
    const outer = write('outer', 'outer bytes');
    const inner = write('inner', 'inner');
    const seen = withFileBytes(outer, (bytes) => {
      const nested = withFileBytes(inner, (b) => b.toString());
      return [bytes.toString(), nested];
    });
    expect(seen).toEqual(['outer bytes', 'inner']);
    // After the nested read, the reused buffer serves the next read again.
    expect(withFileBytes(inner, (b) => b.toString())).toBe('inner');
  });

  test('a file that cannot be read throws what readError makes of it; an error of `use` passes as it is', () => {
    const missing = path.join(dir, 'missing');
    expect(() =>
      withFileBytes(
        missing,
        () => 0,
        (e) => new Error(`read: ${(e as NodeJS.ErrnoException).code}`),
      ),
    ).toThrow('read: ENOENT');
    expect(() =>
      withFileBytes(
        dir,
        () => 0,
        (e) => new Error(`read: ${(e as NodeJS.ErrnoException).code}`),
      ),
    ).toThrow('read: EISDIR');
    const file = write('ok', 'x');
    expect(() =>
      withFileBytes(
        file,
        () => {
          throw new Error('from use');
        },
        () => new Error('read'),
      ),
    ).toThrow('from use');
  });
});
