// Finding and reading `.disclosure-report.json` for `check`: from each checked file's folder
// upward, stopping at the filesystem root or at a folder holding `.git` (the repository's root is
// still searched), or the file `--config FILE` names. Each config file is read once per run.

import { closeSync, constants, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, MAX_CONFIG_BYTES, parseConfig, type LoadedConfig } from '../config/index.js';

export interface FoundConfig extends LoadedConfig {
  path: string;
  /** The folder reviewed entries' `file` paths are relative to. */
  dir: string;
}

export class ConfigFinder {
  private readonly byDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, FoundConfig>();

  /** With `explicit` (`--config FILE`), every file uses that one. */
  constructor(private readonly explicit?: string) {}

  /** The config for a checked file, or undefined; throws when `--config FILE` cannot be read. */
  forFile(file: string): FoundConfig | undefined {
    const path = this.explicit !== undefined ? resolve(this.explicit) : this.find(dirname(resolve(file)));
    if (!path) return undefined;
    let c = this.loaded.get(path);
    if (!c) {
      const text = readConfigFile(path);
      c = { ...parseConfig(text), path, dir: dirname(path) };
      this.loaded.set(path, c);
    }
    return c;
  }

  /** The configs read so far, in the order first read. */
  all(): FoundConfig[] {
    return [...this.loaded.values()];
  }

  private find(dir: string): string | undefined {
    const seen: string[] = [];
    let found: string | null | undefined;
    for (let d = dir; ; ) {
      if (this.byDir.has(d)) {
        found = this.byDir.get(d);
        break;
      }
      seen.push(d);
      const candidate = join(d, CONFIG_FILE);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(d);
      if (parent === d || existsSync(join(d, '.git'))) {
        found = null;
        break;
      }
      d = parent;
    }
    for (const d of seen) this.byDir.set(d, found ?? null);
    return found ?? undefined;
  }
}

/**
 * A config file's text: a regular file only (`--config /dev/zero` or a FIFO is refused at once,
 * never read or waited on: opened without blocking, then looked at), at most MAX_CONFIG_BYTES.
 */
export function readConfigFile(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    if (st.size > MAX_CONFIG_BYTES) throw Object.assign(new Error('too large'), { code: 'ETOOLARGE', size: st.size, limit: MAX_CONFIG_BYTES });
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (!got) break;
      n += got;
    }
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A checked file's path as reviewed entries spell it: relative to the config's folder, with `/`. */
export function configRelative(config: FoundConfig, file: string): string {
  return relative(config.dir, resolve(file)).split(sep).join('/');
}
