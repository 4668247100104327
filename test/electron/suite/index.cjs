// The real-editor scenarios of test/e2e, driven through the `vscode` API inside VS Code's
// extension host (@vscode/test-electron loads this file as `extensionTestsPath` and calls run()).
// Every wait is on an editor event (onDidOpenTextDocument, onDidChangeDiagnostics,
// onDidCloseTextDocument, onDidSaveTextDocument) with a bounded timeout, never a fixed sleep.
// Prints `ok` / `not ok` per scenario and a closing `electron: N passed, N failed` line.
'use strict';
const vscode = require('vscode');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const LANGUAGE_ID = 'disclosure-report';
const SOURCE = 'disclosure-report';
const FIRST_DIAGNOSTICS_MS = 30_000;
const SCENARIO_MS = 60_000;

/** Resolves with check()'s first truthy value, re-checked on every firing of `events`. */
function waitFor(check, events, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let done = false;
    const subs = [];
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      fn(v);
    };
    const attempt = async () => {
      try {
        const v = await check();
        if (v) finish(resolve, v);
      } catch (e) {
        finish(reject, e);
      }
    };
    const timer = setTimeout(() => finish(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    for (const ev of events) subs.push(ev(() => void attempt()));
    void attempt(); // subscribed first, so nothing fired in between is missed
  });
}

/**
 * The tokens of a file with their scopes and theme colours, as { c: text, t: scopes, r: { theme: colour } }.
 * VS Code's own capture command (`_workbench.captureSyntaxTokens`, used by its colorizer tests)
 * when the build has it; otherwise the extension's contributed grammar run through vscode-textmate
 * with the active built-in colour theme's token colours (the same engine and rules the editor uses).
 */
async function themedTokens(uri) {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes('_workbench.captureSyntaxTokens')) {
    const tokens = await vscode.commands.executeCommand('_workbench.captureSyntaxTokens', uri);
    if (Array.isArray(tokens) && tokens.length) return tokens;
  }
  const repo = process.env.E2E_REPO ?? path.resolve(__dirname, '..', '..', '..');
  const resolveDep = (m) => require.resolve(m, { paths: [repo] });
  const tm = require(resolveDep('vscode-textmate'));
  const onig = require(resolveDep('vscode-oniguruma'));
  if (!themedTokens.onigLoaded) {
    const wasm = fs.readFileSync(path.join(path.dirname(resolveDep('vscode-oniguruma')), 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    themedTokens.onigLoaded = true;
  }
  const ext = vscode.extensions.all.find((e) => (e.packageJSON?.contributes?.grammars ?? []).some((g) => g.language === LANGUAGE_ID));
  assert.ok(ext, `no extension contributes a grammar for ${LANGUAGE_ID}`);
  const g = ext.packageJSON.contributes.grammars.find((x) => x.language === LANGUAGE_ID);
  const grammarPath = path.join(ext.extensionPath, g.path);

  // The active theme, from the built-in theme extension, following its `include` chain.
  const themeExt = vscode.extensions.getExtension('vscode.theme-defaults');
  assert.ok(themeExt, 'the built-in theme extension is missing');
  const wanted = vscode.workspace.getConfiguration('workbench').get('colorTheme') ?? 'Default Dark Modern';
  const themes = themeExt.packageJSON.contributes.themes;
  const entry = themes.find((t) => t.id === wanted || t.label === wanted) ?? themes.find((t) => /dark_modern/.test(t.path));
  const readTheme = (file) => {
    const raw = fs.readFileSync(file, 'utf8');
    let json;
    try {
      json = JSON.parse(raw);
    } catch {
      json = JSON.parse(raw.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'));
    }
    const base = json.include ? readTheme(path.join(path.dirname(file), json.include)) : { colors: {}, tokenColors: [] };
    return { colors: { ...base.colors, ...(json.colors ?? {}) }, tokenColors: [...base.tokenColors, ...(json.tokenColors ?? [])] };
  };
  const theme = readTheme(path.join(themeExt.extensionPath, entry.path));
  const key = path.basename(entry.path, '.json');

  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scope) => (scope === g.scopeName ? tm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null),
    theme: {
      name: key,
      settings: [{ settings: { foreground: theme.colors['editor.foreground'] ?? '#D4D4D4', background: theme.colors['editor.background'] ?? '#1E1E1E' } }, ...theme.tokenColors],
    },
  });
  const grammar = await registry.loadGrammar(g.scopeName);
  const colorMap = registry.getColorMap();
  const text = fs.readFileSync(uri.fsPath, 'utf8');
  const out = [];
  let state = tm.INITIAL;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const r1 = grammar.tokenizeLine(line, state);
    const r2 = grammar.tokenizeLine2(line, state);
    const colourAt = (offset) => {
      let fg = 0;
      for (let i = 0; i < r2.tokens.length; i += 2) if (r2.tokens[i] <= offset) fg = (r2.tokens[i + 1] & 0x00ff8000) >>> 15;
      return colorMap[fg];
    };
    for (const t of r1.tokens) out.push({ c: line.slice(t.startIndex, t.endIndex), t: t.scopes.join(' '), r: { [key]: colourAt(t.startIndex) } });
    state = r1.ruleStack;
  }
  return out;
}

