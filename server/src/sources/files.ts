// The Node file access (the one module that imports node:fs, test/imports.test.ts): turning the
// paths on the command line into the files to check, reading a regular file within a limit, and
// writing fixed files atomically: a temporary file beside the original, then a rename, never a
// half-written file. The Node runtime (host/nodeRuntime.ts) is built over it, by path for the CLI
// and by `file:` URI for the server; the CLI's walk and `export --output` use it directly.

import { accessSync, closeSync, type Dirent, constants, fchmodSync, fstatSync, fsyncSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tooLargeError } from './fileErrors.js';


export interface Walked {
  files: string[];
  errors: { path: string; error: unknown }[];
}

/** Word's owner file beside an open document (`~$report.docx`, 162 bytes, no document). */
export const isLockFile = (name: string): boolean => name.startsWith('~$');

/**
 * Files named on the command line, and the files under directories that `accept` takes (by
 * default `*.txt`; pass `isSourceFile` from ./index.js for every source kind), sorted. Symbolic
 * links are followed, to files and to folders (a folder reached twice, a loop, is walked once);
 * a file reached twice — named twice, or named and found in a folder, or through a link — is
 * taken once, at its first name. In folders, hidden entries, `node_modules` and Word's lock files
 * (`~$x.docx`) are left out; a link that cannot be followed is an error only under a name `accept`
 * takes.
 */
export function walk(paths: string[], accept: (name: string) => boolean = (n) => /\.txt$/i.test(n)): Walked {
  const out: Walked = { files: [], errors: [] };
  const dirs = new Set<string>();
  const files = new Set<string>();
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const take = (p: string, r = real(p)) => {
    if (files.has(r)) return;
    files.add(r);
    out.files.push(p);
  };
  const visit = (p: string, top: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (error) {
      out.errors.push({ path: p, error });
      return;
    }
    if (st.isDirectory()) {
      const r = real(p);
      if (dirs.has(r)) return;
      dirs.add(r);
      let entries: Dirent[];
      try {
        entries = readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (error) {
        out.errors.push({ path: p, error });
        return;
      }
      for (const e of entries) {
        const n = e.name;
        if (n.startsWith('.') || n === 'node_modules' || isLockFile(n)) continue;
        const child = join(p, n);
        // A regular file (not a link) needs no stat, and its real path is its folder's real one and its name.
        if (e.isFile()) {
          if (accept(n)) take(child, join(r, n));
          continue;
        }
        let cst;
        try {
          cst = statSync(child);
        } catch (error) {
          // A link pointing nowhere: said when it has a name the walk takes (a report moved away), not
          // for every stray link in the folder (a logo.png would make the batch exit 2).
          if (accept(n)) out.errors.push({ path: child, error });
          continue;
        }
        if (cst.isDirectory()) visit(child, false);
        else if (cst.isFile() && accept(n)) take(child);
      }
    } else if (top || st.isFile()) {
      take(p);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}

/** Whether two paths name the same existing file (through links, `..`, hard links). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export type PathKind = 'file' | 'directory' | 'other';
const kindOf = (s: { isFile(): boolean; isDirectory(): boolean }): PathKind => (s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other');

/** What is at `path`, links followed (size and modification time in ms), or undefined for nothing. */
export async function statAt(path: string): Promise<{ kind: PathKind; size: number; mtime: number } | undefined> {
  try {
    const s = await stat(path);
    return { kind: kindOf(s), size: s.size, mtime: s.mtimeMs };
  } catch {
    return undefined;
  }
}

/** A folder's entries, symbolic links not followed (a link is `other`). */
export async function listFolder(path: string): Promise<[name: string, kind: PathKind][]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.map((e) => [e.name, e.isSymbolicLink() ? 'other' : kindOf(e)]);
}

/**
 * A regular file's bytes, at most `limit` (ETOOLARGE otherwise): a device or a FIFO is refused at
 * once (ENOTFILE), never read or waited on — opened without blocking, then looked at.
 */
export function readRegularFile(path: string, limit: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    if (st.size > limit) throw tooLargeError(st.size, limit);
    const buf = Buffer.allocUnsafeSlow(st.size); // not zero-filled: only the bytes read are returned
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (!got) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const pendingTemps = new Set<string>();
let hooked = false;
function hookSignals() {
  if (hooked) return;
  hooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      for (const t of pendingTemps) try { unlinkSync(t); } catch { /* already gone */ }
      // A command that stops cleanly between files on its own (check --fix) has its own listener.
      if (process.listenerCount(sig) === 1) process.exit(130);
    });
  }
}

/**
 * Writes `bytes` to a temporary file beside `path`, flushes it, lets `check` refuse (throw), then
 * renames it over `path` in one step: a reader never sees a half-written file, and an
 * interrupted run (a signal) leaves the old file as it was and no temporary file behind.
 */
function replaceAtomically(path: string, bytes: Buffer, mode: number | undefined, check?: () => void): void {
  hookSignals();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pendingTemps.add(tmp);
  try {
    const fd = openSync(tmp, 'wx', mode ?? 0o666);
    try {
      // The old file's mode exactly: the one given to open() is masked by the umask (a 0664 file would come back 0644).
      if (mode !== undefined) fchmodSync(fd, mode);
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

/**
 * Replaces `path` with `bytes` if it still holds `expected` (checked just before the rename). A
 * symbolic link is followed: its target is replaced and the link stays a link.
 */
export function writeAtomic(link: string, bytes: Buffer, expected: Buffer): void {
  const path = realpathSync(link);
  accessSync(path, constants.W_OK);
  const mode = statSync(path).mode & 0o7777;
  replaceAtomically(path, bytes, mode, () => {
    if (!readFileSync(path).equals(expected)) throw Object.assign(new Error('changed while fixing'), { code: 'ECHANGED' });
  });
}

/** Writes an output file (`export --output FILE`), new or replaced, atomically, keeping an old file's mode. */
export function writeFileAtomic(link: string, bytes: Buffer): void {
  let path = link;
  try {
    path = realpathSync(link); // a link's target is written; the link stays
  } catch {
    /* a new file */
  }
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    /* a new file: 0666 less the umask */
  }
  replaceAtomically(path, bytes, mode);
}
