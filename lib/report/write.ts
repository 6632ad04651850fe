import * as fs from 'node:fs';

/**
 * Write to a file the text a writer gives in pieces, in blocks of about 64 KiB, so a large report is
 * never held as one string, and no block outlives its write.
 */
export function writeChunked(file: string, writer: (write: (chunk: string) => void) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    const flush = () => {
      if (size === 0) return;
      const bytes = Buffer.from(pending.join(''), 'utf8');
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at);
      pending = [];
      size = 0;
    };
    writer((chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 16) flush();
    });
    flush();
  } finally {
    fs.closeSync(fd);
  }
}
