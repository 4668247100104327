// The workspace index: the workspace folders (initialize's workspaceFolders or rootUri, then
// workspace/didChangeWorkspaceFolders), the report files in them, each one's text read from disk
// when it is not open (an open document always takes precedence over the file), its identity
// (office and year, core/years reportIdentity) cached by modification time, last year's report
// for a report (`previousFor`), one event for every change of a report on disk or in an editor
// (`onDidChange`), and one for each report whose last year's report may have changed
// (`onDidChangeDependency`), so that what depends on another file is checked again.
//
// Bounded: at most `maxFiles` files are listed (the first in path order; the rest are counted in
// `truncated`), a file larger than `maxBytes` is not read, folders deeper than `maxDepth` are not
// walked; `node_modules` and every folder or file whose name starts with `.` are skipped. Texts
// (.txt, .md) are read as they are; .docx, .html, .htm and .pdf through the reader registered for
// them in `readers` (server.ts registers the runtime's sources, as the CLI reads them).
//
// Not a feature: server.ts builds it and hands it to the features through the context.

import { readsLikeReport, ReportModel, type Analysis } from '../core/index.js';
import { findPrevious, reportIdentity, type ReportIdentity } from '../core/years/index.js';
import type { DocumentStore, ReportDocument } from './documents.js';
import type { Runtime } from '../host/runtime.js';
import { bufferOf, decode } from '../sources/encoding.js';
import { baseName, canonicalUri, isInside, joinUri, parentUri } from './files.js';
import type { Logger } from './guard.js';

export interface WorkspaceLimits {
  maxFiles: number;
  maxBytes: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: WorkspaceLimits = { maxFiles: 2000, maxBytes: 10 * 1024 * 1024, maxDepth: 12 };

/** Extensions read as text now. */
export const TEXT_EXTENSIONS = ['.txt', '.md'] as const;
/** Every extension a report may have (the others wait for their reader: issue "sources"). */
export const SOURCE_EXTENSIONS = [...TEXT_EXTENSIONS, '.docx', '.html', '.htm', '.pdf'] as const;

/** A reader of a non-text source: its text in the tab layout (as `disclosure-report text` prints it). */
export type SourceReader = (uri: string) => Promise<string>;

export type ChangeKind = 'created' | 'changed' | 'deleted' | 'opened' | 'edited' | 'closed';

export interface ReportChange {
  /** Canonical URI. */
  uri: string;
  kind: ChangeKind;
}

/** One report as the index holds it: from the editor (open) or from disk. */
export interface IndexedReport {
  uri: string;
  source: 'editor' | 'disk';
  /** The editor's version; undefined for a file read from disk. */
  version?: number;
  lines: readonly string[];
  analysis: Analysis;
  identity: ReportIdentity;
  /** It reads like a report (a title, three section headings, or a recognised table). */
  isReport: boolean;
}

export type PreviousReason = 'setting' | 'pairing';

export interface PreviousReport extends IndexedReport {
  /** Found by the setting `disclosureReport.previousReport`, or by office and year − 1. */
  reason: PreviousReason;
}

export interface WorkspaceDeps {
  /** Absent in a browser worker: then only open documents are known. */
  fs?: Runtime;
  documents: Pick<DocumentStore, 'get' | 'all' | 'onDidOpen' | 'onDidChange' | 'onDidClose' | 'analyzeSafely' | 'identityOf'>;
  log: Logger;
  /** The setting `disclosureReport.previousReport` for a document (a path), if set. */
  previousReport?: (uri: string) => Promise<string | undefined>;
  limits?: Partial<WorkspaceLimits>;
}

interface DiskEntry {
  mtime: number;
  size: number;
  /** The file could not be read (damaged, or over a budget of the readers): not tried again until it changes. */
  unreadable?: boolean;
  report?: IndexedReport;
  identity?: ReportIdentity;
  isReport?: boolean;
}

/** How many disk analyses are kept (identities are kept for every file). */
const ANALYSIS_CACHE = 16;

/** A report title, three section headings or a recognised table (the core's readsLikeReport, by this identity). */
export function isReportAnalysis(identity: ReportIdentity, analysis: Analysis): boolean {
  return readsLikeReport({ ...analysis, identity: { ...analysis.identity, titleRange: identity.titleRange } });
}

export function hasSourceExtension(name: string): boolean {
  const n = name.toLowerCase();
  return SOURCE_EXTENSIONS.some((e) => n.endsWith(e));
}

export class WorkspaceIndex {
  readonly limits: WorkspaceLimits;
  /** Readers of non-text sources, by extension (`.docx`: …); texts need none. */
  readonly readers = new Map<string, SourceReader>();
  private folderList: string[] = [];
  private listing: Promise<{ files: string[]; truncated: number }> | undefined;
  private readonly disk = new Map<string, DiskEntry>();
  private readonly recent: string[] = [];
  private readonly listeners = new Set<(e: ReportChange) => void>();
  /** What previousFor last answered for each report (null: none found). */
  private readonly lastPrevious = new Map<string, string | null>();
  private readonly dependencyListeners = new Set<(dependent: string, change: ReportChange) => void>();

