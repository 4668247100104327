// Registers the table preview: the command `disclosureReport.showPreview` ("Open Table Preview
// to the Side") opens one preview panel beside the active report, or brings it forward and
// points it at the active report.
import * as vscode from 'vscode';
import { draftMessagesFor } from '../draftMessages';
import { LANGUAGE_ID, PreviewPanel, type ClientSource } from './panel';

export const COMMAND_SHOW_PREVIEW = 'disclosureReport.showPreview';

export function registerPreview(context: vscode.ExtensionContext, client: ClientSource): void {
  const msgs = draftMessagesFor(vscode.env.language);
  let panel: PreviewPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND_SHOW_PREVIEW, (uri?: vscode.Uri) => {
      const fromUri = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
      const doc = fromUri ?? vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== LANGUAGE_ID) {
        void vscode.window.showInformationMessage(msgs.previewNoReport);
        return;
      }
      if (panel) {
        panel.revealPanel();
        if (panel.uri.toString() !== doc.uri.toString()) panel.show(doc);
        return;
      }
      const p = new PreviewPanel(context, doc, client, msgs);
      p.onDidDispose = () => {
        if (panel === p) panel = undefined;
      };
      panel = p;
    }),
    { dispose: () => panel?.dispose() },
  );
}
