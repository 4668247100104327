// Writing a command's output file (`export --output FILE`) atomically: a temporary file beside
// it, flushed, then renamed over it in one step — a reader never sees a half-written export,
// and an interrupted run leaves the old file as it was.

import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, bytes: Buffer): void {
  let mode = 0o666;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    /* a new file */
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* gone */ }
    throw e;
  }
}
