// The workspace configuration file `.disclosure-report.json` as the language server sees it: for
// each document, the one `check` takes, found and read as `check` finds and reads it
// (config/find.ts ConfigFiles over the runtime: Node's disk, or the workspace file system of VS
// Code for the Web, any hierarchical scheme), cached until a watched-file event says it changed
// (then `onDidChange` fires and the diagnostics are computed again). Applying it to diagnostics is
// config/apply.ts's; the "Mark as reviewed" edit is built here.

import type { WorkspaceEdit } from 'vscode-languageserver';
import type { Localized } from '../core/index.js';
import { addReviewedEdits, replaceReviewedEdits, CONFIG_FILE, ConfigFiles, newConfigText, normalizePath, NOTHING_SETTLED, positionAt, removeReviewedEdits, reviewedEntry, reviewedPositions, settledIn, type Checkable, type LoadedConfig, type Review, type ReviewedEntry, type Settled } from '../config/index.js';
import type { Runtime } from '../host/runtime.js';
import { sourceUriOfDraft } from '../protocol.js';
import { fileError } from '../sources/fileErrors.js';
import { baseName, canonicalUri, isHierarchical, joinUri, parentUri, relativePath } from './files.js';
import type { Logger } from './guard.js';

export interface DocumentConfig extends LoadedConfig {
  /** The config file's URI (canonical). */
  uri: string;
  /** Its folder: reviewed entries' paths are relative to it. */
  dir: string;
  text: string;
}

/** A document on a file system (a hierarchical scheme; not a converted draft, not untitled). */
const onAFileSystem = (uri: string) => isHierarchical(uri) && !sourceUriOfDraft(uri);

export interface ProjectConfigDeps {
  fs?: Runtime;
  /** The innermost workspace folder of a URI (where a new config file goes). */
  folderOf(uri: string): string | undefined;
  log: Logger;
  /** Tells the user about the file's problems (once each time it is read): `where` is `uri:line:col`. */
  warn?(where: string, message: Localized): void;
}

export class ProjectConfigs {
  private configFiles?: ConfigFiles;
  /** A document on a file system the runtime reaches (Node's: `file:`; the web client's: any). */
  private onDisk(uri: string): boolean {
    return !!this.deps.fs?.reaches(uri) && onAFileSystem(uri);
  }
  /** Each file's problems told once per reading. */
  private readonly told = new Map<string, Promise<DocumentConfig | undefined>>();
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change of a config file (part of pull-diagnostic result ids). */
  generation = 0;

  constructor(private readonly deps: ProjectConfigDeps) {}

  onDidChange(l: () => void): { dispose(): void } {
    this.listeners.add(l);
    return { dispose: () => void this.listeners.delete(l) };
  }

  static isConfig(uri: string): boolean {
    return baseName(uri) === CONFIG_FILE;
  }

  /** Watched-file events: any event on a config file drops what was read and fires onDidChange. */
  filesChanged(events: readonly { uri: string; type: number }[]): void {
    if (!events.some((e) => e && typeof e.uri === 'string' && ProjectConfigs.isConfig(e.uri))) return;
    this.forget();
  }

