// Fresh folders for a test file under one temporary base, removed when the file's tests end.
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** `fresh(name)`: a new empty folder (its real path: tmpdir may be a link) under `dr-<prefix>-…`. */
export function tempDirs(prefix: string): (name: string) => string {
  const base = realpathSync(mkdtempSync(join(tmpdir(), `dr-${prefix}-`)));
  after(() => rmSync(base, { recursive: true, force: true }));
  let dirs = 0;
  return (name) => {
    const d = join(base, `${++dirs}-${name}`);
    mkdirSync(d);
    return d;
  };
}
