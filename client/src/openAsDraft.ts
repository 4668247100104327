// "Open as Disclosure Report draft" (explorer context menu on .docx/.html/.htm/.pdf, and the
// command palette): the language server converts the file (`disclosureReport/convertSource`,
// the same readers as the CLI) and the text opens as an untitled document in the report
// language, named after the file, so diagnostics, hover, code actions and the preview work on
// it. "Write fixes back to the .docx": the server recomputes the derived cells of the .docx as
// saved and writes them into it atomically (`disclosureReport/writeBackSource`, the engine of
// `check --fix`); the draft is then refreshed unless it has edits of its own.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, LANGUAGE_ID, REQUESTS, type Localized } from '../../server/src/protocol';
import type { ClientSource } from './preview/panel';
import { sendCustom } from './requests';


const SOURCE = /\.(docx|html?|pdf)$/i;
/** Context key: the active editor is a draft opened from a .docx. */
const FROM_DOCX = 'disclosureReport.draftFromDocx';

const en = {
  pick: 'Choose a Word document, web page or PDF to open as a draft',
  filters: 'Reports',
  failed: (name: string, why: string) => `Could not open ${name} as a draft: ${why}`,
  opened: (name: string) => `${name} opened as a draft. Lines and columns are those of its converted text (as \`disclosure-report text\` prints).`,
  readOnly: (name: string) => `${name}: fixes cannot be written back into a web page or PDF; save the draft as a .txt, or fix the Word document it came from.`,
  notDraft: 'Open a .docx as a draft first (Open as Disclosure Report draft).',
  nothing: (name: string) => `${name}: no total to recompute; nothing written.`,
  written: (name: string, n: number, skipped: number) => `${name}: ${n} cell${n === 1 ? '' : 's'} recomputed and written back${skipped ? `; ${skipped} could not be written (no text in the cell)` : ''}.`,
  edited: 'The draft has edits of its own, which are not in the .docx: only the totals recomputed from the .docx as saved were written. The draft was left as it is.',
  writeFailed: (name: string, why: string) => `Could not write the fixes into ${name}: ${why}`,
  serverNotRunning: 'The disclosure report language server is not running.',
};
const zh: typeof en = {
  pick: '选择要作为草稿打开的 Word 文档、网页或 PDF',
  filters: '年度报告',
  failed: (name, why) => `无法将 ${name} 作为草稿打开：${why}`,
  opened: (name) => `已将 ${name} 作为草稿打开。行号与列号指其转换后的文本（即 disclosure-report text 打印的文本）。`,
  readOnly: (name) => `${name}：网页和 PDF 无法写回修正；可将草稿另存为 .txt，或在原 Word 文档上修正。`,
  notDraft: '请先将 .docx 作为草稿打开（作为年度报告草稿打开）。',
  nothing: (name) => `${name}：没有需要重算的总计，未写入。`,
  written: (name, n, skipped) => `${name}：已重算并写回 ${n} 个单元格${skipped ? `；${skipped} 个无法写入（单元格中没有文字）` : ''}。`,
  edited: '草稿另有改动，这些改动不在 .docx 中：只写入了按 .docx 已保存内容重算的总计，草稿保持不变。',
  writeFailed: (name, why) => `无法将修正写入 ${name}：${why}`,
  serverNotRunning: '年度报告语言服务器未运行。',
};

const isZh = () => vscode.env.language.toLowerCase().startsWith('zh');
const msgs = () => (isZh() ? zh : en);
const pick = (l: Localized) => (isZh() ? l.zh : l.en);
const nameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The untitled document a source opens as: beside it, named after it with `.txt` added. */
export function draftUriOf(source: vscode.Uri): vscode.Uri {
  return source.with({ scheme: 'untitled', path: source.path + '.txt', query: '', fragment: '' });
}

interface DraftOrigin {
  source: vscode.Uri;
  /** The text the draft was opened (or last refreshed) with. */
  text: string;
  writable: boolean;
}

export function registerOpenAsDraft(context: vscode.ExtensionContext, client: ClientSource): void {
  const origins = new Map<string, DraftOrigin>();
  const updateContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', FROM_DOCX, !!doc && !!origins.get(doc.uri.toString())?.writable);
  };

  const open = async (arg?: vscode.Uri) => {
    const m = msgs();
    let source = arg instanceof vscode.Uri ? arg : undefined;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: m.pick, filters: { [m.filters]: ['docx', 'html', 'htm', 'pdf'] } });
      source = picked?.[0];
    }
    if (!source) return;
    try {
      const c = await client();
      if (!c) throw new Error(m.serverNotRunning);
      const r = await sendCustom(c, REQUESTS.convertSource, { uri: source.toString() });
      if ('error' in r) {
        void vscode.window.showErrorMessage(m.failed(nameOf(source), pick(r.error)));
        return;
      }
      const uri = draftUriOf(source);
      let doc = await vscode.workspace.openTextDocument(uri);
      if (doc.getText() !== r.text) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), r.text);
        await vscode.workspace.applyEdit(edit);
      }
      if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      origins.set(doc.uri.toString(), { source, text: r.text, writable: r.writable });
      await vscode.window.showTextDocument(doc);
      updateContext();
      const notes = r.problems.map(pick);
      void vscode.window.showInformationMessage([m.opened(nameOf(source)), ...notes].join(' '));
    } catch (err) {
      void vscode.window.showErrorMessage(m.failed(nameOf(source), err instanceof Error ? err.message : String(err)));
    }
  };

  const writeBack = async () => {
    const m = msgs();
    const doc = vscode.window.activeTextEditor?.document;
    const origin = doc && origins.get(doc.uri.toString());
    if (!doc || !origin) {
      void vscode.window.showWarningMessage(m.notDraft);
      return;
    }
    const name = nameOf(origin.source);
    if (!origin.writable) {
      void vscode.window.showWarningMessage(m.readOnly(name));
      return;
    }
    try {
      const c = await client();
      if (!c) throw new Error(m.serverNotRunning);
      const r = await sendCustom(c, REQUESTS.writeBackSource, { uri: origin.source.toString() });
      if ('error' in r) {
        void vscode.window.showErrorMessage(m.writeFailed(name, pick(r.error)));
        return;
      }
      if (!r.changes.length) {
        void vscode.window.showInformationMessage(m.nothing(name));
        return;
      }
      const now = doc.getText();
      // The draft as opened, or with the same recompute fixes applied in the editor: refresh it.
      if (now === origin.text || now === r.text) {
        if (now !== r.text) {
          const edit = new vscode.WorkspaceEdit();
          edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), r.text);
          await vscode.workspace.applyEdit(edit);
        }
        origin.text = r.text;
        void vscode.window.showInformationMessage(m.written(name, r.changes.length, r.skipped));
      } else {
        origin.text = r.text;
        void vscode.window.showWarningMessage(`${m.written(name, r.changes.length, r.skipped)} ${m.edited}`);
      }
    } catch (err) {
      void vscode.window.showErrorMessage(m.writeFailed(name, err instanceof Error ? err.message : String(err)));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.openAsDraft, (uri?: vscode.Uri) => open(uri && SOURCE.test(uri.path) ? uri : undefined)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.writeFixesToDocx, writeBack),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidCloseTextDocument((d) => {
      origins.delete(d.uri.toString());
      updateContext();
    }),
  );
}