  constructor(private readonly deps: WorkspaceDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    deps.documents.onDidOpen((d) => this.fire({ uri: canonicalUri(d.uri), kind: 'opened' }));
    deps.documents.onDidChange((d) => this.fire({ uri: canonicalUri(d.uri), kind: 'edited' }));
    deps.documents.onDidClose((uri) => this.fire({ uri: canonicalUri(uri), kind: 'closed' }));
  }

  /** The workspace folders (canonical URIs). */
  get folders(): readonly string[] {
    return this.folderList;
  }

  get canReadDisk(): boolean {
    return !!this.deps.fs;
  }

  setFolders(uris: readonly string[]): void {
    const reaches = (u: string) => (this.deps.fs ? this.deps.fs.reaches(u) : /^file:/i.test(u));
    this.folderList = [...new Set(uris.filter((u) => typeof u === 'string' && reaches(u)).map((u) => canonicalUri(u).replace(/\/+$/, '') || u))];
    this.listing = undefined;
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map((u) => canonicalUri(u).replace(/\/+$/, '')));
    this.setFolders([...this.folderList.filter((f) => !gone.has(f)), ...added]);
  }

  /** The innermost workspace folder holding `uri`. */
  folderOf(uri: string): string | undefined {
    const u = canonicalUri(uri);
    return this.folderList.filter((f) => isInside(u, f)).sort((a, b) => b.length - a.length)[0];
  }

