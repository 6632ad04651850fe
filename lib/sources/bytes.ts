import * as fs from 'node:fs';

/** Files smaller than this are read into one buffer that each such read reuses. */
const SCRATCH_BYTES = 1024 * 1024;

let scratch: Buffer | undefined;
/** Whether the scratch buffer holds bytes a caller is still using. */
let lent = false;

/**
 * Read a file and give its bytes to `use`, returning what `use` returns. A file smaller than 1 MiB is
 * read into one buffer that the next read reuses: a directory of templates is read without fresh
 * memory for each file. So `use` must keep neither the bytes nor a view of them (`subarray`); text
 * decoded from them is a copy. Errors are those `fs.readFileSync` throws.
 */
export function withFileBytes<T>(
  file: string,
  use: (bytes: Buffer) => T,
  readError: (e: unknown) => Error = (e) => e as Error,
): T {
  let bytes: Buffer;
  try {
    // A read while the scratch buffer is lent (from within `use`) takes a buffer of its own.
    bytes = lent ? fs.readFileSync(file) : readFrom(file);
  } catch (e) {
    throw readError(e);
  }
  const borrowed = bytes.buffer === scratch?.buffer;
  if (!borrowed) return use(bytes);
  lent = true;
  try {
    return use(bytes);
  } finally {
    lent = false;
  }
}

/** The bytes of a file: in the scratch buffer when they fit, else in a buffer of their own. */
function readFrom(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    return readAll(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readAll(fd: number): Buffer {
  if (fs.fstatSync(fd).size >= SCRATCH_BYTES) return fs.readFileSync(fd);
  scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES);
  let length = 0;
  for (;;) {
    const n = fs.readSync(fd, scratch, length, scratch.length - length, null);
    if (n === 0) return scratch.subarray(0, length);
    length += n;
    // Grown since its size was asked: the rest is read into a buffer of its own.
    if (length === scratch.length) return Buffer.concat([scratch, fs.readFileSync(fd)]);
  }
}
