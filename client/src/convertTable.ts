// The commands that rewrite the table under the cursor in the other layout:
// `disclosureReport.convertTableToTabs` and `disclosureReport.convertTableToPipes`. The server
// computes the edits (`disclosureReport/convertTable`, the core's convertTable) for the version it
// holds; they are applied only if the document is still at that version.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, REQUESTS } from '../../server/src/protocol';
import { msg } from './messages';
import type { ClientSource } from './preview/panel';
import { sendCustom } from './requests';

export function registerConvertTable(context: vscode.ExtensionContext, client: ClientSource): void {
  const convert = async (to: 'tabs' | 'pipes') => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'disclosure-report') return;
    const doc = editor.document;
    try {
      const c = await client();
      if (!c) throw new Error(msg.serverNotRunning());
      const r = await sendCustom(c, REQUESTS.convertTable, { uri: doc.uri.toString(), line: editor.selection.active.line, to });
      if (!r) throw new Error(msg.serverNotRunning());
      if (r.version !== doc.version) {
        void vscode.window.showInformationMessage(msg.convertStale());
        return;
      }
      if (!r.edits.length) {
        const tableHere = await sendCustom(c, REQUESTS.convertTable, { uri: doc.uri.toString(), line: editor.selection.active.line, to: to === 'tabs' ? 'pipes' : 'tabs' });
        void vscode.window.showInformationMessage(tableHere?.edits.length ? msg.convertNothing() : msg.convertNoTable());
        return;
      }
      const ok = await editor.edit((b) => {
        for (const e of r.edits) b.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      });
      if (!ok) throw new Error(msg.editRefused());
    } catch (err) {
      void vscode.window.showErrorMessage(msg.convertFailed(err instanceof Error ? err.message : String(err)));
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.convertTableToTabs, () => convert('tabs')),
    vscode.commands.registerCommand(CLIENT_COMMANDS.convertTableToPipes, () => convert('pipes')),
  );
}