  onDidChange(listener: (e: ReportChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /**
   * Fires for a report (`dependent`, canonical URI) whose last year's report may have changed:
   * the file previousFor last gave it changed (on disk or in an editor), was deleted or closed;
   * or, for a report that had none, a report file appeared, was opened or changed on disk (it may
   * be the one now). The listener checks the dependent again (and calls previousFor anew).
   */
  onDidChangeDependency(listener: (dependent: string, change: ReportChange) => void): { dispose(): void } {
    this.dependencyListeners.add(listener);
    return { dispose: () => void this.dependencyListeners.delete(listener) };
  }

  /** Forget a report's pairing (its document closed for good, say). */
  forgetDependent(uri: string): void {
    this.lastPrevious.delete(canonicalUri(uri));
  }

  /** `workspace/didChangeWatchedFiles` (type 1 created, 2 changed, 3 deleted). */
  filesChanged(events: readonly { uri: string; type: number }[]): void {
    for (const e of events) {
      if (!e || typeof e.uri !== 'string') continue;
      const uri = canonicalUri(e.uri);
      this.disk.delete(uri);
      if (e.type !== 2) this.listing = undefined;
      if (!hasSourceExtension(baseName(uri))) continue;
      this.fire({ uri, kind: e.type === 1 ? 'created' : e.type === 3 ? 'deleted' : 'changed' });
    }
  }

  /** The report files of every folder (canonical URIs, sorted), at most `maxFiles`. */
  async files(opts: { fresh?: boolean } = {}): Promise<{ files: string[]; truncated: number }> {
    if (!this.deps.fs) return { files: [], truncated: 0 };
    if (!this.listing || opts.fresh) {
      const p = this.scan();
      this.listing = p;
      p.catch(() => {
        if (this.listing === p) this.listing = undefined;
      });
    }
    return this.listing;
  }

  /** The open document for `uri`, whatever spelling of the URI the client used. */
  openDocument(uri: string): ReportDocument | undefined {
    const direct = this.deps.documents.get(uri);
    if (direct) return direct;
    const c = canonicalUri(uri);
    return this.deps.documents.all().find((d) => canonicalUri(d.uri) === c);
  }

  /**
   * A report's text, analysis and identity: the open document's when it is open, else the file
   * on disk (cached by modification time and size); undefined when it cannot be read.
   */
  async report(uri: string): Promise<IndexedReport | undefined> {
    const c = canonicalUri(uri);
    const doc = this.openDocument(c);
    if (doc) {
      const lines: string[] = [];
      for (let i = 0; i < doc.model.lineCount; i++) lines.push(doc.model.line(i));
      const analysis = this.deps.documents.analyzeSafely(doc);
      const identity = reportIdentity(lines, baseName(c));
      return { uri: doc.uri, source: 'editor', version: doc.version, lines, analysis, identity, isReport: isReportAnalysis(identity, analysis) };
    }
    return this.fromDisk(c);
  }

  /** The identity of a report (open or on disk), cached by modification time. */
  async identity(uri: string): Promise<{ identity: ReportIdentity; isReport: boolean } | undefined> {
    const c = canonicalUri(uri);
    const open = this.openDocument(c);
    if (open) {
      // The analysis the editor keeps already knows it (read with the file name): no copy of the
      // lines per open document each time a report looks for last year's, and no parse of a
      // report whose parse was released (it kept its identity).
      return this.deps.documents.identityOf(open);
    }
    {
      const st = await this.deps.fs?.stat(c);
      const cached = this.disk.get(c);
      if (st && cached && cached.mtime === st.mtime && cached.size === st.size) {
        if (cached.unreadable) return undefined;
        if (cached.identity) return { identity: cached.identity, isReport: !!cached.isReport };
      }
    }
    const r = await this.report(c);
    return r && { identity: r.identity, isReport: r.isReport };
  }

  /**
   * Last year's report for `uri`: the file the setting `disclosureReport.previousReport` names (a
   * path relative to the document's workspace folder, else to its folder, or absolute), else the
   * one report in the workspace of the same office and the year before (core/years findPrevious;
   * none when there are two).
   */
  async previousFor(uri: string): Promise<PreviousReport | undefined> {
    const c = canonicalUri(uri);
    const found = await this.findPreviousReport(c);
    this.lastPrevious.set(c, found ? canonicalUri(found.uri) : null);
    return found;
  }

  private async findPreviousReport(c: string): Promise<PreviousReport | undefined> {
    const setting = (await this.deps.previousReport?.(c))?.trim();
    if (setting) {
      if (!this.deps.fs) return undefined;
      const target = this.deps.fs.resolve(setting, this.folderOf(c) ?? parentUri(c));
      if (target === c) return undefined;
      const r = await this.report(target);
      return r && { ...r, reason: 'setting' };
    }
    const me = await this.identity(c);
    if (!me || !me.identity.officeKey || me.identity.year === null) return undefined;
    const { files } = await this.files();
    const inputs = [{ path: c, office: me.identity.office, year: me.identity.year }];
    for (const f of files) {
      if (f === c) continue;
      const id = await this.identity(f);
      if (id?.isReport && id.identity.year === me.identity.year - 1) inputs.push({ path: f, office: id.identity.office, year: id.identity.year });
    }
    // Open documents outside the folders (or not yet saved) count too.
    for (const d of this.deps.documents.all()) {
      const du = canonicalUri(d.uri);
      if (du === c || inputs.some((x) => x.path === du)) continue;
      const id = await this.identity(du);
      if (id?.isReport && id.identity.year === me.identity.year - 1) inputs.push({ path: du, office: id.identity.office, year: id.identity.year });
    }
    const pairing = findPrevious(inputs)[0];
    if (!pairing?.previous) return undefined;
    const r = await this.report(pairing.previous);
    return r && { ...r, reason: 'pairing' };
  }

  private fire(e: ReportChange): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        this.deps.log.error(`workspace listener failed for ${e.uri}`, err);
      }
    }
    if (!this.dependencyListeners.size) return;
    const mayBeNew = e.kind === 'created' || e.kind === 'opened' || e.kind === 'changed';
    // The dependents first, then their listeners (which may change the map); no copy per edit.
    let hit: string[] | undefined;
    for (const [dependent, previous] of this.lastPrevious) {
      if (dependent !== e.uri && (previous === e.uri || (previous === null && mayBeNew))) (hit ??= []).push(dependent);
    }
    for (const dependent of hit ?? []) {
      for (const l of [...this.dependencyListeners]) {
        try {
          l(dependent, e);
        } catch (err) {
          this.deps.log.error(`dependency listener failed for ${dependent}`, err);
        }
      }
    }
  }

  /** A file being read, so that two lookups at once read it once (a PDF may take seconds). */
  private readonly reading = new Map<string, Promise<IndexedReport | undefined>>();

  private fromDisk(uri: string): Promise<IndexedReport | undefined> {
    let p = this.reading.get(uri);
    if (!p) {
      p = this.readFromDisk(uri).finally(() => this.reading.delete(uri));
      this.reading.set(uri, p);
    }
    return p;
  }

  private async readFromDisk(uri: string): Promise<IndexedReport | undefined> {
    const fs = this.deps.fs;
    if (!fs) return undefined;
    const name = baseName(uri).toLowerCase();
    const ext = SOURCE_EXTENSIONS.find((e) => name.endsWith(e));
    if (!ext) return undefined;
    const reader = (TEXT_EXTENSIONS as readonly string[]).includes(ext) ? undefined : this.readers.get(ext);
    if (!(TEXT_EXTENSIONS as readonly string[]).includes(ext) && !reader) return undefined;
    const st = await fs.stat(uri);
    if (!st || st.kind !== 'file' || st.size > this.limits.maxBytes) return undefined;
    const cached = this.disk.get(uri);
    if (cached && cached.mtime === st.mtime && cached.size === st.size) {
      if (cached.report) return cached.report;
      // A file that failed (a hostile PDF spends its whole time budget) is not read again until it changes.
      if (cached.unreadable) return undefined;
    }
    let text: string;
    try {
      text = reader ? await reader(uri) : decode(bufferOf(await fs.readFile(uri, this.limits.maxBytes))).text;
    } catch (err) {
      this.deps.log.info(`workspace: cannot read ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      this.disk.set(uri, { mtime: st.mtime, size: st.size, unreadable: true });
      return undefined;
    }
    let analysis: Analysis;
    const model = new ReportModel(text);
    try {
      analysis = model.analysis();
    } catch (err) {
      this.deps.log.error(`workspace: analysis of ${uri} failed`, err);
      return undefined;
    }
    const lines: string[] = [];
    for (let i = 0; i < model.lineCount; i++) lines.push(model.line(i));
    const identity = reportIdentity(lines, baseName(uri));
    const report: IndexedReport = { uri, source: 'disk', lines, analysis, identity, isReport: isReportAnalysis(identity, analysis) };
    this.disk.set(uri, { mtime: st.mtime, size: st.size, report, identity, isReport: report.isReport });
    this.remember(uri);
    return report;
  }

  /** Keeps the analyses of the last ANALYSIS_CACHE files read; older entries keep their identity only. */
  private remember(uri: string): void {
    const i = this.recent.indexOf(uri);
    if (i >= 0) this.recent.splice(i, 1);
    this.recent.push(uri);
    while (this.recent.length > ANALYSIS_CACHE) {
      const old = this.disk.get(this.recent.shift()!);
      if (old) old.report = undefined;
    }
  }

  private async scan(): Promise<{ files: string[]; truncated: number }> {
    const fs = this.deps.fs!;
    const out: string[] = [];
    let truncated = 0;
    const seen = new Set<string>();
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (seen.has(dir) || depth > this.limits.maxDepth) return;
      seen.add(dir);
      let entries: [string, string][];
      try {
        entries = await fs.readDirectory(dir);
      } catch (err) {
        this.deps.log.info(`workspace: cannot list ${dir}: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [name, kind] of entries) {
        // Hidden entries, dependencies, and Word's lock files beside open documents (~$x.docx).
        if (name.startsWith('.') || name === 'node_modules' || name.startsWith('~$')) continue;
        const child = joinUri(dir, name);
        if (kind === 'directory') await walk(child, depth + 1);
        else if (kind === 'file' && hasSourceExtension(name)) {
          if (out.length < this.limits.maxFiles) out.push(child);
          else truncated++;
        }
      }
    };
    // An inner folder that is also a workspace folder is walked once.
    for (const f of [...this.folderList].sort()) await walk(f, 0);
    return { files: [...new Set(out)].sort(), truncated };
  }
}