/** A line of the report: to stdout (test-electron forwards it), and to $ELECTRON_SUITE_LOG when set. */
function say(line) {
  console.log(line);
  if (process.env.ELECTRON_SUITE_LOG) fs.appendFileSync(process.env.ELECTRON_SUITE_LOG, `${line}\n`);
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
const docFor = (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

async function run() {
  const lib = (f) => import(pathToFileURL(path.join(__dirname, '..', '..', 'e2e', 'lib', f)).href);
  const { composeReport, rowInputs, SECTION_HEADINGS } = await lib('compose.mjs');
  const { FAULTS } = await lib('faults.mjs');
  const { COLOURS_FILE } = await lib('workspace.mjs');

  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'VS Code was started without the test workspace');
  const uriOf = (name) => vscode.Uri.joinPath(folder, name);
  const onDisk = (name) => fs.readFileSync(uriOf(name).fsPath, 'utf8');
  const seeds = JSON.parse(process.env.E2E_SEEDS_JSON ?? '[]');
  const composed = Object.fromEntries(Object.entries(FAULTS).map(([n, f]) => [n, composeReport(f.compose)]));

  /** Opens a file in an editor and waits until it is in the report language. */
  async function openReport(name) {
    const uri = uriOf(name);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    return waitFor(
      () => {
        const d = docFor(uri);
        return d && d.languageId === LANGUAGE_ID ? d : undefined;
      },
      [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
      FIRST_DIAGNOSTICS_MS,
      `${name} to be in the ${LANGUAGE_ID} language (it is ${docFor(uri)?.languageId})`,
    );
  }

  /** Waits for a diagnostic of `rule` on the given cell. */
  function diagnosticAt(uri, rule, cell, timeoutMs = FIRST_DIAGNOSTICS_MS) {
    return waitFor(
      () =>
        vscode.languages
          .getDiagnostics(uri)
          .find(
            (d) =>
              d.source === SOURCE &&
              codeOf(d) === rule &&
              d.range.start.line === cell.line &&
              d.range.start.character === cell.character &&
              d.range.end.line === cell.line &&
              d.range.end.character === cell.character + cell.text.length,
          ),
      [vscode.languages.onDidChangeDiagnostics],
      timeoutMs,
      `a ${rule} diagnostic at ${cell.line}:${cell.character} (have: ${JSON.stringify(
        vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`),
      )})`,
    );
  }

  async function openWithDiagnostics(name) {
    const doc = await openReport(name);
    const cell = composed[name].cells[FAULTS[name].wrong[0]];
    await diagnosticAt(doc.uri, 'request-row-total', cell);
    return { doc, cell };
  }

  const scenarios = [];
  const scenario = (name, fn) => scenarios.push({ name, fn });

  scenario('a. a seed .txt opens in the disclosure-report language (detected by its content)', async () => {
    const files = seeds.length ? seeds : ['a-composed.txt'];
    for (const f of files) assert.equal((await openReport(f)).languageId, LANGUAGE_ID);
  });

  scenario('b. headings, row labels and numbers are coloured differently from prose', async () => {
    const tokens = await themedTokens(uriOf(COLOURS_FILE));
    const heading = tokens.find((t) => t.c.includes('总体情况'));
    const number = tokens.find((t) => /^\s*\d+\s*$/.test(t.c) && /constant\.numeric/.test(t.t));
    const label = tokens.find((t) => /[\u4e00-\u9fff]{2,}/.test(t.c) && /row-label|column-header/.test(t.t));
    const prose = tokens.find((t) => /[\u4e00-\u9fff]{6,}/.test(t.c) && !/\d/.test(t.c) && t.t.trim() === 'source.disclosure-report');
    assert.ok(heading && number && label && prose, `tokens: heading ${JSON.stringify(heading)}, number ${JSON.stringify(number)}, label ${JSON.stringify(label)}, prose ${JSON.stringify(prose)}`);
    assert.match(heading.t, /markup\.heading|entity\.name\.section/);
    const themes = Object.keys(prose.r ?? {});
    const differs = (t) => themes.some((k) => t.r[k] !== prose.r[k]);
    assert.ok(differs(heading), `heading coloured like prose: ${JSON.stringify(heading.r)} vs ${JSON.stringify(prose.r)}`);
    assert.ok(differs(number), `number coloured like prose: ${JSON.stringify(number.r)} vs ${JSON.stringify(prose.r)}`);
    assert.ok(differs(label), `row label coloured like prose: ${JSON.stringify(label.r)} vs ${JSON.stringify(prose.r)}`);
  });

  scenario('c. a wrong 总计 gets a request-row-total diagnostic on its cell', async () => {
    const { doc, cell } = await openWithDiagnostics('c-row-total.txt');
    const d = vscode.languages.getDiagnostics(doc.uri).find((x) => codeOf(x) === 'request-row-total');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), cell.text);
  });

  scenario('d. the hover on a wrong total shows its formula', async () => {
    const name = 'd-row-total.txt';
    const { doc, cell } = await openWithDiagnostics(name);
    const inputs = rowInputs(composed[name].cells, 'new');
    const formula = new RegExp(`(总计|Total)\\s*[=＝]\\s*${inputs.join('\\s*\\+\\s*')}\\s*[=＝]\\s*${cell.correct}\\b`);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(cell.line, cell.character));
    const text = (hovers ?? [])
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, formula);
  });

  scenario('e. the quick fix corrects the total, and the saved file has the right number', async () => {
    const name = 'e-row-total.txt';
    const { doc, cell } = await openWithDiagnostics(name);
    const range = new vscode.Range(cell.line, cell.character, cell.line, cell.character + cell.text.length);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value, 10);
    const title = new RegExp(`(将\\s*总计\\s*改为\\s*${cell.correct}\\b|Change\\s+(总计|(the\\s+)?total)\\s+to\\s+${cell.correct}\\b)`, 'i');
    const action = (actions ?? []).find((a) => title.test(a.title));
    assert.ok(action, `a quick fix titled like "Change 总计 to ${cell.correct}"; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit was applied');
    const cmd = action.command && typeof action.command === 'object' ? action.command : undefined;
    if (cmd) await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    assert.ok(doc.lineAt(cell.line).text.slice(cell.character).startsWith(`${cell.correct} |`), `the row reads ${doc.lineAt(cell.line).text}`);
    assert.ok(await doc.save(), 'the document was saved');
    assert.equal(onDisk(name), composeReport().text);
  });

  scenario('f. fix-all on save (source.fixAll.disclosure-report) corrects two wrong totals', async () => {
    const name = 'f-two-totals.txt';
    const { doc, cell } = await openWithDiagnostics(name);
    const editor = await vscode.window.showTextDocument(doc);
    // Make it dirty as a person would: retype the first wrong total as it is.
    await editor.edit((b) => b.replace(new vscode.Range(cell.line, cell.character, cell.line, cell.character + cell.text.length), cell.text));
    assert.ok(doc.isDirty);
    const onSave = new Promise((resolve) => {
      const sub = vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.toString() === doc.uri.toString()) {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await vscode.commands.executeCommand('workbench.action.files.save');
    await Promise.race([onSave, new Promise((_, rej) => setTimeout(() => rej(new Error('the save did not happen')), 15_000))]);
    assert.equal(onDisk(name), composeReport().text);
  });

  scenario('g. the document symbols are the six sections', async () => {
    const doc = await openReport(seeds.length ? `g-${seeds[0]}` : 'g-composed.txt');
    const keys = ['总体情况', '主动公开', '收到和处理', '行政复议', '存在的主要问题', '其他需要报告'];
    const symbols = await waitFor(
      async () => {
        const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
        const names = (s ?? []).map((x) => x.name).join('\n');
        return keys.every((k) => names.includes(k)) ? s : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
      15_000,
      `the symbols to list ${SECTION_HEADINGS.join(' · ')}`,
    );
    const names = symbols.map((x) => x.name);
    let last = -1;
    for (const k of keys) {
      const i = names.findIndex((n) => n.includes(k));
      assert.ok(i > last, `sections in order: ${JSON.stringify(names)}`);
      last = i;
    }
  });

  scenario('h. the error count the status bar shows: errors of the active report only', async () => {
    // The status bar entry itself is not readable through the API; its count is the active report's
    // error diagnostics from the server, checked here on a faulty report, then on a clean one that is
    // broken by an edit and mended by undo.
    const errors = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && d.severity === vscode.DiagnosticSeverity.Error).length;
    const { doc } = await openWithDiagnostics('h-row-total.txt');
    assert.ok(errors(doc.uri) >= 1);
    const name = 'h-clean.txt';
    const clean = await openReport(name);
    const editor = await vscode.window.showTextDocument(clean);
    const cell = composed[name].cells['t3.new.total'];
    const range = new vscode.Range(cell.line, cell.character, cell.line, cell.character + cell.text.length);
    await editor.edit((b) => b.replace(range, String(cell.correct + 1)));
    await diagnosticAt(clean.uri, 'request-row-total', cell);
    assert.ok(errors(clean.uri) >= 1);
    await vscode.commands.executeCommand('undo');
    assert.equal(clean.getText(), composed[name].text);
    await waitFor(() => errors(clean.uri) === 0, [vscode.languages.onDidChangeDiagnostics], 10_000, `no error left on ${name} (have ${errors(clean.uri)})`);
  });

  scenario('i. a report closed and opened again is still checked as a report', async () => {
    const name = 'i-row-total.txt';
    const { doc } = await openWithDiagnostics(name);
    const closed = waitFor(
      () => !docFor(doc.uri),
      [vscode.workspace.onDidCloseTextDocument],
      5_000,
      `${name} to close`,
    ).catch(() => undefined); // VS Code may keep the document a while; reopening is the point
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closed;
    await openWithDiagnostics(name);
  });

  let passed = 0;
  let failed = 0;
  for (const s of scenarios) {
    const t0 = Date.now();
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      let timer;
      await Promise.race([
        s.fn(),
        new Promise((_, rej) => {
          timer = setTimeout(() => rej(new Error(`scenario timed out after ${SCENARIO_MS} ms`)), SCENARIO_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      passed++;
      say(`ok - ${s.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      say(`not ok - ${s.name} (${Date.now() - t0} ms)\n  ${String(e?.stack ?? e).replace(/\n/g, '\n  ')}`);
    }
  }
  say(`electron: ${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${scenarios.length} scenario(s) failed`);
}

module.exports = { run };
