// The Findings view (Explorer → "Disclosure Report Findings"): a tree over the open reports and the
// files the last "Check All Reports" covered — report → table or section → finding — with each
// finding's severity or review status (confirmed, accepted, false alarm: icon, label, reason,
// reviewer, date). The list is the server's (`disclosureReport/findings`, after the settings and
// `.disclosure-report.json`), fetched again when diagnostics change while the view is visible.
// A finding opens its report at the place; "Mark as reviewed" on it runs the same prompt as the
// code action. The title bar exports the list as CSV or SARIF 2.1.0: the text is the CLI's writer's
// (`disclosureReport/exportFindings`), saved where the user chooses.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CLIENT_COMMANDS,
  CONVERTED_SOURCE,
  DIAGNOSTIC_SOURCE,
  draftUriOf,
  FINDINGS_VIEW,
  LANGUAGE_ID,
  REQUESTS,
  type FindingInfo,
  type FindingsReport,
  type ReviewTarget,
} from '../../server/src/protocol';
import { sendCustom } from './requests';
import { reviewMessagesFor, type ReviewMessages } from './reviewMessages';

type Node =
  | { kind: 'report'; report: FindingsReport }
  | { kind: 'place'; report: FindingsReport; place: string; name: string; findings: FindingInfo[] }
  | { kind: 'finding'; report: FindingsReport; finding: FindingInfo };

/** Where a report's text is shown: a Word document, web page or PDF as its read-only draft (drafts.ts). */
const shownUri = (uri: string) => vscode.Uri.parse(CONVERTED_SOURCE.test(uri) ? draftUriOf(uri) : uri);
const nameOf = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
const range = (f: FindingInfo) => new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);

