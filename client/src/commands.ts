// The client's commands (package.json `contributes.commands`, ids in server/src/protocol.ts):
// toggle the report language of the active document, apply the server's fix-all, restart the
// server, check every report of the workspace.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient';
import { FIX_ALL_KIND, LANGUAGE_ID, SERVER_COMMANDS, type CheckSummary } from '../../server/src/protocol';
import { PLAINTEXT, type Detection } from './detection';
import { fixAllRefusal, saysApplied } from './fixAllNotice';
import { reason, type ServerClient } from './languageClient';
import { msg } from './messages';

export async function toggleLanguage(detection: Detection, server: ServerClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(msg.noActiveEditor());
    return;
  }
  const doc = editor.document;
  const key = doc.uri.toString();
  const name = displayName(doc.uri);
  if (doc.languageId === LANGUAGE_ID) {
    detection.suppressed.add(key); // remembered for the session: detection will not switch it back
    await detection.setLanguage(doc, PLAINTEXT);
    vscode.window.setStatusBarMessage(msg.switchedAway(name), 4000);
  } else {
    detection.suppressed.delete(key);
    await detection.setLanguage(doc, LANGUAGE_ID);
    void server.ensure();
    vscode.window.setStatusBarMessage(msg.switchedTo(name), 4000);
  }
}

export async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(msg.noActiveEditor());
    return;
  }
  const doc = editor.document;
  if (doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(msg.notAReport());
    return;
  }
  // A draft is read-only: its fixes are not offered (it is not that there are none).
  const refusal = fixAllRefusal(doc.uri);
  if (refusal) {
    const source = doc.uri.path.replace(/\.txt$/, '');
    void vscode.window.showInformationMessage(refusal === 'docx' ? msg.draftEditHint() : msg.draftReadOnly(source.slice(source.lastIndexOf('/') + 1)));
    return;
  }
  try {
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    // Ask for every source.fixAll action (the server may label its own kind more precisely) and
    // resolve the first few, then take ours: `source.fixAll.disclosure-report`, else a plain
    // `source.fixAll` (no other extension's fix-all).
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        whole,
        vscode.CodeActionKind.SourceFixAll.value,
        10,
      )) ?? [];
    const codeActions = actions.filter((a): a is vscode.CodeAction => !isCommand(a));
    const action =
      codeActions.find((a) => a.kind?.value === FIX_ALL_KIND) ??
      codeActions.find((a) => a.kind?.value === vscode.CodeActionKind.SourceFixAll.value);
    if (!action || (!action.edit && !action.command)) {
      void vscode.window.showInformationMessage(msg.nothingToFix());
      return;
    }
    if (action.edit) {
      if (action.edit.size === 0 && !action.command) {
        void vscode.window.showInformationMessage(msg.nothingToFix());
        return;
      }
      const ok = await vscode.workspace.applyEdit(action.edit);
      if (!ok) throw new Error(msg.editRefused());
    }
    let ran: { command: string; result: unknown } | undefined;
    if (action.command) {
      const result: unknown = await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      ran = { command: action.command.command, result };
    }
    // Said once: not beside the fixes' channel's "N change(s) applied", nor when the server's command applied nothing.
    if (saysApplied(ran)) vscode.window.setStatusBarMessage(msg.fixApplied(), 4000);
  } catch (err) {
    void vscode.window.showErrorMessage(msg.fixFailed(reason(err)));
  }
}

function isCommand(a: vscode.CodeAction | vscode.Command): a is vscode.Command {
  return typeof (a as vscode.Command).command === 'string';
}

function displayName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}

/**
 * Checks every report of the workspace: runs the server's command under a cancellable progress
 * notification (vscode-languageclient would show server-created work-done progress only in the
 * status bar), which follows the server's $/progress through the request's workDoneToken;
 * cancelling cancels the request. The server fills the Problems view for the files not open.
 */
export async function checkWorkspace(server: ServerClient): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(msg.noWorkspace());
    return;
  }
  await server.ensure();
  const c = server.current();
  if (!c?.isRunning()) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: msg.checkingWorkspace(), cancellable: true }, async (progress, token) => {
    const workDoneToken = `disclosure-report-check-${Date.now().toString(36)}`;
    let last = 0;
    const sub = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
      if (v.kind === 'end') return;
      const p = v as WorkDoneProgressBegin | WorkDoneProgressReport;
      const pct = typeof p.percentage === 'number' ? p.percentage : last;
      progress.report({ increment: Math.max(0, pct - last), message: p.message });
      last = Math.max(last, pct);
    });
    try {
      const r = (await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.checkWorkspace, arguments: [{}], workDoneToken }, token)) as CheckSummary | null;
      if (!r) return;
      if (r.cancelled || token.isCancellationRequested) vscode.window.setStatusBarMessage(msg.checkCancelled(), 4000);
      else void vscode.window.showInformationMessage(msg.workspaceChecked(r.reports, r.errors, r.warnings, r.notes));
    } catch (err) {
      if (token.isCancellationRequested) vscode.window.setStatusBarMessage(msg.checkCancelled(), 4000);
      else void vscode.window.showErrorMessage(msg.checkFailed(reason(err)));
    } finally {
      sub.dispose();
    }
  });
}
