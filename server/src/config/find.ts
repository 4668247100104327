// Where `.disclosure-report.json` is and what it says, for `check` and the language server alike
// (one rule, one reader): the nearest one from a report's folder upward; the search ends after the
// first folder holding `.git` (a repository's root is searched, the folders above it are not) or at
// the root of the file system. Independent of the working directory and of the folder the editor
// opened, so that the CLI and the editor apply the same file to the same report. The file system is
// the runtime's (host/runtime.ts: paths for the CLI, URIs for the server, any workspace scheme in a
// browser): it says what is where and how its names compose.

import type { Runtime } from '../host/runtime.js';
import { CONFIG_FILE, MAX_CONFIG_BYTES, parseConfig, type LoadedConfig } from './load.js';

/** What the search and the reader need of a runtime. */
export type ConfigHost = Pick<Runtime, 'stat' | 'parent' | 'join' | 'readFile'>;

export interface ConfigFile extends LoadedConfig {
  /** Where the file is (a path or a URI, as the runtime names it). */
  where: string;
  /** Its folder: reviewed entries' `file` paths are relative to it. */
  dir: string;
  text: string;
}

/**
 * A config file read and parsed: a regular file only (a device or a FIFO is refused at once, never
 * read or waited on), at most MAX_CONFIG_BYTES, UTF-8 as JSON is (a BOM allowed). Throws what the
 * runtime throws (sources/fileErrors.ts says it in words).
 */
export async function readConfig(host: ConfigHost, where: string): Promise<ConfigFile> {
  const bytes = await host.readFile(where, MAX_CONFIG_BYTES);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { ...parseConfig(text), where, dir: host.parent(where), text };
}

/** The search and the reading, each answer cached (a run of `check`; the server until a config file changes). */
export class ConfigFiles {
  private readonly byDir = new Map<string, Promise<string | null>>();
  private readonly read = new Map<string, Promise<ConfigFile>>();

  constructor(private readonly host: ConfigHost) {}

  /** Where the config file that applies to the reports in folder `dir` is, or null. */
  find(dir: string): Promise<string | null> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.look(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  /** The config file at `where`, read once; rejects when it cannot be read. */
  load(where: string): Promise<ConfigFile> {
    let c = this.read.get(where);
    if (!c) {
      c = readConfig(this.host, where);
      this.read.set(where, c);
    }
    return c;
  }

  /** The config that applies to the reports in folder `dir` (undefined: none); rejects when the file found cannot be read. */
  async forFolder(dir: string): Promise<ConfigFile | undefined> {
    const where = await this.find(dir);
    return where === null ? undefined : this.load(where);
  }

  /** Forgets every answer (a config file or a `.git` created, changed, moved or deleted). */
  clear(): void {
    this.byDir.clear();
    this.read.clear();
  }

  private async look(dir: string): Promise<string | null> {
    const candidate = this.host.join(dir, CONFIG_FILE);
    if ((await this.host.stat(candidate))?.kind === 'file') return candidate;
    const parent = this.host.parent(dir);
    if (parent === dir || (await this.host.stat(this.host.join(dir, '.git'))) !== undefined) return null;
    return this.find(parent);
  }
}
