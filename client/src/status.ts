// The status bar entry: the active report's error and warning count (our diagnostics only),
// right-aligned just before the language mode; a click opens the Problems panel.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, LANGUAGE_ID } from '../../server/src/protocol';
import { onDidChangeLocale } from './l10n';
import { msg } from './messages';

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

  constructor() {
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
    const { errors, warnings } = countProblems(editor.document.uri);
    this.item.text = `$(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = errors + warnings > 0 ? msg.statusTooltip(errors, warnings) : msg.statusTooltipClean();
    this.item.show();
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
