// Turning the paths on the command line into the files to check, and writing fixed files
// atomically: a temporary file beside the original, then a rename, never a half-written file.

import { accessSync, closeSync, constants, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_INPUT_BYTES } from './types.js';

export interface Walked {
  files: string[];
  errors: { path: string; error: unknown }[];
}

/**
 * Files named on the command line, and the files under directories that `accept` takes (by
 * default `*.txt`; pass `isSourceFile` from ./index.js for every source kind), sorted.
 */
export function walk(paths: string[], accept: (name: string) => boolean = (n) => /\.txt$/i.test(n)): Walked {
  const out: Walked = { files: [], errors: [] };
  const visit = (p: string, top: boolean) => {
    let st;
    try {
      st = top ? statSync(p) : lstatSync(p);
    } catch (error) {
      out.errors.push({ path: p, error });
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (error) {
        out.errors.push({ path: p, error });
        return;
      }
      for (const n of names) {
        if (n.startsWith('.') || n === 'node_modules') continue;
        const child = join(p, n);
        let cst;
        try { cst = lstatSync(child); } catch (error) { out.errors.push({ path: child, error }); continue; }
        if (cst.isDirectory()) visit(child, false);
        else if (cst.isFile() && accept(n)) out.files.push(child);
      }
    } else if (top || st.isFile()) {
      out.files.push(p);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}

export const MAX_BYTES = MAX_INPUT_BYTES;

export function readInput(path: string): Buffer {
  const st = statSync(path);
  if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' });
  if (st.size > MAX_BYTES) throw Object.assign(new Error('too large'), { code: 'ETOOLARGE', size: st.size });
  return readFileSync(path);
}

const pendingTemps = new Set<string>();
let hooked = false;
function hookSignals() {
  if (hooked) return;
  hooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      for (const t of pendingTemps) try { unlinkSync(t); } catch { /* already gone */ }
      process.exit(130);
    });
  }
}

/**
 * Writes `bytes` to a temporary file beside `path`, flushes it, lets `check` refuse (throw), then
 * renames it over `path` in one step: a reader never sees a half-written file, and an
 * interrupted run (a signal) leaves the old file as it was and no temporary file behind.
 */
function replaceAtomically(path: string, bytes: Buffer, mode: number, check?: () => void): void {
  hookSignals();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pendingTemps.add(tmp);
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    check?.();
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* not created */ }
    throw e;
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** Replaces `path` with `bytes` if it still holds `expected` (checked just before the rename). */
export function writeAtomic(path: string, bytes: Buffer, expected: Buffer): void {
  accessSync(path, constants.W_OK);
  const mode = statSync(path).mode & 0o7777;
  replaceAtomically(path, bytes, mode, () => {
    if (!readFileSync(path).equals(expected)) throw Object.assign(new Error('changed while fixing'), { code: 'ECHANGED' });
  });
}

/** Writes an output file (`export --output FILE`), new or replaced, atomically, keeping an old file's mode. */
export function writeFileAtomic(path: string, bytes: Buffer): void {
  let mode = 0o666;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    /* a new file */
  }
  replaceAtomically(path, bytes, mode);
}
