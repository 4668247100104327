// Finding and reading `.disclosure-report.json` for `check`: from each checked file's folder
// upward, stopping at the filesystem root or at a folder holding `.git` (the repository's root is
// still searched), or the file `--config FILE` names. Each config file is read once per run.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, parseConfig, type LoadedConfig } from '../config/index.js';

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
      const text = readFileSync(path, 'utf8');
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
