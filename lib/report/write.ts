import * as fs from 'node:fs';

/** Size of the block {@link writeChunked} fills before each write. */
const BLOCK = 1 << 16;

/**
 * Write to a file the text a writer gives in pieces, in blocks of 64 KiB: the pieces are encoded
 * into one reused buffer, so a large report is never held as one string, and writing it allocates
 * no joined text or buffer per block. A piece larger than a block is written on its own.
 */
export function writeChunked(file: string, writer: (write: (chunk: string) => void) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    const block = Buffer.allocUnsafe(BLOCK);
    let used = 0;
    const writeAll = (bytes: Buffer, length: number) => {
      for (let at = 0; at < length;) at += fs.writeSync(fd, bytes, at, length - at);
    };
    const flush = () => {
      writeAll(block, used);
      used = 0;
    };
    writer((chunk) => {
      // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
      if (used + chunk.length * 3 > BLOCK) {
        const size = Buffer.byteLength(chunk, 'utf8');
        if (used + size > BLOCK) flush();
        if (size > BLOCK) {
          const bytes = Buffer.from(chunk, 'utf8');
          writeAll(bytes, bytes.length);
          return;
        }
      }
      used += block.write(chunk, used, 'utf8');
    });
    flush();
  } finally {
    fs.closeSync(fd);
  }
}
