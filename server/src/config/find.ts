// Where `.disclosure-report.json` is, for `check` and the language server alike (one rule): the
// nearest one from a report's folder upward; the search ends after the first folder holding `.git`
// (a repository's root is searched, the folders above it are not) or at the root of the file
// system. Independent of the working directory and of the folder the editor opened, so that the
// CLI and the editor apply the same file to the same report. No file system here: each runtime
// says how to look (`kind`) and how its names compose (paths for the CLI, URIs for the server).

import { CONFIG_FILE } from './load.js';

export interface ConfigSearchHost {
  /** What is at `where`, following links: a file, a folder, something else, or nothing (undefined). */
  kind(where: string): Promise<'file' | 'directory' | 'other' | undefined>;
  /** The folder holding `dir`; `dir` itself at the root. */
  parent(dir: string): string;
  join(dir: string, name: string): string;
}

/** The search, each folder's answer cached (a run of `check`; the server until a config file changes). */
export class ConfigSearch {
  private readonly byDir = new Map<string, Promise<string | null>>();

  constructor(private readonly host: ConfigSearchHost) {}

  /** The config file that applies to the reports in folder `dir`, or null. */
  find(dir: string): Promise<string | null> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.look(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  /** Forgets every answer (a config file or a `.git` created, moved or deleted). */
  clear(): void {
    this.byDir.clear();
  }

  private async look(dir: string): Promise<string | null> {
    const candidate = this.host.join(dir, CONFIG_FILE);
    if ((await this.host.kind(candidate)) === 'file') return candidate;
    const parent = this.host.parent(dir);
    if (parent === dir || (await this.host.kind(this.host.join(dir, '.git'))) !== undefined) return null;
    return this.find(parent);
  }
}
