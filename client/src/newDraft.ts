// The command "New Disclosure Report" (`disclosureReport.newReport`): asks the reporting body,
// the year and the table layout, gets the draft from the language server
// (`disclosureReport/newDraft`, the core's official template) and opens it as an untitled
// document in the report language.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, REQUESTS } from '../../server/src/protocol';
import { msg } from './messages';
import type { ClientSource } from './preview/panel';
import { sendCustom } from './requests';

const LANGUAGE_ID = 'disclosure-report';

/** A four-digit year 1900–2099, or undefined. */
export function parseYear(s: string): number | undefined {
  const t = s.trim();
  if (!/^(19|20)\d{2}$/.test(t)) return undefined;
  return Number(t);
}

export function registerNewDraft(context: vscode.ExtensionContext, client: ClientSource): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.newReport, async () => {
      const office = await vscode.window.showInputBox({ title: msg.newOfficePrompt(), prompt: msg.newOfficePrompt(), placeHolder: msg.newOfficePlaceholder(), ignoreFocusOut: true });
      if (office === undefined) return;
      // The report of a January draft covers last year.
      const lastYear = String(new Date().getFullYear() - 1);
      const yearText = await vscode.window.showInputBox({
        title: msg.newYearPrompt(),
        prompt: msg.newYearPrompt(),
        value: lastYear,
        ignoreFocusOut: true,
        validateInput: (v) => (parseYear(v) === undefined ? msg.newYearInvalid() : undefined),
      });
      if (yearText === undefined) return;
      const year = parseYear(yearText)!;
      const layouts: (vscode.QuickPickItem & { layout: 'pipes' | 'tabs' })[] = [
        { label: msg.layoutPipes(), detail: msg.layoutPipesDetail(), layout: 'pipes' },
        { label: msg.layoutTabs(), detail: msg.layoutTabsDetail(), layout: 'tabs' },
      ];
      const picked = await vscode.window.showQuickPick(layouts, { placeHolder: msg.newLayoutPlaceholder(), ignoreFocusOut: true });
      if (!picked) return;
      try {
        const c = await client();
        if (!c) throw new Error(msg.serverNotRunning());
        const eol = vscode.workspace.getConfiguration('files').get<string>('eol') === '\r\n' ? '\r\n' : '\n';
        const text = await sendCustom(c, REQUESTS.newDraft, { office: office.trim(), year, layout: picked.layout, eol });
        const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
        await vscode.window.showTextDocument(doc);
      } catch (err) {
        void vscode.window.showErrorMessage(msg.newFailed(err instanceof Error ? err.message : String(err)));
      }
    }),
  );
}