function icon(f: FindingInfo): vscode.ThemeIcon {
  if (f.review?.status === 'accepted') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (f.review?.status === 'false-alarm') return new vscode.ThemeIcon('circle-slash');
  if (f.review?.status === 'confirmed') return new vscode.ThemeIcon('tools', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  if (f.severity === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (f.severity === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
}

function counts(findings: FindingInfo[], m: ReviewMessages): string {
  const open = findings.filter((f) => !f.review || f.review.status === 'confirmed');
  return m.counts(
    open.filter((f) => f.severity === 'error').length,
    open.filter((f) => f.severity === 'warning').length,
    open.filter((f) => f.severity === 'information' || f.severity === 'hint').length,
    findings.filter((f) => f.review).length,
  );
}

export class FindingsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private reports: FindingsReport[] = [];
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly client: () => Promise<BaseLanguageClient | undefined>,
    private readonly m: ReviewMessages,
  ) {}

  /** The list as last fetched. */
  get current(): readonly FindingsReport[] {
    return this.reports;
  }

  /** Fetches the list from the server (one request at a time) and redraws. */
  refresh(): Promise<void> {
    this.pending ??= (async () => {
      try {
        const c = await this.client();
        if (!c) return;
        const r = await sendCustom(c, REQUESTS.findings, {});
        this.reports = r?.reports ?? [];
        this.changed.fire(undefined);
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.reports.filter((r) => r.findings.length).map((report) => ({ kind: 'report', report }));
    if (node.kind === 'report') {
      const places = new Map<string, { name: string; findings: FindingInfo[] }>();
      for (const f of node.report.findings) {
        const p = places.get(f.place) ?? { name: f.placeName, findings: [] };
        p.findings.push(f);
        places.set(f.place, p);
      }
      return [...places].map(([place, p]) => ({ kind: 'place', report: node.report, place, name: p.name, findings: p.findings }));
    }
    if (node.kind === 'place') return node.findings.map((finding) => ({ kind: 'finding', report: node.report, finding }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const m = this.m;
    if (node.kind === 'report') {
      const file = nameOf(node.report.uri);
      const item = new vscode.TreeItem(m.reportLabel(node.report.office, node.report.year, file), vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = vscode.Uri.parse(node.report.uri);
      item.description = `${node.report.office ? `${file} · ` : ''}${counts(node.report.findings, m)}`;
      item.tooltip = vscode.Uri.parse(node.report.uri).fsPath || node.report.uri;
      item.contextValue = 'report';
      item.id = `r:${node.report.uri}`;
      return item;
    }
    if (node.kind === 'place') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = counts(node.findings, m);
      item.iconPath = new vscode.ThemeIcon(node.place.startsWith('t') ? 'table' : 'symbol-namespace');
      item.contextValue = 'place';
      item.id = `p:${node.report.uri}#${node.place}`;
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    const status = f.review ? m.statusShort[f.review.status] : '';
    item.description = [f.cell ?? f.row, status].filter(Boolean).join(' · ');
    item.iconPath = icon(f);
    const tip = new vscode.MarkdownString();
    tip.appendText(`${f.rule} · ${f.placeName}${f.cell ?? f.row ? ` · ${f.cell ?? f.row}` : ''}\n\n${f.message}`);
    if (f.review) {
      tip.appendText(`\n\n${status}${f.review.reason ? `: ${f.review.reason}` : ''}`);
      const by = m.reviewedBy(f.review.reviewer ?? '', f.review.date ?? '');
      if (by) tip.appendText(` (${by})`);
    }
    item.tooltip = tip;
    // Settled findings (accepted, false alarm) are no longer in the document's diagnostics: not marked again from here.
    item.contextValue = f.review && f.review.status !== 'confirmed' ? 'settled' : f.review ? 'finding.confirmed' : 'finding';
    item.command = { title: '', command: 'vscode.open', arguments: [shownUri(node.report.uri), { selection: range(f), preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
    item.id = `f:${node.report.uri}#${f.rule}@${f.range.start.line}:${f.range.start.character}`;
    return item;
  }

  /**
   * "Mark as reviewed" on a finding of the view (the menu passes the tree element): its report
   * opened and the finding found among its diagnostics; with its current status (undefined for
   * anything that is not a finding of this view).
   */
  async reviewTarget(arg: unknown): Promise<{ target: ReviewTarget; current?: FindingInfo['review'] } | undefined> {
    const node = arg as Node | undefined;
    if (!node || typeof node !== 'object' || node.kind !== 'finding' || !node.finding) return undefined;
    const target = await targetOf(node, this.m);
    return target && { target, current: node.finding.review };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The ReviewTarget of a finding in the view: its report opened (if it is not) and the finding found among its diagnostics. */
async function targetOf(node: Extract<Node, { kind: 'finding' }>, m: ReviewMessages): Promise<ReviewTarget | undefined> {
  // A Word document, web page or PDF: its findings are marked on its draft (the server files them under the file).
  const uri = shownUri(node.report.uri);
  let doc = await vscode.workspace.openTextDocument(uri);
  // A draft opens as plain text until it is put in the report language (drafts.ts does it too).
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => vscode.workspace.openTextDocument(uri));
  await vscode.window.showTextDocument(doc, { selection: range(node.finding), preview: false });
  const f = node.finding;
  const find = () =>
    vscode.languages
      .getDiagnostics(uri)
      .find((d) => d.source === DIAGNOSTIC_SOURCE && String(typeof d.code === 'object' ? d.code.value : d.code) === f.rule && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character);
  let d = find();
  if (!d) {
    // Just opened: its diagnostics come once the server has checked it (an event, not a wait).
    d = await new Promise<vscode.Diagnostic | undefined>((resolve) => {
      const timer = setTimeout(() => (sub.dispose(), resolve(undefined)), 15000);
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString())) return;
        const hit = find();
        if (hit) {
          clearTimeout(timer);
          sub.dispose();
          resolve(hit);
        }
      });
    });
  }
  if (!d) {
    void vscode.window.showInformationMessage(m.notChecked);
    return undefined;
  }
  const version = (d as { data?: { version?: unknown } }).data?.version;
  return { uri: uri.toString(), version: typeof version === 'number' ? version : doc.version, rule: f.rule, at: f.range.start };
}

async function exportAs(format: 'csv' | 'sarif', client: () => Promise<BaseLanguageClient | undefined>, m: ReviewMessages): Promise<void> {
  try {
    const c = await client();
    if (!c) throw new Error(m.serverNotRunning);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = format === 'csv' ? 'findings.csv' : 'findings.sarif';
    const target = await vscode.window.showSaveDialog({
      title: m.exportTitle(format.toUpperCase()),
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'csv' ? { [m.csvFilter]: ['csv'] } : { [m.sarifFilter]: ['sarif', 'json'] },
    });
    if (!target) return;
    const r = await sendCustom(c, REQUESTS.exportFindings, { format });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.text));
    const b = await vscode.window.showInformationMessage(m.exported(r.count, nameOf(target.toString())), m.open);
    if (b) await vscode.commands.executeCommand('vscode.open', target);
  } catch (err) {
    void vscode.window.showErrorMessage(m.exportFailed(err instanceof Error ? err.message : String(err)));
  }
}

export function registerFindingsView(context: vscode.ExtensionContext, client: () => Promise<BaseLanguageClient | undefined>): FindingsTree {
  const m = reviewMessagesFor(vscode.env.language);
  const tree = new FindingsTree(client, m);
  const view = vscode.window.createTreeView(FINDINGS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const refresh = () => tree.refresh().then(
    () => (view.message = tree.current.some((r) => r.findings.length) ? undefined : m.noFindings),
    () => undefined,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (!view.visible) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  context.subscriptions.push(
    tree,
    view,
    vscode.languages.onDidChangeDiagnostics(soon),
    view.onDidChangeVisibility((e) => e.visible && void refresh()),
    { dispose: () => timer && clearTimeout(timer) },
    vscode.commands.registerCommand(CLIENT_COMMANDS.refreshFindings, refresh),
    vscode.commands.registerCommand(CLIENT_COMMANDS.exportFindingsCsv, () => exportAs('csv', client, m)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.exportFindingsSarif, () => exportAs('sarif', client, m)),
  );
  if (view.visible) void refresh();
  return tree;
}
