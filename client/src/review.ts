// The review loop's client half. "Mark as reviewed" (the server's code action runs this command
// with the finding; the Findings view too): asks for a status (confirmed — to be corrected;
// accepted as is; false alarm) and a reason, then asks the server for the edit of
// `.disclosure-report.json` (`disclosureReport/reviewEdit`, with the reviewer and today's date),
// applies it and saves the file (the server's watcher then re-checks). The reviewer is the
// setting `disclosureReport.reviewer`, else (on Node, reviewerName.ts) `git config user.name`, else the OS user.
// "What the fixes changed" (`disclosureReport.reportFixes`, the fix-all action's command, and the
// .docx write-back): the cells and labels, old → new, in an output channel.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_COMMANDS, REQUESTS, REVIEW_STATUSES, SETTINGS_SECTION, type FixReport, type ReviewRequest, type ReviewStatus, type ReviewTarget } from '../../server/src/protocol';
import { pick } from './l10n';
import { sendCustom } from './requests';
import { reviewMessagesFor, type ReviewMessages } from './reviewMessages';
import { fileNameOf as nameOf, fixLogHeading } from './writeBackNotice';

/** Who the reviewer is when the setting does not say ('' when unknown): reviewerName.ts on Node; none in a browser. */
export type ReviewerName = () => Promise<string>;

/** Who reviews: the setting, else what the entry found (`fallback`). */
export async function reviewer(fallback: ReviewerName): Promise<string> {
  const set = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('reviewer', '').trim();
  if (set) return set;
  try {
    return await fallback();
  } catch {
    return '';
  }
}

/** Asks for the status (starting on `current`, the finding's review so far) and the reason; undefined when the user cancels. */
export async function askReview(m: ReviewMessages, current?: ReviewStatus): Promise<{ status: ReviewStatus; reason: string } | undefined> {
  const items = REVIEW_STATUSES.map((status) => ({ ...m.status[status], status }));
  // A single-choice showQuickPick ignores `picked`: the quick pick's active item is what starts chosen.
  const chosen = await new Promise<(typeof items)[number] | undefined>((resolve) => {
    const qp = vscode.window.createQuickPick<(typeof items)[number]>();
    qp.title = m.statusTitle;
    qp.placeholder = m.statusTitle;
    qp.ignoreFocusOut = true;
    qp.matchOnDetail = true;
    qp.items = items;
    const start = items.find((i) => i.status === current);
    if (start) qp.activeItems = [start];
    let picked: (typeof items)[number] | undefined;
    qp.onDidAccept(() => {
      picked = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(picked);
    });
    qp.show();
  });
  if (!chosen) return undefined;
  const reason = await vscode.window.showInputBox({ title: m.reasonTitle, prompt: m.reasonPrompt(m.statusShort[chosen.status]), placeHolder: m.reasonPlaceholder, ignoreFocusOut: true });
  if (reason === undefined) return undefined;
  return { status: chosen.status, reason: reason.trim() };
}

/** Records the review of `target` as the server builds it, and saves `.disclosure-report.json`. */
export async function recordReview(c: BaseLanguageClient, target: ReviewTarget, review: { status: ReviewStatus; reason: string }, m: ReviewMessages, fallback: ReviewerName): Promise<boolean> {
  const request: ReviewRequest = { ...target, ...review, reviewer: await reviewer(fallback), date: new Date().toISOString().slice(0, 10) };
  const r = await sendCustom(c, REQUESTS.reviewEdit, request);
  if ('error' in r) {
    void vscode.window.showErrorMessage(m.reviewFailed(pick(r.error)));
    return false;
  }
  const edit = await c.protocol2CodeConverter.asWorkspaceEdit(r.edit as Parameters<BaseLanguageClient['protocol2CodeConverter']['asWorkspaceEdit']>[0]);
  if (!edit || !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(m.reviewFailed(m.editRefused));
    return false;
  }
  // The edit leaves the config file changed in memory: saved, so the CLI and the server's watcher see it.
  const config = vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.parse(r.configUri).toString());
  if (config?.isDirty) await config.save();
  vscode.window.setStatusBarMessage(m.reviewed(m.statusShort[review.status], nameOf(r.configUri)), 5000);
  return true;
}

/** The output channel listing what each fix changed. */
export class FixLog implements vscode.Disposable {
  private channel: vscode.OutputChannel | undefined;

  constructor(private readonly m: ReviewMessages) {}

  show(): void {
    this.channel?.show(true);
  }

  /** Lists `report`'s changes (line, what, key: old → new) and says how many in a notification (unless `notify` is false). */
  report(report: FixReport): void {
    if (!report?.changes?.length) return;
    this.channel ??= vscode.window.createOutputChannel(this.m.fixesChannel);
    const file = nameOf(report.uri);
    this.channel.appendLine(fixLogHeading(report, new Date().toLocaleTimeString()));
    for (const c of report.changes) this.channel.appendLine(`  ${c.line >= 0 ? `${c.line + 1}: ` : ''}${c.what}${c.key ? ` (${c.key})` : ''}  ${c.old} → ${c.new}`);
    if (report.notify === false) return;
    void vscode.window.showInformationMessage(this.m.fixesApplied(report.changes.length, file), this.m.showChanges).then((b) => {
      if (b) this.show();
    });
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

/** What the Findings view resolves a tree element into (undefined for anything else). */
export type ViewTargets = (arg: unknown) => Promise<{ target: ReviewTarget; current?: { status: ReviewStatus } } | undefined>;

export function registerReview(context: vscode.ExtensionContext, client: () => Promise<BaseLanguageClient | undefined>, fromView: ViewTargets | undefined, fallback: ReviewerName): FixLog {
  const m = reviewMessagesFor(vscode.env.language);
  const log = new FixLog(m);
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(CLIENT_COMMANDS.markReviewed, async (arg?: unknown) => {
      // From the code action: a ReviewTarget. From the Findings view: its tree element.
      let target = arg as ReviewTarget | undefined;
      let current: ReviewStatus | undefined = target?.current;
      if (!target || typeof target.uri !== 'string') {
        const resolved = await fromView?.(arg);
        if (!resolved) return false;
        target = resolved.target;
        current = resolved.current?.status;
      }
      const c = await client();
      if (!c) {
        void vscode.window.showErrorMessage(m.serverNotRunning);
        return false;
      }
      const review = await askReview(m, current);
      if (!review) return false;
      try {
        return await recordReview(c, target, review, m, fallback);
      } catch (err) {
        void vscode.window.showErrorMessage(m.reviewFailed(err instanceof Error ? err.message : String(err)));
        return false;
      }
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.reportFixes, (report?: FixReport) => {
      if (report) log.report(report);
      else log.show();
    }),
  );
  return log;
}
