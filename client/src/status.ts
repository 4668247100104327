// The status bar entry: the active report's error and warning count (our diagnostics only), and
// "not fully checked" when the server says so (its `disclosureReport/coverage` answer, asked
// again whenever the report's diagnostics change), right-aligned just before the language mode;
// a click opens the Problems panel.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, LANGUAGE_ID, type CoverageAnswer } from '../../server/src/protocol';
import { onDidChangeLocale, t } from './l10n';
import { msg } from './messages';
import { statusView } from './statusView';

/** Asks the server what was verified in a document (null: no answer, e.g. the server is not running). */
export type CoverageSource = (uri: string) => Promise<CoverageAnswer | null>;

export function countProblems(uri: vscode.Uri): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}

export class ProblemStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** The last answer per document, shown until the next one comes (no flicker while it is asked again). */
  private readonly coverage = new Map<string, CoverageAnswer | null>();
  private asked = 0;

  constructor(private readonly coverageOf?: CoverageSource) {
    // Right-aligned, just before the language mode indicator (priority 100), after EOL (100.2).
    this.item = vscode.window.createStatusBarItem('disclosureReport.problems', vscode.StatusBarAlignment.Right, 100.1);
    this.item.name = msg.statusName();
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      onDidChangeLocale(() => {
        this.item.name = msg.statusName();
        this.update();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const doc = editor.document.uri;
    const uri = doc.toString();
    this.render(doc);
    this.item.show();
    if (!this.coverageOf) return;
    const ask = ++this.asked;
    this.coverageOf(uri).then(
      (answer) => {
        if (this.coverage.size > 100) this.coverage.clear();
        this.coverage.set(uri, answer);
        // Only the latest question's answer, and only while that document is still the active one.
        if (ask === this.asked && vscode.window.activeTextEditor?.document.uri.toString() === uri) this.render(doc);
      },
      () => undefined,
    );
  }

  private render(doc: vscode.Uri): void {
    const view = statusView(countProblems(doc), this.coverage.get(doc.toString()), t);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.label };
  }

  /** Soon, not now: a language change swaps the active editor's document without always firing an editor change. */
  updateSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 0);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
