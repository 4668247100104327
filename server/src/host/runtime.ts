// The one runtime interface: every file the CLI, the language server and the browser worker read
// or write goes through a Runtime — Node's (host/node.ts: by path for the CLI, by `file:` URI for
// the server) or the workspace file system of VS Code for the Web (host/client.ts, over requests
// to the client). A place is a string the runtime composes itself (`parent`, `join`, `resolve`):
// a path on Node's command line, a URI in the server. Like taplo's Environment, the code above it
// (the config search and load, the sources' reading and write-back) is written once; unlike it,
// finding the config file is not the runtime's own method but one search over `stat`/`parent`/
// `join` (config/find.ts), so that every runtime stops at the same folder. Types only: no Node.

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
  /** Modification time, ms. */
  mtime: number;
}

export interface Runtime {
  /** What is at `where`, links followed; undefined when nothing is (or the runtime cannot reach it). */
  stat(where: string): Promise<FileStat | undefined>;
  /** A folder's entries, symbolic links not followed (a link is `other`). */
  readDirectory(where: string): Promise<[name: string, kind: FileKind][]>;
  /**
   * A regular file's bytes, at most `limit` (else ETOOLARGE with `size` and `limit`); throws with a
   * `code` (ENOENT, ENOTFILE for a folder, a device or a FIFO — never waited on —, EACCES, …)
   * that sources/fileErrors.ts turns into words.
   */
  readFile(where: string, limit: number): Promise<Uint8Array>;
  /**
   * Replaces a file's bytes whole (atomically where the runtime can: a temporary file renamed over
   * it), unless the file no longer holds `expected` (then ECHANGED, nothing written).
   */
  writeFile(where: string, bytes: Uint8Array, expected: Uint8Array): Promise<void>;
  /**
   * Whether this runtime reads `where` at all: Node's by path everything, Node's by URI `file:` only,
   * the web client's any `scheme://` URI of the editor's file systems (file:, vscode-remote: in
   * code-server's web host, vscode-vfs: on vscode.dev). The workspace keeps only folders it reaches.
   */
  reaches(where: string): boolean;
  /** The folder holding `where`; `where` itself at the root. */
  parent(where: string): string;
  join(dir: string, name: string): string;
  /** A place as the user wrote it (a setting, `--previous`): absolute, or relative to folder `base`. */
  resolve(path: string, base: string): string;
}
