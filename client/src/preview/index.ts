// Registers the table preview: the command `disclosureReport.showPreview` ("Open Table Preview
// to the Side") opens one preview panel beside the active report, or brings it forward and
// points it at the active report. A preview open when VS Code reloads comes back.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '../../../server/src/protocol';
import { msg } from '../messages';
import { LANGUAGE_ID, PreviewPanel, VIEW_TYPE, type ClientSource } from './panel';


export function registerPreview(context: vscode.ExtensionContext, client: ClientSource): void {
  let panel: PreviewPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.showPreview, (uri?: vscode.Uri) => {
      const fromUri = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
      const doc = fromUri ?? vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== LANGUAGE_ID) {
        void vscode.window.showInformationMessage(msg.previewNoReport());
        return;
      }
      if (panel) {
        panel.revealPanel();
        if (panel.uri.toString() !== doc.uri.toString()) panel.show(doc);
        return;
      }
      const p = new PreviewPanel(context, doc, client);
      p.onDidDispose = () => {
        if (panel === p) panel = undefined;
      };
      panel = p;
    }),
    { dispose: () => panel?.dispose() },
    // After a reload VS Code restores the panel with the state the webview saved ({ uri }).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel, state: unknown) {
        const uri = (state as { uri?: unknown } | undefined)?.uri;
        let doc: vscode.TextDocument | undefined;
        try {
          if (typeof uri === 'string') doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        } catch {
          doc = undefined; // gone (an untitled draft, a deleted file)
        }
        if (!doc || doc.languageId !== LANGUAGE_ID || panel) {
          restored.dispose();
          return;
        }
        const p = new PreviewPanel(context, doc, client, restored);
        p.onDidDispose = () => {
          if (panel === p) panel = undefined;
        };
        panel = p;
      },
    }),
  );
}
