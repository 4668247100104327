// Finding and reading `.disclosure-report.json` for `check`: the one search the server makes too
// (config/find.ts: the nearest upward, ending after a folder holding `.git` or at the root), over
// paths, or the file `--config FILE` names. Each config file is read once per run.

import { dirname, join, relative, resolve, sep } from 'node:path';
import { kindAt, readRegularFile } from '../sources/files.js';
import { ConfigSearch, MAX_CONFIG_BYTES, parseConfig, type ConfigSearchHost, type LoadedConfig } from '../config/index.js';

export interface FoundConfig extends LoadedConfig {
  path: string;
  /** The folder reviewed entries' `file` paths are relative to. */
  dir: string;
}

/** The search over the paths of this machine (links followed). */
const PATHS: ConfigSearchHost = { kind: kindAt, parent: dirname, join };

export class ConfigFinder {
  private readonly search = new ConfigSearch(PATHS);
  private readonly loaded = new Map<string, FoundConfig>();

  /** With `explicit` (`--config FILE`), every file uses that one. */
  constructor(private readonly explicit?: string) {}

  /** The config file for a checked file: `--config FILE`, else the one the search finds (or null). */
  locate(file: string): Promise<string | null> {
    return this.explicit !== undefined ? Promise.resolve(resolve(this.explicit)) : this.search.find(dirname(resolve(file)));
  }

  /** The config for a checked file, or undefined; throws when the file found or named cannot be read. */
  async forFile(file: string): Promise<FoundConfig | undefined> {
    const path = await this.locate(file);
    return path ? this.load(path) : undefined;
  }

  /** A config file read (once per run); throws when it cannot be. */
  load(path: string): FoundConfig {
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
}

/**
 * A config file's text: a regular file only (`--config /dev/zero` or a FIFO is refused at once,
 * never read or waited on), at most MAX_CONFIG_BYTES.
 */
export function readConfigFile(path: string): string {
  return readRegularFile(path, MAX_CONFIG_BYTES).toString('utf8');
}

/** A checked file's path as reviewed entries spell it: relative to the config's folder, with `/`. */
export function configRelative(config: FoundConfig, file: string): string {
  return relative(config.dir, resolve(file)).split(sep).join('/');
}