  /** Drops every cached lookup (config files created, changed or deleted; folders changed). */
  forget(): void {
    this.configFiles?.clear();
    this.told.clear();
    this.generation++;
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (err) {
        this.deps.log.error('config listener failed', err);
      }
    }
  }

  /** The config that applies to a document, or undefined (none found, unreadable, or no file system). */
  async forDocument(uri: string): Promise<DocumentConfig | undefined> {
    const files = this.files();
    if (!files || !this.onDisk(uri)) return undefined;
    const c = canonicalUri(uri);
    const where = await files.find(parentUri(c));
    if (!where) return undefined;
    let p = this.told.get(where);
    if (!p) {
      p = this.read(files, where);
      this.told.set(where, p);
    }
    return p;
  }

  /** Where a new config file for `uri` goes: its workspace folder's root, else its own folder. */
  newConfigUri(uri: string): string {
    const c = canonicalUri(uri);
    return joinUri(this.deps.folderOf(c) ?? parentUri(c), CONFIG_FILE);
  }

  /**
   * The workspace edit that records `d` (a diagnostic of the document `uri`, with `lines`) as
   * reviewed: appended to the config that applies, or a new config file at the workspace folder's
   * root (a CreateFile and its text; only when the client can create files). undefined when the
   * config cannot be edited (not valid JSON, no file system, or no way to create it).
   */
  async reviewEdit(uri: string, d: Checkable, lines: { line(i: number): string; readonly lineCount: number }, opts: { canCreate: boolean; documentChanges: boolean; review?: Review }): Promise<{ edit: WorkspaceEdit; entry: ReviewedEntry; configUri: string } | undefined> {
    if (!this.onDisk(uri)) return undefined;
    const c = canonicalUri(uri);
    const config = await this.forDocument(c);
    if (config) {
      const entry = reviewedEntry(d, { file: relativePath(config.dir, c), lines }, opts.review);
      // The same finding reviewed before: its entry replaced, so that one finding keeps one entry.
      const before = config.config.reviewed.findIndex((e) => sameFinding(e, entry));
      const edits = before >= 0 ? replaceReviewedEdits(config.text, fileIndexAt(config.text, config.reviewedAt[before]), entry) : addReviewedEdits(config.text, entry);
      if (!edits) return undefined;
      const textEdits = edits.map((e) => ({ range: { start: positionAt(config.text, e.offset), end: positionAt(config.text, e.offset + e.length) }, newText: e.content }));
      const edit: WorkspaceEdit = opts.documentChanges ? { documentChanges: [{ textDocument: { uri: config.uri, version: null }, edits: textEdits }] } : { changes: { [config.uri]: textEdits } };
      return { edit, entry, configUri: config.uri };
    }
    if (!opts.canCreate || !opts.documentChanges) return undefined;
    const target = this.newConfigUri(c);
    const entry = reviewedEntry(d, { file: relativePath(parentUri(target), c), lines }, opts.review);
    const edit: WorkspaceEdit = {
      documentChanges: [
        { kind: 'create', uri: target, options: { ignoreIfExists: true } },
        { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(entry) }] },
      ],
    };
    return { edit, entry, configUri: target };
  }

  /**
   * What the fixes, inlay hints and recompute lens of `uri` leave alone: the cells of its findings
   * reviewed as accepted or false alarm (none without a usable config file).
   */
  async settled(uri: string): Promise<Settled> {
    const config = await this.forDocument(uri);
    if (!config || config.problems.some((p) => p.fatal)) return NOTHING_SETTLED;
    return settledIn(config.config, relativePath(config.dir, canonicalUri(uri)));
  }

  /**
   * The workspace edit that removes reviewed entry `index` of the config that applies to `uri`,
   * when that entry is about this document; undefined otherwise (the file changed meanwhile).
   */
  async removeEdit(uri: string, index: number, documentChanges: boolean): Promise<WorkspaceEdit | undefined> {
    const c = canonicalUri(uri);
    const config = await this.forDocument(c);
    const entry = config?.config.reviewed[index];
    if (!config || !entry || normalizePath(entry.file) !== relativePath(config.dir, c)) return undefined;
    // The loader's index counts only the entries it kept: find the entry's index in the file.
    const at = config.reviewedAt[index];
    const edits = removeReviewedEdits(config.text, fileIndexAt(config.text, at));
    if (!edits) return undefined;
    const textEdits = edits.map((e) => ({ range: { start: positionAt(config.text, e.offset), end: positionAt(config.text, e.offset + e.length) }, newText: e.content }));
    return documentChanges ? { documentChanges: [{ textDocument: { uri: config.uri, version: null }, edits: textEdits }] } : { changes: { [config.uri]: textEdits } };
  }

  private files(): ConfigFiles | undefined {
    if (this.deps.fs) this.configFiles ??= new ConfigFiles(this.deps.fs);
    return this.configFiles;
  }

  /** The file read (config/find.ts: the CLI's reader), its problems logged and the first one shown. */
  private async read(files: ConfigFiles, uri: string): Promise<DocumentConfig | undefined> {
    let loaded;
    try {
      loaded = await files.load(uri);
    } catch (err) {
      const why = fileError(err);
      const message = { zh: `无法读取，未使用：${why.zh}`, en: `cannot read it, not used: ${why.en}` };
      this.deps.log.info(`${uri}: ${message.en}`);
      this.deps.warn?.(baseName(uri), message);
      return undefined;
    }
    for (const p of loaded.problems) this.deps.log.info(`${uri}:${p.line + 1}:${p.character + 1}: ${p.message.en}`);
    // The first problem is enough to send the user to the file (VS Code's schema marks them all).
    const first = loaded.problems[0];
    if (first) this.deps.warn?.(`${baseName(uri)}:${first.line + 1}:${first.character + 1}`, first.message);
    return { config: loaded.config, problems: loaded.problems, reviewedAt: loaded.reviewedAt, uri, dir: loaded.dir, text: loaded.text };
  }
}

/** The index in the file's `reviewed` array of the element starting at `at` (-1 when none). */
function fileIndexAt(text: string, at: { line: number; character: number } | undefined): number {
  if (!at) return -1;
  const parsed = reviewedPositions(text);
  return parsed.findIndex((p) => p.line === at.line && p.character === at.character);
}

/** Do two entries name the same finding (file, rule, and cell, row or fingerprint)? */
function sameFinding(a: ReviewedEntry, b: ReviewedEntry): boolean {
  return normalizePath(a.file) === normalizePath(b.file) && a.rule === b.rule && (a.cell ?? '') === (b.cell ?? '') && (a.row ?? '') === (b.row ?? '') && (a.fingerprint ?? '') === (b.fingerprint ?? '');
}
