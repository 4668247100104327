// The fix service behind the code actions and the commands (the server builds one and hands it
// to both through the context): the edits, always computed from the server's own copy of the
// document at its current version: one cell (the core's fix of a diagnostic, found again by rule
// and position), one table (the fixer's recompute, as `--fix`), or fix-all: the recompute and every
// fix that cannot change a number a person typed (core SAFE_FIX_RULES: wording, full-width digits,
// placeholders, units); and the change of a likely mistyped cell (CONTRACT.md, "Suspect cells"), a
// quick fix only. Cells reviewed as accepted (`keep`) are never rewritten.

import type { WorkspaceEdit } from 'vscode-languageserver';
import { ARITHMETIC_RULES, fixAll, formatNumber, pick, recompute, suspectFixTitle, type Analysis, type Diagnostic, type FixResult, type Locale, type Localized, type Position, type Range, type TextEdit } from '../core/index.js';
import type { FixChangeInfo } from '../protocol.js';
import type { ReportDocument } from './documents.js';
import { tableAt } from './tables.js';

/** What the service needs of the server: the analysis of a document, and what the client takes. */
export interface FixesDeps {
  analysis(doc: ReportDocument): Analysis;
  /** The client accepts versioned `documentChanges` (read lazily: known after `initialize`). */
  documentChanges(): boolean;
}

export class Fixes {
  private readonly memo = new WeakMap<ReportDocument, { version: number; edits: Map<string, TextEdit[]> }>();

  constructor(private readonly deps: FixesDeps) {}

  /** The core diagnostic of `rule` starting at `at` in the document as it is now. */
  findDiagnostic(doc: ReportDocument, rule: string, at: Position): Diagnostic | undefined {
    return this.deps.analysis(doc).diagnostics.find((d) => d.rule === rule && d.range.start.line === at.line && d.range.start.character === at.character);
  }

  /**
   * The change of the cell a diagnostic names as likely mistyped, when that is another cell than
   * its own (a total that is itself the suspect is already what the diagnostic's fix changes).
   * The cell is found by the related information the core put at it, in this table.
   */
  suspectFix(d: Diagnostic): { cell: string; title: Localized; edits: TextEdit[] } | undefined {
    const s = d.suspect;
    if (!s || s.cell === d.cell) return undefined;
    const at = d.related?.find((r) => !r.path && r.cell === s.cell);
    if (!at) return undefined;
    return { cell: s.cell, title: suspectFixTitle(s), edits: [{ range: at.range, newText: formatNumber(s.value) }] };
  }

  /**
   * The diagnostics that name the cell under `range` (its start) as likely mistyped — unless a
   * diagnostic is anchored at that cell: a total that is itself the typo, whose own fix is that change.
   */
  suspectsAt(doc: ReportDocument, range: Range): Diagnostic[] {
    const p = range.start;
    const all = this.deps.analysis(doc).diagnostics;
    return all.filter((d) => {
      const at = d.suspect && d.suspect.cell !== d.cell ? d.related?.find((r) => !r.path && r.cell === d.suspect!.cell) : undefined;
      if (!at || at.range.start.line !== p.line || at.range.start.character > p.character || p.character > at.range.end.character) return false;
      return !all.some((o) => o.suspect && o.cell === d.suspect!.cell);
    });
  }

  /**
   * Edits that recompute the derived cells of the table at `line`, or of the whole document.
   * Nothing to do when no arithmetic diagnostic is there (checked on the cached analysis, so a
   * cursor moving through a correct report costs nothing); results are kept per version.
   */
  recomputeEdits(doc: ReportDocument, line?: number, keep?: ReadonlySet<string>): TextEdit[] {
    const a = this.deps.analysis(doc);
    const table = line === undefined ? undefined : tableAt(a, line);
    if (line !== undefined && !table) return [];
    const wrong = a.diagnostics.some((d) => ARITHMETIC_RULES.has(d.rule) && (!table || (d.range.start.line >= table.startLine && d.range.start.line <= table.endLine)));
    if (!wrong) return [];
    let m = this.memo.get(doc);
    if (!m || m.version !== doc.version) this.memo.set(doc, (m = { version: doc.version, edits: new Map() }));
    const key = `${table ? `table@${table.startLine}` : 'all'} ${keep?.size ? [...keep].sort().join(',') : ''}`;
    let edits = m.edits.get(key);
    if (!edits) {
      edits = recompute(a, line === undefined ? { keep } : { tableAt: line, keep }).edits;
      m.edits.set(key, edits);
    }
    return edits;
  }

  /**
   * Fix-all of the document: the recompute (leaving `keep` alone) and the safe fixes of `reported`
   * (the core's diagnostics still reported after the settings and the config file).
   */
  fixAll(doc: ReportDocument, reported: readonly Diagnostic[], keep?: ReadonlySet<string>): FixResult {
    return fixAll(this.deps.analysis(doc), doc.model, reported, { keep });
  }

  /** A workspace edit for the document at its current version (versioned when the client can take it). */
  workspaceEdit(doc: ReportDocument, edits: TextEdit[]): WorkspaceEdit {
    const copy = edits.map((e) => ({ range: { start: { ...e.range.start }, end: { ...e.range.end } }, newText: e.newText }));
    if (this.deps.documentChanges()) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: copy }] };
    return { changes: { [doc.uri]: copy } };
  }
}

/** A fix's changes as the client lists them: the line, the cell or label, old → new. */
export function changeInfos(result: Pick<FixResult, 'changes'>, locale: Locale): FixChangeInfo[] {
  return result.changes.map((c) => ({ line: c.range.start.line, rule: c.rule, ...(c.key ? { key: c.key } : {}), what: pick({ zh: c.label, en: c.labelEn }, locale), old: c.old, new: c.new }));
}
