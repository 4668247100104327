// The `.disclosure-report.json` of each file `check` reads: the one search and reader the server
// uses too (config/find.ts ConfigFiles, here over Node's paths: host/nodeRuntime.ts), or the file
// `--config FILE` names. Each config file is read once per run.

import { relative, resolve, sep } from 'node:path';
import { ConfigFiles, type ConfigFile } from '../config/index.js';
import { nodePaths } from '../host/nodeRuntime.js';

export type FoundConfig = ConfigFile;

export class ConfigFinder {
  private readonly files = new ConfigFiles(nodePaths);

  /** With `explicit` (`--config FILE`), every file uses that one. */
  constructor(private readonly explicit?: string) {}

  /** The config file for a checked file: `--config FILE`, else the one the search finds (or null). */
  locate(file: string): Promise<string | null> {
    return this.explicit !== undefined ? Promise.resolve(resolve(this.explicit)) : this.files.find(nodePaths.parent(resolve(file)));
  }

  /** The config for a checked file, or undefined; rejects when the file found or named cannot be read. */
  async forFile(file: string): Promise<FoundConfig | undefined> {
    const where = await this.locate(file);
    return where ? this.load(where) : undefined;
  }

  /** A config file read (once per run); rejects when it cannot be. */
  load(where: string): Promise<FoundConfig> {
    return this.files.load(where);
  }
}

/** A checked file's path as reviewed entries spell it: relative to the config's folder, with `/`. */
export function configRelative(config: FoundConfig, file: string): string {
  return relative(config.dir, resolve(file)).split(sep).join('/');
}
