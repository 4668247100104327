// The real-editor scenarios, run by test/e2e/run.mjs (which starts code-server and chromium and
// passes their addresses in the environment). One browser page, scenarios in order; each starts by
// closing all editors and takes a screenshot into test-artifacts/e2e/ (and `*-failed.png` on failure).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { eastAsianWidth } from 'get-east-asian-width';
import { join } from 'node:path';
import { composeReport, lnCol, rowInputs, SECTION_HEADINGS } from './lib/compose.mjs';
import { FAULTS } from './lib/faults.mjs';
import { traced, until, Workbench } from './lib/workbench.mjs';

const blocked = process.env.E2E_BLOCKED;
const workspace = process.env.E2E_WORKSPACE;
const artifacts = process.env.E2E_ARTIFACTS ?? 'test-artifacts/e2e';
const seeds = JSON.parse(process.env.E2E_SEEDS_JSON ?? '[]');
/** The run's locale (E2E_LOCALE, run.mjs): the user setting disclosureReport.locale the workbench starts with. */
const RUN_LOCALE = process.env.E2E_LOCALE === 'zh-CN' ? 'zh-CN' : 'en';

/** The language names the extension contributes (aliases). */
const LANGUAGE_NAME = /Disclosure Report|政府信息公开年度报告/;
/** How long the extension may take to start and publish its first diagnostics. */
const FIRST_DIAGNOSTICS_MS = 30_000;

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Workbench} */
let wb;

before(async () => {
  if (blocked) return;
  const { chromium } = await import('playwright-core');
  browser = await chromium.connect(process.env.E2E_WS, { timeout: 30_000 });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
  const page = await context.newPage();
  wb = traced(new Workbench(page, { url: process.env.E2E_URL, workspace, artifacts }));
  await wb.load();
});

after(async () => {
  await browser?.close().catch(() => undefined);
});

/** The scenarios in the order of this file; registered at its end (E2E_ORDER=reverse: last first, to show no scenario needs another before it). */
const scenarios = [];

/** A scenario: fails (never skips) when the harness could not start; screenshots on failure. */
function scenario(name, shot, fn, opts) {
  scenarios.push([name, shot, fn, opts]);
}

/** Per scenario, against a hang: the first scenario of a run includes the extension's cold start (73 s seen with the machine loaded). */
const SCENARIO_TIMEOUT_MS = 120_000;

function register(name, shot, fn, { timeout = SCENARIO_TIMEOUT_MS } = {}) {
  test(name, { timeout }, async () => {
    if (blocked) throw new Error(`not run: ${blocked}`);
    assert.ok(wb, 'the workbench did not load');
    try {
      await wb.dismiss();
      await wb.closeAllEditors();
      await fn();
    } catch (e) {
      await wb.screenshot(`${shot}-failed`);
      throw e;
    }
  });
}

const composed = Object.fromEntries(Object.entries(FAULTS).map(([name, f]) => [name, composeReport(f.compose)]));
const onDisk = (name) => readFileSync(join(workspace, name), 'utf8');
const lineOf = (text, n) => text.split(/\r\n|\r|\n/)[n];

/** Opens a composed report and waits until the language server has flagged its first wrong cell. */
async function openWithDiagnostics(name) {
  await wb.openFile(name);
  const cell = composed[name].cells[FAULTS[name].wrong[0]];
  await wb.waitSquiggleAt(cell.line + 1, cell.character + 1, FIRST_DIAGNOSTICS_MS);
  return cell;
}

scenario('a. a seed .txt opens in the disclosure-report language (detected by its content)', 'a-language', async () => {
  const files = seeds.length ? seeds : ['a-composed.txt'];
  if (!seeds.length) console.log('# shared/seeds is absent: using the composed report only');
  for (const f of files) {
    await wb.openFile(f);
    const mode = await until(async () => {
      const t = await wb.statusText('status.editor.mode');
      return t && LANGUAGE_NAME.test(t) ? t : undefined;
    }, { timeout: FIRST_DIAGNOSTICS_MS, what: `the language mode of ${f} to become the disclosure report language (status bar shows "${await wb.statusText('status.editor.mode')}")` });
    assert.match(mode, LANGUAGE_NAME);
  }
  await wb.screenshot('a-language');
});

scenario('b. headings, row labels and numbers are coloured differently from prose', 'b-colours', async () => {
  const name = seeds.length ? `b-${seeds[0]}` : 'b-composed.txt';
  await wb.openFile(name);
  await until(async () => LANGUAGE_NAME.test((await wb.statusText('status.editor.mode')) ?? ''), {
    timeout: FIRST_DIAGNOSTICS_MS,
    what: 'the disclosure report language',
  });
  await wb.gotoLine(1, 1);
  // Tokens are coloured once the grammar has run: wait for the heading to get a colour of its own.
  const isProse = (t) => /[\u4e00-\u9fff]{4,}/.test(t.text) && !/\d/.test(t.text) && /[,，。]/.test(t.line) && !t.line.includes('|');
  const heading = (ts) => ts.find((t) => t.text.includes('总体情况') && t.line.trim().length < 20);
  const colours = await until(async () => {
    const ts = await wb.tokens();
    const h = heading(ts);
    const p = ts.find(isProse);
    return h && p && h.color !== p.color ? { h, p } : undefined;
  }, { timeout: 15_000, what: 'the heading 一、总体情况 to be coloured unlike prose' });
  // A table number: go to the first table row with a number and read its tokens.
  const text = onDisk(name);
  const rowLine = text.split(/\r\n|\r|\n/).findIndex((l) => /(\||\t)\s*\d+\s*(\||\t)/.test(l));
  assert.ok(rowLine >= 0, 'no table row with a number in the report');
  await wb.gotoLine(rowLine + 1, 1);
  const number = await until(async () => {
    const ts = await wb.tokens();
    const n = ts.find((t) => /^\s*\d+\s*$/.test(t.text) && /[|\t]/.test(t.line));
    return n && n.color !== colours.p.color ? n : undefined;
  }, { timeout: 10_000, what: 'a table number coloured unlike prose' });
  const label = (await wb.tokens()).find((t) => /[\u4e00-\u9fff]{2,}/.test(t.text) && /[|\t]/.test(t.line) && t.color !== colours.p.color);
  console.log(`# colours: prose ${colours.p.color}, heading ${colours.h.color}, number ${number.color}, row label ${label?.color ?? '(same as prose)'}`);
  assert.notEqual(colours.h.color, colours.p.color);
  assert.notEqual(number.color, colours.p.color);
  assert.ok(label, 'a row label coloured unlike prose');
  await wb.screenshot('b-colours');
});

scenario('c. a wrong 总计 gets a squiggle, and Problems lists request-row-total at its [Ln, Col]', 'c-problems', async () => {
  const name = 'c-row-total.txt';
  const cell = await openWithDiagnostics(name);
  const expected = lnCol(cell);
  const rows = await until(async () => {
    const rs = await wb.problems();
    return rs.some((r) => r.includes('request-row-total') && r.includes(expected)) ? rs : undefined;
  }, { timeout: 10_000, what: `a Problems row with request-row-total at ${expected}` }).catch(async (e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.problems())}`);
  });
  const row = rows.find((r) => r.includes('request-row-total') && r.includes(expected));
  assert.match(row, /disclosure-report/);
  await wb.gotoLine(cell.line + 1, cell.character + 1);
  await wb.screenshot('c-problems');
  await wb.closePanel();
});

scenario('d. hovering a wrong total shows its formula', 'd-hover', async () => {
  const name = 'd-row-total.txt';
  const cell = await openWithDiagnostics(name);
  const c = composed[name].cells;
  const inputs = rowInputs(c, 'new');
  // e.g. "总计 = 8 + 2 + 0 + 1 + 0 + 1 = 12" (or "Total = …"), the numbers in the row's order.
  const formula = new RegExp(`(总计|[Tt]otal)\\s*[=＝]\\s*${inputs.join('\\s*\\+\\s*')}\\s*[=＝]\\s*${cell.correct}\\b`);
  let text = '';
  try {
    await wb.hoverAt(cell.line + 1, cell.character + 1);
    text = await until(async () => {
      const t = await wb.hoverText();
      return formula.test(t) ? t : undefined;
    }, { timeout: 8000, what: 'the hover' });
  } catch {
    // The mouse hover did not show it: try the keyboard hover (Control+K Control+I) once.
    await wb.gotoLine(cell.line + 1, cell.character + 1);
    await wb.kb.press('Control+K');
    await wb.kb.press('Control+I');
    text = await until(async () => {
      const t = await wb.hoverText();
      return formula.test(t) ? t : undefined;
    }, { timeout: 8000, what: `a hover showing ${formula}` }).catch(async (e) => {
      throw new Error(`${e.message}; hover shows: ${JSON.stringify(await wb.hoverText())}`);
    });
  }
  assert.match(text, formula);
  await waitHoverShown();
  await wb.screenshot('d-hover');
  // A derived cell that is right shows its formula too (and nothing else).
  await wb.dismiss();
  const ok = c['t3.carried.total'];
  const okFormula = new RegExp(`(总计|[Tt]otal)\\s*[=＝]\\s*${rowInputs(c, 'carried').join('\\s*\\+\\s*')}\\s*[=＝]\\s*${ok.correct}\\b`);
  await wb.hoverAt(ok.line + 1, ok.character + 1);
  const okText = await until(async () => {
    const t = await wb.hoverText();
    return okFormula.test(t) ? t : undefined;
  }, { timeout: 8000, what: `a hover showing ${okFormula} on a correct total` }).catch(async (e) => {
    throw new Error(`${e.message}; hover shows: ${JSON.stringify(await wb.hoverText())}`);
  });
  console.log(`# hover on a correct total: ${JSON.stringify(okText.slice(0, 200))}`);
  await waitHoverShown();
  await wb.screenshot('d-hover-formula');
  await wb.dismiss();
});

/** Waits until the hover has faded in, so a screenshot shows it whole. */
async function waitHoverShown() {
  await until(
    () => wb.page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent !== null && Number(getComputedStyle(h.closest('.monaco-resizable-hover, .editor-hover-content, .monaco-hover')).opacity) === 1)),
    { timeout: 3000, what: 'the hover to fade in' },
  ).catch(() => undefined);
}

scenario('e. the quick fix (Control+.) corrects the total, and the saved file has the right number', 'e-quick-fix', async () => {
  const name = 'e-row-total.txt';
  const cell = await openWithDiagnostics(name);
  const rows = await wb.openQuickFix(cell.line + 1, cell.character + 1);
  await wb.screenshot('e-quick-fix-menu');
  const title = new RegExp(`(将\\s*总计\\s*改为\\s*${cell.correct}\\b|Change\\s+(总计|(the\\s+)?total)\\s+to\\s+${cell.correct}\\b)`, 'i');
  assert.ok(rows.some((r) => title.test(r)), `a quick fix titled like "Change 总计 to ${cell.correct}"; offered: ${JSON.stringify(rows)}`);
  await wb.chooseAction(title);
  // The editor now holds the right number in that cell…
  const fixedRow = lineOf(composed[name].text, cell.line).slice(0, cell.character) + `${cell.correct} |`;
  await until(async () => {
    await wb.gotoLine(cell.line + 1, 1);
    return (await wb.lineAtCursor())?.includes(fixedRow);
  }, { timeout: 5000, what: `the row to read "${fixedRow}" in the editor` });
  assert.ok(await wb.activeTabDirty(), 'the quick fix left the editor dirty');
  await wb.screenshot('e-quick-fix');
  // …and after Control+S, so does the file on disk.
  await wb.kb.press('Control+S');
  await until(() => lineOf(onDisk(name), cell.line).slice(cell.character).startsWith(`${cell.correct} |`), {
    timeout: 10_000,
    what: `${name} on disk to hold ${cell.correct} at ${lnCol(cell)}`,
  });
  const saved = onDisk(name);
  const expected = composeReport().text; // the clean report: nothing else changed
  assert.equal(saved, expected);
});

scenario('f. fix-all on save (source.fixAll.disclosure-report) corrects two wrong totals', 'f-fix-all-on-save', async () => {
  const name = 'f-two-totals.txt';
  const cell = await openWithDiagnostics(name);
  const cells = FAULTS[name].wrong.map((k) => composed[name].cells[k]);
  await wb.screenshot('f-before-save');
  // Make the editor dirty the way a person would: retype the first wrong total as it is.
  await wb.gotoLine(cell.line + 1, cell.character + 1);
  for (let i = 0; i < cell.text.length; i++) await wb.kb.press('Shift+ArrowRight');
  await wb.kb.type(cell.text);
  await until(() => wb.activeTabDirty(), { timeout: 5000, what: 'the editor to be dirty' });
  await wb.kb.press('Control+S');
  await until(async () => !(await wb.activeTabDirty()), { timeout: 10_000, what: 'the save to finish' }).catch(() => undefined);
  await until(
    () => {
      const lines = onDisk(name).split('\n');
      return cells.every((c) => lines[c.line].slice(c.character).startsWith(`${c.correct} |`));
    },
    { timeout: 10_000, what: `both totals corrected on disk (${cells.map((c) => `${lnCol(c)} → ${c.correct}`).join(', ')})` },
  ).catch((e) => {
    const lines = onDisk(name).split('\n');
    throw new Error(`${e.message}; on disk: ${cells.map((c) => JSON.stringify(lines[c.line])).join(' / ')}`);
  });
  assert.equal(onDisk(name), composeReport().text);
  await wb.screenshot('f-fix-all-on-save');
});

scenario('g. Go to Symbol (Control+Shift+O) lists the six sections', 'g-outline', async () => {
  const name = seeds.length ? `g-${seeds[0]}` : 'g-composed.txt';
  await wb.openFile(name);
  await until(async () => LANGUAGE_NAME.test((await wb.statusText('status.editor.mode')) ?? ''), {
    timeout: FIRST_DIAGNOSTICS_MS,
    what: 'the disclosure report language',
  });
  const titles = SECTION_HEADINGS.map((h) => h.replace(/^[一二三四五六]、/, ''));
  // A distinctive word of each title, to find it in a symbol label however the server words it.
  const keys = ['总体情况', '主动公开', '收到和处理', '行政复议', '存在的主要问题', '其他需要报告'];
  const labels = await until(async () => {
    await wb.dismiss();
    await wb.kb.press('Control+Shift+O');
    await wb.waitQuickInput();
    const ls = await until(async () => {
      const xs = await wb.quickInput().locator('.monaco-list-row').allInnerTexts();
      return xs.length && !xs.join('').includes('No editor symbols') ? xs : undefined;
    }, { timeout: 3000, what: 'symbols' }).catch(() => []);
    const joined = ls.join('\n');
    return keys.every((k) => joined.includes(k)) ? ls : undefined;
  }, { timeout: 20_000, interval: 500, what: `Go to Symbol to list the six sections (${titles.join(' · ')})` }).catch(async (e) => {
    const xs = await wb.quickInput().locator('.monaco-list-row').allInnerTexts().catch(() => []);
    throw new Error(`${e.message}; listed: ${JSON.stringify(xs)}`);
  });
  const joined = labels.join('\n');
  let last = -1;
  for (const [n, k] of keys.entries()) {
    const i = joined.indexOf(k);
    assert.ok(i > last, `section ${titles[n]} listed in order: ${JSON.stringify(labels)}`);
    last = i;
  }
  await wb.screenshot('g-outline');
  await wb.dismiss();
});

scenario('h. the status bar shows the error count of the active report (as the CLI counts it), following typing and undo', 'h-status-bar', async () => {
  /** The extension's own status bar entry (id `…disclosureReport.problems`), as { errors, warnings }. */
  const entry = async () => {
    const es = await wb.statusEntries();
    const e = es.find((x) => /disclosureReport|disclosure-report/i.test(x.id) && /\d/.test(x.text));
    if (!e) return undefined;
    const nums = e.text.match(/\d+/g).map(Number);
    return { errors: nums[0], warnings: nums[1], raw: e };
  };
  // The errors the CLI finds in the same text: the oracle (not the workbench's own count, which holds
  // every file's problems after a workspace check, so it depends on which scenarios ran before).
  const cliErrors = (text) => {
    const f = join(tmpdir(), `e2e-h-${process.pid}.txt`);
    writeFileSync(f, text);
    try {
      return cliCheck([f]).files.get(f).filter((d) => d.severity === 'error').length;
    } finally {
      rmSync(f, { force: true });
    }
  };
  const expected = cliErrors(onDisk('h-row-total.txt'));
  assert.ok(expected > 0);
  await openWithDiagnostics('h-row-total.txt');
  const faulty = await until(async () => {
    const e = await entry();
    return e && e.errors === expected ? e : undefined;
  }, { timeout: 10_000, what: "the extension's status bar entry to show the active report's error count" }).catch(async (e) => {
    throw new Error(`${e.message}; status bar: ${JSON.stringify(await wb.statusEntries())}`);
  });
  await wb.screenshot('h-status-bar');
  // A clean report: break a total by typing, the count goes up; undo, it goes back to 0.
  await wb.closeAllEditors();
  const name = 'h-clean.txt';
  await wb.openFile(name);
  const cell = composed[name].cells['t3.new.total'];
  await wb.gotoLine(cell.line + 1, cell.character + 1);
  for (let i = 0; i < cell.text.length; i++) await wb.kb.press('Shift+ArrowRight');
  await wb.kb.type(String(cell.correct + 1));
  await wb.waitSquiggleAt(cell.line + 1, cell.character + 1, FIRST_DIAGNOSTICS_MS);
  const typed = cliErrors(composeReport({ totals: { 't3.new.total': cell.correct + 1 } }).text);
  assert.ok(typed > 0);
  const broken = await until(async () => {
    const e = await entry();
    return e && e.errors === typed ? e : undefined;
  }, { timeout: 10_000, what: `the entry to count the error typed into ${name}` }).catch(async (e) => {
    throw new Error(`${e.message}; status bar: ${JSON.stringify(await wb.statusEntries())}`);
  });
  await wb.kb.press('Control+Z');
  await until(async () => {
    const e = await entry();
    return e && e.errors === 0 && !(await wb.activeTabDirty());
  }, { timeout: 10_000, what: `the entry to show 0 errors after undo in ${name}` }).catch(async (e) => {
    throw new Error(`${e.message}; status bar: ${JSON.stringify(await wb.statusEntries())}; problems: ${JSON.stringify(await wb.problems())}`);
  });
  console.log(`# status bar: ${faulty.errors} error(s) on h-row-total.txt; ${broken.errors} after a typed fault in ${name}, 0 after undo (as the CLI counts)`);
});

scenario('i. a report closed and opened again is still checked as a report', 'i-reopen', async () => {
  const name = 'i-row-total.txt';
  await openWithDiagnostics(name);
  // Close it the way a person does, then open it again (File: Reopen Closed Editor would do the same).
  await wb.closeAllEditors();
  const cell = await openWithDiagnostics(name).catch(async (e) => {
    throw new Error(`${e.message}; the language mode shows "${await wb.statusText('status.editor.mode')}" after reopening`);
  });
  assert.match((await wb.statusText('status.editor.mode')) ?? '', LANGUAGE_NAME);
  assert.ok(cell);
  await wb.screenshot('i-reopen');
});

// ---- drafting: a new report, Format Document, the table preview, completions ------------------

/** The extension's status bar entry for the active report, as { errors, warnings }. */
async function problemEntry() {
  const e = (await wb.statusEntries()).find((x) => /disclosureReport|disclosure-report/i.test(x.id) && /\d/.test(x.text));
  if (!e) return undefined;
  const [errors, warnings] = e.text.match(/\d+/g).map(Number);
  return { errors, warnings };
}

/** Waits for the disclosure report language in the status bar. */
async function waitLanguage(what) {
  await until(async () => LANGUAGE_NAME.test((await wb.statusText('status.editor.mode')) ?? ''), { timeout: FIRST_DIAGNOSTICS_MS, what: `${what} in the disclosure report language` });
}

/** Table 三's code lens (`identities: 39/39 hold (rows …` / `勾稽关系 39/39 成立（行 …`), drawn once the server has analysed the text. */
const T3_LENS = /(?:identities: |勾稽关系 )(\d+)\/(\d+) (?:hold \(rows|成立（行)/;

scenario('j. "New Disclosure Report" asks office, year and layout, and opens an untitled draft with no problems', 'j-new-draft', async () => {
  await wb.command('New Disclosure Report', { opensInput: true }); // its first prompt reuses the quick input
  await wb.answerInput(/Reporting body|报告机关/, '青禾县数据资源局');
  await wb.answerInput(/Year the report covers|报告年度/, '2025');
  await wb.pickRow(/separated by “ \| ”|单元格以“ \| ”分隔/);
  await until(async () => /Untitled/.test((await wb.page.locator('.tabs-container .tab.active').getAttribute('aria-label')) ?? ''), { timeout: 10_000, what: 'an untitled editor' });
  await waitLanguage('the new draft');
  await wb.gotoLine(1, 1);
  assert.equal((await wb.lineAtCursor())?.trim(), '青禾县数据资源局2025年政府信息公开工作年度报告');
  // Table 三's rows: the server has read the draft when its code lens is drawn; every identity holds.
  await wb.gotoLine(22, 1);
  const lens = await until(async () => (await wb.codeLenses()).find((t) => T3_LENS.test(t)), { timeout: FIRST_DIAGNOSTICS_MS, what: 'the code lens of table 三' }).catch(async (e) => {
    throw new Error(`${e.message}; lenses: ${JSON.stringify(await wb.codeLenses())}`);
  });
  const [, hold, evaluated] = T3_LENS.exec(lens);
  assert.equal(hold, evaluated, lens);
  const entry = await until(() => problemEntry(), { timeout: 10_000, what: "the extension's status bar entry" });
  assert.deepEqual(entry, { errors: 0, warnings: 0 });
  assert.deepEqual([...(await wb.squiggleBoxes('error')), ...(await wb.squiggleBoxes('warning'))], []);
  await wb.wide(async () => {
    await wb.gotoLine(1, 1);
    await until(async () => (await wb.codeLenses()).some((t) => T3_LENS.test(t)), { timeout: 5000, what: 'the lens drawn in the wider window' });
    await wb.screenshot('j-new-draft');
  });
  console.log(`# new draft: ${lens}; status ${JSON.stringify(entry)}`);
  await wb.command('View: Revert and Close Editor');
});

/** The display columns (a CJK character counts two) of the separator after each number cell of a row. */
function numberColumns(line) {
  const out = [];
  let width = 0;
  let cell = '';
  for (const ch of line) {
    if (ch === '|') {
      if (/^\s*\d+\s*$/.test(cell)) out.push(width);
      cell = '';
    } else cell += ch;
    width += eastAsianWidth(ch.codePointAt(0));
  }
  return out;
}
const cellsOf = (line) => line.split('|').map((c) => c.trim()).filter(Boolean);

scenario('k. Format Document aligns a pasted table without changing a number, a label or the prose', 'k-format', async () => {
  const name = 'k-pasted.txt';
  const before = onDisk(name);
  await wb.openFile(name);
  await waitLanguage(name);
  const rowsOf = (text) => {
    const ls = text.split('\n');
    const from = ls.findIndex((l) => l.startsWith('一、本年新收'));
    const to = ls.findIndex((l) => l.startsWith('四、结转下年度'));
    return ls.slice(from, to + 1);
  };
  assert.ok(new Set(rowsOf(before).map((l) => JSON.stringify(numberColumns(l)))).size > 1, 'the pasted table is not aligned to begin with');
  await wb.gotoLine(30, 1);
  await wb.screenshot('k-before-format');
  await wb.command('Format Document');
  await until(() => wb.activeTabDirty(), { timeout: 10_000, what: 'Format Document to change the editor' });
  await wb.kb.press('Control+S');
  await until(() => onDisk(name) !== before, { timeout: 10_000, what: `${name} saved with the formatting` });
  await until(async () => !(await wb.activeTabDirty()), { timeout: 10_000, what: 'the save to finish' });
  const after = onDisk(name);
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'no line added or removed');
  let changed = 0;
  a.forEach((line, i) => {
    if (!line.includes('|')) assert.equal(b[i], line, `line ${i + 1} (no table) unchanged`);
    else assert.deepEqual(cellsOf(b[i]), cellsOf(line), `line ${i + 1}: the same cells, in the same order`);
    if (b[i] !== line) changed++;
  });
  assert.ok(changed >= 25, `only ${changed} lines changed`);
  // Table 三's 25 rows: the separator after each of the seven numbers at the same display column.
  const columns = rowsOf(after).map(numberColumns);
  assert.equal(columns.length, 25);
  for (const c of columns) assert.deepEqual(c, columns[0], `aligned: ${JSON.stringify(columns)}`);
  assert.equal(columns[0].length, 7);
  await wb.gotoLine(30, 1);
  await wb.screenshot('k-format');
  console.log(`# format: ${changed} lines realigned, table 三's number columns end at ${JSON.stringify(columns[0])}`);
});

scenario('l. the table preview opens beside, marks the failing total, and a click selects the cell in the editor', 'l-preview', async () => {
  const name = 'l-row-total.txt';
  const cell = await openWithDiagnostics(name);
  await wb.gotoLine(1, 1);
  await wb.command('Open Table Preview to the Side');
  const frame = await wb.webviewFrame(`td.status-failing[data-key="${FAULTS[name].wrong[0]}"]`);
  const td = frame.locator(`td[data-key="${FAULTS[name].wrong[0]}"]`);
  const shown = await td.innerText();
  assert.match(shown, new RegExp(`^${cell.text}\\s*→\\s*${cell.correct}$`), `the cell shows "${cell.text} → ${cell.correct}"`);
  const title = await td.getAttribute('title');
  assert.match(title, new RegExp(`(Should be|应为) ${cell.correct}`));
  assert.match(title, /(Formula|公式): /);
  // Beside the editor: two editor groups, the report on the left and the preview on the right.
  assert.equal(await wb.page.locator('.editor-group-container').count(), 2);
  assert.ok(await wb.page.locator('.tabs-container .tab', { hasText: /Tables:|表格预览：/ }).count(), 'a "Tables: …" tab');
  await wb.wide(async () => {
    await wb.gotoLine(cell.line + 1, 1);
    await td.scrollIntoViewIfNeeded();
    await until(() => td.isVisible(), { timeout: 5000, what: 'the failing cell in view' });
    await wb.screenshot('l-preview');
  });
  await wb.gotoLine(1, 1);
  await td.click();
  const selection = new RegExp(`Ln ${cell.line + 1}, Col ${cell.character + 1 + cell.text.length} \\(${cell.text.length} selected\\)`);
  await until(async () => selection.test((await wb.statusText('status.editor.selection')) ?? ''), { timeout: 10_000, what: `the editor selection to be the cell (${selection})` }).catch(async (e) => {
    throw new Error(`${e.message}; the status bar shows "${await wb.statusText('status.editor.selection')}"`);
  });
  await wb.screenshot('l-preview-revealed');
});

scenario('m. completion at the start of a blanked table row offers the next expected row first, with its cells', 'm-completion', async () => {
  const name = 'm-complete.txt';
  const lines = composed[name].text.split('\n');
  const earlier = lines.findIndex((l) => l.startsWith('2.重复申请'));
  const row = lines.findIndex((l) => l.startsWith('4.无正当理由大量反复申请'));
  assert.ok(earlier > 0 && row > earlier);
  await wb.openFile(name);
  await waitLanguage(name);
  // Blank two rows of table 三: 2.重复申请, then 4.无正当理由… (the cursor's line).
  for (const n of [earlier, row]) {
    await wb.gotoLine(n + 1, 1);
    await wb.kb.press('Shift+End');
    await wb.kb.press('Delete');
    await until(async () => (await wb.lineAtCursor())?.trim() === '', { timeout: 5000, what: `line ${n + 1} to be blank` });
  }
  const list = await until(async () => {
    let s = await wb.suggestions();
    if (!s) {
      await wb.kb.press('Control+Space');
      s = await until(() => wb.suggestions(), { timeout: 3000, what: 'the suggest widget' }).catch(() => undefined);
    }
    return s && s.rows.length >= 2 ? s : undefined;
  }, { timeout: 20_000, what: 'completions at the row start (both blanked rows)' }).catch(async (e) => {
    throw new Error(`${e.message}; the widget shows ${JSON.stringify(await wb.suggestions())}`);
  });
  // The next expected row (after 3.要求提供公开出版物 above) first, then the earlier missing one.
  assert.match(list.focused, /^4\.无正当理由大量反复申请/, `the next expected row first: ${JSON.stringify(list)}`);
  assert.match(list.rows[0], /^4\.无正当理由大量反复申请/);
  assert.match(list.rows[1], /^2\.重复申请/);
  await wb.screenshot('m-completion');
  await wb.kb.press('Enter');
  const restored = /^4\.无正当理由大量反复申请 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|$/;
  await until(async () => restored.test((await wb.lineAtCursor())?.trim() ?? ''), { timeout: 5000, what: `the row to read ${restored}` }).catch(async (e) => {
    throw new Error(`${e.message}; the line reads ${JSON.stringify(await wb.lineAtCursor())}`);
  });
  // The first tab stop is the first number: typing replaces it.
  await wb.kb.type('3');
  await until(async () => /^4\.无正当理由大量反复申请 \| 3 \| 0 \|/.test((await wb.lineAtCursor())?.trim() ?? ''), { timeout: 5000, what: 'the typed number in the first cell' });
  await wb.kb.press('Escape');
  await wb.command('File: Revert File');
  await until(async () => !(await wb.activeTabDirty()), { timeout: 5000, what: 'the revert' });
});

// ==== The workspace scenarios (branch e2e): Check All Reports, Mark as reviewed, the problem matcher ====
// They come last: the workspace check fills Problems with the problems of every report on disk,
// which would change the workbench's problem counts scenario h reads.
import { existsSync as wsExists, readFileSync as wsRead } from 'node:fs';
import { CHECK_ALL_FOLDER, CHECK_ALL_REPORTS, CLI, cliCheck, filterProblems, problemFiles, recordNotifications, runTask, writeReports, writeWorkspaceFile } from './lib/workspace-ops.mjs';

const CHECK_ALL_PROGRESS = /Checking the disclosure reports in the workspace|正在检查工作区中的政府信息公开年度报告/;
const CHECK_ALL_DONE = /Checked (\d+) report\(s\)|检查了 (\d+) 份报告/;

scenario('n. Check All Reports in Workspace fills Problems for reports that are not open', 'n-workspace-check', async () => {
  const paths = writeReports(workspace, CHECK_ALL_FOLDER, CHECK_ALL_REPORTS);
  // What the CLI finds in each file is what Problems must list for it (all are errors here).
  const cli = cliCheck(Object.values(paths));
  const expected = Object.fromEntries(Object.entries(paths).map(([name, p]) => [name, cli.files.get(p).length]));
  assert.equal(expected['j-clean.txt'], 0, 'the clean report checks clean with the CLI');
  assert.ok(Object.entries(expected).filter(([, n]) => n > 0).length >= 3, `three reports with problems: ${JSON.stringify(expected)}`);
  await filterProblems(wb, CHECK_ALL_FOLDER);
  assert.deepEqual(await problemFiles(wb), [], 'no problems of the unopened reports before the check');
  const seen = await recordNotifications(wb.page);
  await wb.command('Check All Reports in Workspace');
  const done = await until(async () => (await seen()).find((t) => CHECK_ALL_DONE.test(t)), {
    timeout: 60_000,
    what: 'the notification "Checked N report(s)"',
  }).catch(async (e) => {
    throw new Error(`${e.message}; notifications seen: ${JSON.stringify(await seen())}`);
  });
  const toasts = await seen();
  assert.ok(toasts.some((t) => CHECK_ALL_PROGRESS.test(t)), `the progress notification was shown; seen: ${JSON.stringify(toasts)}`);
  // Each problem of one file at the [Ln, Col] the CLI gives.
  await filterProblems(wb, 'j-one-total.txt');
  const oneTotal = cli.files.get(paths['j-one-total.txt']);
  const markers = await until(async () => {
    const ms = await wb.problems();
    return oneTotal.every((d) => ms.some((m) => m.includes(d.rule) && m.includes(`[Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`))) ? ms : undefined;
  }, { timeout: 10_000, what: `Problems to list ${oneTotal.map((d) => `${d.rule} at [Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`).join(', ')}` }).catch(async (e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.problems())}`);
  });
  assert.ok(markers.length >= oneTotal.length);
  // Each file's count: the file filtered alone, so its row is in sight (the tree renders only those).
  const rows = [];
  for (const [name, n] of Object.entries(expected)) {
    await filterProblems(wb, name);
    const row = await until(async () => {
      const fs = await problemFiles(wb);
      return n === 0 ? (fs.length === 0 ? { name, count: 0 } : undefined) : fs.find((f) => f.name === name && f.count === n);
    }, { timeout: 15_000, what: n ? `Problems to list ${name} with ${n} problem(s)` : `Problems to list nothing for ${name}` }).catch(async (e) => {
      throw new Error(`${e.message}; file rows: ${JSON.stringify(await problemFiles(wb))}`);
    });
    rows.push(row);
  }
  // The picture for the README: the folder's problems, and the notification that the check is done.
  await filterProblems(wb, CHECK_ALL_FOLDER);
  await until(async () => (await problemFiles(wb)).some((f) => f.name === 'j-one-total.txt'), { timeout: 15_000, what: 'j-one-total.txt in Problems' });
  await wb.page.mouse.move(700, 300);
  await wb.screenshot('n-workspace-check');
  // None of them was opened.
  assert.equal(await wb.page.locator('.tabs-container .tab').count(), 0);
  console.log(`# workspace check: "${done}"; Problems: ${rows.map((f) => `${f.name} ${f.count}`).join(', ')}`);
  await filterProblems(wb, '');
  await wb.dismiss();
  await wb.closePanel();
});

scenario('o. Mark as reviewed asks for a status and a reason, writes .disclosure-report.json and silences the finding in the editor and the CLI', 'o-mark-reviewed', async () => {
  const name = 'o-reviewed.txt';
  const text = composed[name]; // one total wrong (see lib/faults.mjs)
  const file = join(workspace, name);
  const configFile = join(workspace, '.disclosure-report.json');
  assert.ok(!wsExists(configFile), 'no .disclosure-report.json before the scenario');
  const cell = text.cells['t3.new.total'];
  const at = (d) => d.rule === 'request-row-total' && d.range.start.line === cell.line && d.range.start.character === cell.character;
  // Before: the CLI reports the wrong total (and the balance it upsets).
  const before = cliCheck([file], { cwd: workspace }).files.get(file);
  assert.ok(before.some(at), `the CLI reports request-row-total at ${lnCol(cell)} before: ${JSON.stringify(before.map((d) => d.rule))}`);
  const others = before.filter((d) => !at(d));
  assert.ok(others.length > 0, 'another finding stays, to show the config silences only the reviewed one');
  await wb.openFile(name);
  await wb.waitSquiggleAt(cell.line + 1, cell.character + 1, FIRST_DIAGNOSTICS_MS);
  await filterProblems(wb, name);
  await until(async () => (await wb.problems()).some((m) => m.includes('request-row-total') && m.includes(lnCol(cell))), {
    timeout: 10_000,
    what: `Problems to list request-row-total at ${lnCol(cell)}`,
  });
  await wb.closePanel();
  const rows = await wb.openQuickFix(cell.line + 1, cell.character + 1);
  const title = /Mark as reviewed|标记为已审核/;
  assert.ok(rows.some((r) => title.test(r)), `a quick fix "Mark as reviewed"; offered: ${JSON.stringify(rows)}`);
  await wb.screenshot('o-mark-reviewed-menu');
  await wb.chooseAction(title);
  // The prompt: what the finding is (confirmed / accepted as is / false alarm), then why.
  await wb.pickRow(/Accepted as is|按原样接受/);
  await wb.answerInput(/reason|理由/, 'the published table says 19');
  // The configuration file is created in the workspace folder, with the finding by its cell key.
  const config = await until(() => {
    if (!wsExists(configFile)) return undefined;
    try {
      const c = JSON.parse(wsRead(configFile, 'utf8'));
      return c.reviewed?.length ? c : undefined;
    } catch {
      return undefined; // still being written
    }
  }, { timeout: 15_000, what: `${configFile} to be saved with a reviewed entry` });
  assert.deepEqual(config.reviewed.map((e) => [e.rule, e.file, e.cell, e.status, e.reason]), [['request-row-total', name, 't3.new.total', 'accepted', 'the published table says 19']]);
  assert.ok(config.reviewed[0].reviewer, `a reviewer is recorded: ${JSON.stringify(config.reviewed[0])}`);
  assert.match(config.reviewed[0].date, /^\d{4}-\d{2}-\d{2}$/);
  // The finding is gone from the editor: no squiggle on that cell, no Problems row; the others stay.
  await wb.closeAllEditors().catch(() => undefined);
  await wb.openFile(name);
  await filterProblems(wb, name);
  const markers = await until(async () => {
    const ms = await wb.problems();
    return !ms.some((m) => m.includes('request-row-total')) && others.every((d) => ms.some((m) => m.includes(d.rule))) ? ms : undefined;
  }, { timeout: 15_000, what: `Problems to drop request-row-total of ${name} and keep ${others.map((d) => d.rule).join(', ')}` }).catch(async (e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.problems())}`);
  });
  await wb.gotoLine(cell.line + 1, cell.character + 1);
  const c = await wb.cursorBox();
  const covering = (await wb.squiggleBoxes()).filter((b) => c.x + 3 >= b.x - 1 && c.x + 3 <= b.x + b.width + 1 && c.y + c.height / 2 >= b.y - 2 && c.y + c.height / 2 <= b.y + b.height + 2);
  assert.deepEqual(covering, [], `no squiggle on ${lnCol(cell)} any more`);
  await wb.screenshot('o-mark-reviewed');
  // After: the CLI, finding the file upward from the report, no longer reports it; the rest it still does.
  const after = cliCheck([file], { cwd: workspace }).files.get(file);
  assert.ok(!after.some(at), `the CLI no longer reports request-row-total at ${lnCol(cell)}: ${JSON.stringify(after.map((d) => d.rule))}`);
  assert.deepEqual(after.map((d) => d.rule), others.map((d) => d.rule));
  console.log(`# mark as reviewed: ${JSON.stringify(config.reviewed[0])}; left in Problems and the CLI: ${others.map((d) => d.rule).join(', ')} (${markers.length} rows shown)`);
  await filterProblems(wb, '');
  await wb.closePanel();
});

scenario('r. the Findings view lists the reports with reviewed findings, and exports them as CSV', 'r-findings-view', async () => {
  // Its own folder and configuration file (independent of scenario o): one wrong total, accepted.
  const text = composeReport({ totals: { 't3.new.total': 13 } }).text;
  writeWorkspaceFile(workspace, 'r-review/r-findings.txt', text);
  writeWorkspaceFile(workspace, 'r-review/.disclosure-report.json', JSON.stringify({ reviewed: [{ rule: 'request-row-total', file: 'r-findings.txt', cell: 't3.new.total', status: 'accepted', reason: 'as printed in the gazette', reviewer: 'e2e', date: '2026-03-01' }] }, null, 2));
  const seen = await recordNotifications(wb.page);
  await wb.command('Check All Reports in Workspace');
  await until(async () => (await seen()).find((t) => CHECK_ALL_DONE.test(t)), { timeout: 60_000, what: 'the workspace check to finish' });
  await wb.dismiss();
  await wb.command('Focus on Disclosure Report Findings View');
  const pane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /Disclosure Report Findings|年度报告发现/i }) });
  await until(async () => (await pane.locator('.monaco-list-row').count()) > 0, { timeout: 20_000, what: 'the Findings view to list reports' });
  await wb.screenshot('r-findings-view');
  const csv = join(workspace, 'findings.csv');
  await wb.command('Export findings as CSV', { opensInput: true });
  // The save dialog (code-server's own, a quick input) proposes findings.csv in the workspace folder: accepted as it is
  // (typing a path races its completion).
  await until(async () => (await wb.quickInputState())?.value.endsWith('findings.csv'), { timeout: 10_000, what: 'the save dialog proposing findings.csv' });
  await wb.page.keyboard.press('Enter');
  const out = await until(() => (wsExists(csv) ? wsRead(csv, 'utf8') : undefined), { timeout: 15_000, what: `${csv} to be written` });
  assert.ok(out.startsWith('\ufeff'), 'UTF-8 with a BOM');
  const row = out.split('\r\n').find((l) => l.startsWith('r-review/r-findings.txt,') && l.includes(',t3.new.total,') && l.includes(',request-row-total,'));
  assert.ok(row, `a row for the accepted total: ${out.slice(0, 600)}`);
  assert.match(row, /,(accepted as is|按原样接受),as printed in the gazette,e2e,2026-03-01$/);
  console.log(`# findings exported: ${out.split('\r\n').length - 2} rows; ${row}`);
  await wb.dismiss();
});

scenario('p. a tasks.json task running the CLI with "problemMatcher": "$disclosure-report" fills Problems', 'p-problem-matcher', async () => {
  // In a folder whose name starts with "." the workspace check skips, and never opened: its
  // problems in Problems can only come from the task's output.
  const rel = '.task/p-task.txt';
  const file = writeWorkspaceFile(workspace, rel, composeReport({ totals: { 't4.review.total': 3 } }).text);
  const cli = cliCheck([file]).files.get(file);
  assert.deepEqual(cli.map((d) => d.rule), ['review-total']);
  const at = `[Ln ${cli[0].range.start.line + 1}, Col ${cli[0].range.start.character + 1}]`;
  const label = 'e2e: check the task report';
  writeWorkspaceFile(workspace, '.vscode/tasks.json', JSON.stringify({
    version: '2.0.0',
    tasks: [{ label, type: 'process', command: process.execPath, args: [CLI, 'check', rel], options: { cwd: '${workspaceFolder}' }, problemMatcher: '$disclosure-report', presentation: { reveal: 'never' } }],
  }, null, 2));
  await filterProblems(wb, 'p-task.txt');
  assert.deepEqual(await problemFiles(wb), [], 'no problems of the task report before the task');
  await runTask(wb, label);
  await filterProblems(wb, 'p-task.txt');
  const markers = await until(async () => {
    const ms = await wb.problems();
    return ms.some((m) => m.includes('review-total') && m.includes(at)) ? ms : undefined;
  }, { timeout: 30_000, what: `Problems to list review-total of ${rel} at ${at} from the task` }).catch(async (e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.problems())}`);
  });
  const row = markers.find((m) => m.includes('review-total'));
  assert.match(row, /disclosure-report/);
  assert.match(row, /行政复议/, 'the message is the CLI\'s');
  await wb.page.mouse.move(700, 300); // a repaint, so the picture shows the filtered tree
  await wb.screenshot('p-problem-matcher');
  console.log(`# problem matcher: ${row}`);
  await filterProblems(wb, '');
  await wb.closePanel();
});

// ==== The checks beyond the sums: a prose number against the tables, last year's report against this year's ====
import { BEYOND, beyondPositions } from './lib/beyond.mjs';

scenario('q. a prose number that is not the table’s and a 上年结转 that is not last year’s 结转 get warnings; the lens names last year’s file', 'q-beyond', async () => {
  const { prose, carried } = beyondPositions();
  await wb.openFile(BEYOND.current);
  await wb.waitSquiggleAt(prose.line + 1, prose.character + 1, FIRST_DIAGNOSTICS_MS, 'warning');
  // Last year's report is on disk beside it: found by office and year, read, compared.
  await wb.waitSquiggleAt(carried.line + 1, carried.character + 1, FIRST_DIAGNOSTICS_MS, 'warning');
  const at = (p) => `[Ln ${p.line + 1}, Col ${p.character + 1}]`;
  await filterProblems(wb, BEYOND.current);
  const rows = await until(async () => {
    const rs = await wb.problems();
    const ok = rs.some((r) => r.includes('prose-table-mismatch') && r.includes(at(prose))) && rs.some((r) => r.includes('carryover-mismatch') && r.includes(at(carried)));
    return ok ? rs : undefined;
  }, { timeout: 15_000, what: `Problems rows for prose-table-mismatch at ${at(prose)} and carryover-mismatch at ${at(carried)}` }).catch(async (e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.problems())}`);
  });
  assert.ok(rows.some((r) => r.includes('prose-table-mismatch') && /\b18\b/.test(r)), JSON.stringify(rows));
  // The lens sits above the title: bring the top of the report into view (lenses are drawn for visible lines).
  await wb.gotoLine(1, 1);
  const lenses = await until(async () => {
    const ls = await wb.codeLenses();
    return ls.some((l) => l.includes(BEYOND.previous)) ? ls : undefined;
  }, { timeout: 10_000, what: `a code lens naming ${BEYOND.previous}` });
  assert.ok(lenses.some((l) => l.includes(BEYOND.previous)));
  await wb.gotoLine(prose.line + 1, prose.character + 1);
  await wb.screenshot('q-beyond');
  await filterProblems(wb, '');
  await wb.closePanel();
});

/**
 * Runs a command from the palette whose first step is a prompt of its own (New Disclosure Report):
 * the palette hands over to the prompt in the same quick input, so there is no moment when it is
 * closed to wait for; answerInput then waits for the prompt.
 */
async function commandWithPrompt(label) {
  await wb.dismiss();
  await wb.focusEditorOrWorkbench();
  await wb.kb.press('F1');
  await wb.waitQuickInput();
  await wb.kb.type(label);
  await until(async () => ((await wb.quickInput().locator('.monaco-list-row.focused').first().innerText().catch(() => '')) ?? '').includes(label), { timeout: 5000, what: `"${label}" to be the chosen command` });
  await wb.kb.press('Enter');
}

// ---- findings in Word documents and PDFs; the UI in Chinese -----------------------------------------
import { mkdirSync as mkdirIn, rmSync as rmIn, writeFileSync as writeIn } from 'node:fs';

import { PDF_FOLDER, PDF_NAME } from './lib/workspace.mjs';

scenario('s. after Check All Reports, clicking a PDF finding in Problems opens its read-only draft at the line; double-clicking the PDF offers "Open as draft"', 's-pdf-finding', async () => {
  const pdf = join(workspace, PDF_FOLDER, PDF_NAME); // written with the workspace (lib/workspace.mjs)
  const found = cliCheck([pdf]).files.get(pdf);
  assert.ok(found.length > 0, 'the CLI finds problems in the PDF');
  const first = [...found].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
  const seen = await recordNotifications(wb.page);
  await wb.command('Check All Reports in Workspace');
  await until(async () => (await seen()).some((t) => CHECK_ALL_DONE.test(t)), { timeout: 60_000, what: 'the check to finish' });
  await filterProblems(wb, PDF_NAME);
  const at = `[Ln ${first.range.start.line + 1}, Col ${first.range.start.character + 1}]`;
  const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: at }).first();
  await until(() => row.isVisible(), { timeout: 15_000, what: `Problems to list ${first.rule} ${at} under ${PDF_NAME}` }).catch(async (e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.problems())}`);
  });
  await wb.screenshot('s-pdf-problems');
  await row.click();
  await wb.kb.press('Enter');
  // The draft: a text editor named after the PDF, in the report language, the cursor at the finding.
  await until(async () => (await wb.page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.includes(PDF_NAME), { timeout: 15_000, what: `an editor of ${PDF_NAME}` });
  await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
  // The finding's range selected on its line (the status bar counts a tab as up to four columns, so the column is not compared).
  const length = first.range.end.character - first.range.start.character;
  const selection = new RegExp(`Ln ${first.range.start.line + 1}, Col \\d+ \\(${length} selected\\)`);
  await until(async () => selection.test((await wb.statusText('status.editor.selection')) ?? ''), { timeout: 10_000, what: `the cursor at ${at}` }).catch(async (e) => {
    throw new Error(`${e.message}; the status bar shows "${await wb.statusText('status.editor.selection')}"`);
  });
  await waitLanguage('the PDF draft');
  assert.equal(await wb.page.locator('.editor-group-container.active .monaco-editor-background + *, .editor-group-container.active .binary-container').filter({ hasText: /binary|not displayed/i }).count(), 0);
  await wb.waitSquiggleAt(first.range.start.line + 1, first.range.start.character + 1, FIRST_DIAGNOSTICS_MS, first.severity === 'error' ? 'error' : 'warning');
  await wb.closePanel();
  await wb.screenshot('s-pdf-draft');
  // Double-clicking the PDF itself: a page saying what it is, with the button that opens the draft.
  await wb.closeAllEditors();
  await wb.focusEditorOrWorkbench();
  await wb.kb.press('Control+P');
  await wb.waitQuickInput();
  await wb.kb.type(PDF_NAME);
  await until(async () => (await wb.quickInput().locator('.monaco-list-row.focused').first().getAttribute('aria-label'))?.includes(PDF_NAME), { timeout: 30_000, what: `quick open to offer ${PDF_NAME}` });
  await wb.kb.press('Enter');
  const frame = await wb.webviewFrame('button#open');
  assert.match(await frame.locator('body').innerText(), /is a PDF, which VS Code cannot show as text|是 PDF 文件，VS Code 无法将其作为文本显示/);
  await wb.screenshot('s-pdf-page');
  await frame.locator('button#open').click();
  await until(async () => (await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').count()) > 0 && (await wb.page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.includes(PDF_NAME), { timeout: 15_000, what: 'the draft opened from the page' });
  await waitLanguage('the draft opened from the page');
  // Nothing was written beside the PDF.
  assert.deepEqual(readdirIn(join(workspace, PDF_FOLDER)), [PDF_NAME]);
  await filterProblems(wb, '');
  await wb.closePanel();
});

import { readdirSync as readdirIn } from 'node:fs';

/**
 * Latin words a Chinese UI may still show: names of products, formats, files, rule ids, and cell keys
 * where they stand as an identifier of their own (the Findings view's description, as in the CSV);
 * never inside a sentence (the preview names a cell by its row and column).
 */
const KEPT_LATIN = /\b(VS Code|Word|WPS|Excel|PDF|CSV|SARIF|JSON|docx|txt|pdf|html?|Ln|Col|disclosure-report|[a-z]+(?:-[a-z0-9]+)+|t[1-4](?:\.[A-Za-z0-9]+)+)\b|[\w.-]+\.(?:txt|pdf|docx|json)/g;
const englishWords = (s) => (s.replace(/disclosure-report(?:\([a-z0-9-]+\))?/g, '').replace(KEPT_LATIN, '').match(/[A-Za-z]{3,}/g) ?? []);

/**
 * The text the extension draws around the active report `name`, by part: the editor's lines as
 * drawn (the report's own text, inlay hints and lenses), the breadcrumbs, the extension's status bar
 * entry (text, accessible name, tooltip) and the report's rows in Problems.
 */
/** The active editor's lines as drawn, inlay hints included. */
const drawnEditor = () => wb.page.evaluate(() => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n'));

async function zhVisibleParts(name) {
  const parts = {};
  parts.editor = await drawnEditor();
  parts.breadcrumbs = await wb.page.evaluate(() => [...document.querySelectorAll('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')].map((e) => e.innerText).join(' › '));
  const entry = wb.page.locator('.statusbar-item[id*="disclosureReport"]').first();
  await until(async () => /\d/.test(await entry.innerText()), { timeout: 10_000, what: "the extension's status bar entry" });
  parts.status = `${await entry.innerText()} ${(await entry.locator('[aria-label]').first().getAttribute('aria-label').catch(() => '')) ?? ''}`;
  await wb.page.mouse.move(10, 10);
  await entry.hover();
  parts.statusTooltip = await until(async () => {
    const t = await wb.page.evaluate(() => [...document.querySelectorAll('.workbench-hover, .monaco-hover')].filter((h) => h.offsetParent !== null).map((h) => h.innerText.replace(/\u00a0/g, ' ')).join('\n'));
    return t.trim() ? t : undefined;
  }, { timeout: 10_000, what: "the status bar entry's tooltip" });
  await wb.page.mouse.move(700, 300);
  await filterProblems(wb, name);
  parts.problems = (
    await until(async () => {
      const rs = await wb.problems();
      return rs.some((r) => /\[Ln \d+, Col \d+\]/.test(r)) ? rs : undefined;
    }, { timeout: 10_000, what: `the Problems rows of ${name}` })
  ).join('\n');
  await filterProblems(wb, '');
  await wb.closePanel();
  return parts;
}

/** The workspace's .vscode/settings.json, which the locale scenarios write (and remove after). */
const workspaceSettings = () => join(workspace, '.vscode', 'settings.json');

/** Sets the workspace setting disclosureReport.locale (it overrides the user setting of the run's locale). */
function writeLocale(locale) {
  mkdirIn(join(workspace, '.vscode'), { recursive: true });
  writeIn(workspaceSettings(), JSON.stringify({ 'disclosureReport.locale': locale }, null, 2));
}

/** What the extension's status bar entry says to a screen reader in each locale (`2 个错误，1 个警告`). */
const SPOKEN = { 'zh-CN': /\d+ 个错误/, en: /\d+ error\(s\)/ };

/** Waits until the extension speaks `locale`: a report opened, its status bar entry's words in it. */
async function untilLocaleApplied(locale) {
  await wb.openFile('h-clean.txt');
  const spoken = () => wb.page.locator('.statusbar-item[id*="disclosureReport"] [aria-label]').first().getAttribute('aria-label').catch(() => '');
  await until(async () => SPOKEN[locale].test((await spoken()) ?? ''), { timeout: 20_000, what: `the extension to speak ${locale} (status bar entry: "${await spoken()}")` });
}

/**
 * Runs `fn` with the workspace setting disclosureReport.locale = `locale`; afterwards removes it and
 * waits until the extension speaks the run's locale again, so the next scenario finds it as the others do.
 */
async function withLocale(locale, fn) {
  writeLocale(locale);
  try {
    await fn();
  } finally {
    rmIn(workspaceSettings(), { force: true });
    await wb.dismiss();
    await wb.closeAllEditors().catch(() => undefined);
    await untilLocaleApplied(RUN_LOCALE);
  }
}

scenario('t. with disclosureReport.locale zh-CN the extension shows no English: the report as drawn (inlay hints, lenses), breadcrumbs, status bar entry and tooltip, Problems, hover, outline, preview', 't-zh-cn', () =>
  withLocale('en', async () => {
    const name = 'l-row-total.txt';
    // The lenses drawn inside the editor's visible area (one scrolled out of view keeps its old text
    // in the DOM until it comes back into view, when VS Code draws it again).
    const visibleLenses = () =>
      wb.page.evaluate(() => {
        const view = document.querySelector('.editor-group-container.active .monaco-editor .overflow-guard')?.getBoundingClientRect();
        return [...document.querySelectorAll('.editor-group-container.active .monaco-editor .codelens-decoration')]
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return view && r.height > 0 && r.top >= view.top && r.bottom <= view.bottom;
          })
          .map((e) => e.textContent.replace(/\u00a0/g, ' ').trim());
      });
    // Opened in English, then switched: the lenses drawn before the switch must change too.
    const cell = await openWithDiagnostics(name);
    const t4Line = onDisk(name).split('\n').findIndex((l) => l.startsWith('四、政府信息公开行政复议')) + 1;
    await wb.gotoLine(t4Line + 3, 1);
    await until(async () => (await visibleLenses()).some((l) => /^identities: /.test(l)), { timeout: 20_000, what: 'table 四’s lens in English' });
    writeLocale('zh-CN');
    // Code lenses: every table's lens in Chinese — table 四's, in view when the setting changed, and table 三's.
    const inChinese = (where) =>
      until(async () => {
        const ls = await visibleLenses();
        return ls.length >= 1 && ls.every((l) => /[\u4e00-\u9fff]/.test(l) && !englishWords(l).length) ? ls : undefined;
      }, { timeout: 20_000, what: `every code lens ${where} in Chinese` }).catch(async (e) => {
        throw new Error(`${e.message}; lenses in view: ${JSON.stringify(await visibleLenses())}; all drawn: ${JSON.stringify(await wb.codeLenses())}`);
      });
    const t4Lenses = await inChinese('at table 四');
    await wb.gotoLine(1, 1);
    const lenses = [...t4Lenses, ...(await inChinese('at the top'))];
    assert.ok(lenses.length >= 2);
    // Everything else the extension draws around the report: its text with the inlay hints, the
    // breadcrumbs (symbols), the status bar entry and its tooltip, the Problems rows.
    // Inlay hints: VS Code asks for them again after the server's refresh on a schedule of its own,
    // at times after the lenses.
    await until(async () => {
      const text = await drawnEditor();
      return /应为/.test(text) && !englishWords(text).length ? text : undefined;
    }, { timeout: 20_000, what: 'the inlay hints drawn in Chinese' }).catch(async (e) => {
      throw new Error(`${e.message}; English in the editor: ${JSON.stringify(englishWords(await drawnEditor()))}`);
    });
    const parts = await zhVisibleParts(name);
    for (const [part, text] of Object.entries(parts)) assert.deepEqual(englishWords(text), [], `${part} in Chinese: ${JSON.stringify(text.slice(0, 600))}`);
    assert.match(parts.editor, /应为/, 'an inlay hint in Chinese on the wrong total');
    // Hover on the wrong total: its formula in Chinese (总计 = … ✗ 应为 N).
    await wb.hoverAt(cell.line + 1, cell.character + 1);
    // The hover's own contents (not VS Code's "View Problem" / "Quick Fix" links, which follow the display language).
    const hoverContents = () =>
      wb.page.evaluate(() => [...document.querySelectorAll('.monaco-hover .hover-contents, .monaco-hover .hover-row.markdown-hover')].filter((h) => h.offsetParent !== null).map((h) => h.innerText.replace(/\u00a0/g, ' ')).join('\n'));
    const hover = await until(async () => {
      const t = await hoverContents();
      return /总计\s*=/.test(t) ? t : undefined;
    }, { timeout: 8000, what: 'the hover' }).catch(async (e) => {
      throw new Error(`${e.message}; hover shows: ${JSON.stringify(await wb.hoverText())}`);
    });
    assert.deepEqual(englishWords(hover), [], `hover: ${hover}`);
    await wb.dismiss();
    // Outline (Go to Symbol): the table names in Chinese.
    await wb.dismiss();
    await wb.kb.press('Control+Shift+O');
    await wb.waitQuickInput();
    const symbols = await until(async () => {
      const s = await wb.quickInputState();
      return s?.rows > 3 ? s : undefined;
    }, { timeout: 10_000, what: 'the symbols' });
    // The rows' labels and descriptions as drawn (not VS Code's own "symbols (9)" group label, which follows the
    // display language, nor a hidden detail left in a reused row by an earlier quick pick).
    const symbolTexts = await wb.page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map((r) => [...r.querySelectorAll('.label-name, .label-description')].filter((e) => e.offsetParent !== null).map((e) => e.innerText).join(' ')));
    assert.deepEqual(symbolTexts.flatMap(englishWords), [], `symbols: ${JSON.stringify(symbolTexts)} (${symbols.rows})`);
    await wb.dismiss();
    // The preview: headings, badges and the hint.
    await wb.command('Open Table Preview to the Side');
    const frame = await wb.webviewFrame(`td.status-failing[data-key="${FAULTS[name].wrong[0]}"]`);
    const previewText = await frame.locator('body').innerText();
    assert.deepEqual(englishWords(previewText), [], 'the preview in Chinese');
    // Its tooltips too (a cell's formula and verdict, a badge's explanation).
    const previewTitles = await frame.locator('[title]').evaluateAll((es) => es.map((e) => e.getAttribute('title')));
    assert.deepEqual(previewTitles.flatMap(englishWords), [], `the preview's tooltips in Chinese: ${JSON.stringify(previewTitles.slice(0, 5))}`);
    assert.match(await frame.locator(`td[data-key="${FAULTS[name].wrong[0]}"]`).getAttribute('title'), /应为/);
    assert.ok(await wb.page.locator('.tabs-container .tab', { hasText: '表格预览' }).count(), 'a "表格预览：…" tab');
    await wb.screenshot('t-zh-cn-preview');
  }));

scenario('w. with disclosureReport.locale zh-CN the New Report prompts, the workspace check’s notification and the Findings view’s rows show no English', 'w-zh-cn-prompts', () =>
  withLocale('zh-CN', async () => {
    await untilLocaleApplied('zh-CN');
    await wb.closeAllEditors();
    // New Disclosure Report: its prompts.
    await commandWithPrompt('New Disclosure Report');
    const office = await until(async () => (await wb.quickInputState()) ?? undefined, { timeout: 10_000, what: 'the first prompt' });
    assert.deepEqual(englishWords(JSON.stringify([office.title ?? '', office.prompt ?? '', office.placeholder ?? ''])), [], JSON.stringify(office));
    await wb.answerInput(/报告机关/, '青禾县数据资源局');
    await wb.answerInput(/报告年度/, '2025');
    const layout = await wb.page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map((r) => r.innerText));
    assert.deepEqual(layout.flatMap(englishWords), [], JSON.stringify(layout));
    await wb.pickRow(/单元格以“ \| ”分隔/);
    await waitLanguage('the new draft');
    await wb.command('View: Revert and Close Editor');
    // A notification: the workspace check's.
    const seen = await recordNotifications(wb.page);
    await wb.command('Check All Reports in Workspace');
    const done = await until(async () => (await seen()).find((t) => /检查了 \d+ 份报告/.test(t)), { timeout: 60_000, what: 'the notification 检查了 N 份报告' }).catch(async (e) => {
      throw new Error(`${e.message}; seen: ${JSON.stringify(await seen())}`);
    });
    assert.deepEqual(englishWords(done.replace(/Check All Reports in Workspace|Disclosure Report|Source:.*$/g, '')), [], done);
    await wb.screenshot('w-zh-cn-notification');
    // The Findings view's rows (its title is the contributed name, which follows the display language).
    await wb.dismiss();
    await wb.command('Focus on Disclosure Report Findings View');
    const pane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /Disclosure Report Findings|年度报告发现/i }) });
    const findingRows = await until(async () => {
      // Each row's label and description apart (innerText runs them together: "实为 19t3.new.total").
      const rs = await pane.locator('.monaco-list-row').evaluateAll((es) => es.map((e) => [...e.querySelectorAll('.label-name, .label-description, .monaco-count-badge')].map((x) => x.innerText).join(' ').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()));
      return rs.length > 0 && rs.some((r) => /[\u4e00-\u9fff]/.test(r)) ? rs : undefined;
    }, { timeout: 20_000, what: 'the Findings view to list reports' });
    assert.deepEqual(findingRows.flatMap(englishWords), [], `the Findings view's rows in Chinese: ${JSON.stringify(findingRows)}`);
    await wb.screenshot('w-zh-cn-findings');
  }));

/** The page x of every `|` drawn on each rendered line of the active editor: [{ text, xs }]. */
function barPositions() {
  return wb.page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')].map((line) => {
      const xs = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.data.length; i++) {
          if (n.data[i] !== '|') continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          xs.push(Math.round(r.getBoundingClientRect().x * 10) / 10);
        }
      }
      return { text: line.textContent.replace(/\u00a0/g, ' '), xs, top: line.getBoundingClientRect().top };
    }),
  );
}

scenario('u. in VS Code’s default font (CJK from a fallback font), the new draft’s table 三 after Format Document has every bar of its rows at one pixel column, and no boxed punctuation', 'u-default-font', async () => {
  mkdirIn(join(workspace, '.vscode'), { recursive: true });
  // VS Code's default editor font on Linux; CJK then comes from a fallback font (WenQuanYi Zen Hei, 1 em wide against 0.6 em Latin).
  writeIn(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'editor.fontFamily': "'Droid Sans Mono', 'monospace', monospace", '[disclosure-report]': { 'editor.wordWrap': 'off' } }, null, 2));
  try {
    await wb.closePanel();
    await commandWithPrompt('New Disclosure Report');
    await wb.answerInput(/Reporting body|报告机关/, '青禾县数据资源局');
    await wb.answerInput(/Year the report covers|报告年度/, '2025');
    await wb.pickRow(/“ \| ”/);
    await waitLanguage('the new draft');
    await wb.command('Format Document');
    await wb.wide(async () => {
      await wb.gotoLine(27, 1);
      const rows = await until(async () => {
        const ls = (await barPositions()).filter((l) => /^(一、本年新收|二、上年结转|三、本年度办理结果|（[一二三四五六七]）|[1-8]\.|四、结转)/.test(l.text) && l.xs.length >= 8);
        return ls.length >= 12 ? ls : undefined;
      }, { timeout: 10_000, what: 'a dozen rows of table 三 drawn' });
      // The seven value columns: the last eight bars of each row.
      const last8 = rows.map((r) => r.xs.slice(-8));
      const spread = last8[0].map((_, i) => Math.max(...last8.map((xs) => xs[i])) - Math.min(...last8.map((xs) => xs[i])));
      await wb.screenshot('u-default-font');
      assert.ok(Math.max(...spread) <= 1, `bars at one pixel column (spread per bar: ${spread.join(', ')} px); rows:\n${rows.map((r) => `${r.xs.slice(-8).join(' ')}  ${r.text.slice(0, 20)}`).join('\n')}`);
      // CJK punctuation is not boxed as ambiguous (the language turns the highlight off).
      assert.equal(await wb.page.locator('.editor-group-container.active .monaco-editor .unicode-highlight').count(), 0, 'no ambiguous- or invisible-character boxes');
    });
  } finally {
    rmIn(join(workspace, '.vscode'), { recursive: true, force: true });
    await wb.command('View: Revert and Close Editor').catch(() => undefined);
  }
});

// ---- fix-all on a seed-like draft: the wording warnings, and the list of what changed ------------------

/** The lines of the Output panel's editor (the channel shown), as drawn. */
const outputLines = () =>
  wb.page.evaluate(() => [...document.querySelectorAll('[id="workbench.panel.output"] .monaco-editor .view-lines .view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((l) => l.textContent.replace(/\u00a0/g, ' ')));

scenario('v. fix-all ("Fix all auto-fixable problems") on a seed-like draft fixes its 11 wording warnings, says how many, and lists each label old → new', 'v-fix-all-wording', async () => {
  const name = 'v-seed-wording.txt';
  const file = join(workspace, name);
  const wording = cliCheck([file]).files.get(file).filter((d) => d.rule === 'label-wording');
  assert.equal(wording.length, 11, 'the draft has the eleven label-wording warnings of seeds 000 and 001');
  const first = wording[0];
  await wb.openFile(name);
  await wb.waitSquiggleAt(first.range.start.line + 1, first.range.start.character + 1, FIRST_DIAGNOSTICS_MS, 'warning');
  await wb.screenshot('v-before-fix-all');
  const seen = await recordNotifications(wb.page);
  await wb.command('Fix all auto-fixable problems in the disclosure report');
  // The notification: the file and how many changes, with a button that shows them.
  const applied = /v-seed-wording\.txt[:：]\s*(?:(\d+) change\(s\) applied|已应用 (\d+) 处修改)/;
  const toast = await until(async () => (await seen()).find((t) => applied.test(t)), { timeout: 20_000, what: 'the notification "v-seed-wording.txt: 11 change(s) applied."' }).catch(async (e) => {
    throw new Error(`${e.message}; notifications seen: ${JSON.stringify(await seen())}`);
  });
  const [, en, zh] = applied.exec(toast);
  assert.equal(Number(en ?? zh), 11, toast);
  // The editor holds the official wording: the text is the clean report's, nothing else changed.
  await until(() => wb.activeTabDirty(), { timeout: 5000, what: 'the fixes to change the editor' });
  await wb.kb.press('Control+S');
  await until(() => onDisk(name) === composeReport().text, { timeout: 10_000, what: `${name} saved with table 四's labels in the official wording` }).catch((e) => {
    const lines = onDisk(name).split('\n');
    throw new Error(`${e.message}; table 四's header now reads ${JSON.stringify(lines.slice(first.range.start.line, first.range.start.line + 2))}`);
  });
  // No warning left: the squiggle is gone.
  await until(async () => (await wb.squiggleBoxes('warning')).length === 0, { timeout: 10_000, what: 'no warning squiggle after the fixes' });
  // What changed, in the output channel the button opens: each label old → new, at its line.
  const button = wb.page.locator('.notification-toast .monaco-button', { hasText: /^(Show changes|查看修改)$/ }).first();
  if (!(await button.isVisible().catch(() => false))) {
    // The toast went away meanwhile: the notification centre keeps it.
    await wb.command('Notifications: Show Notifications');
  }
  await wb.page.locator('.notification-toast .monaco-button, .notifications-center .monaco-button', { hasText: /^(Show changes|查看修改)$/ }).first().click();
  const expected = wording.map((d) => `${d.range.start.line + 1}: `);
  const lines = await until(async () => {
    const ls = await outputLines();
    const changes = ls.filter((l) => /→/.test(l));
    return changes.length >= 11 ? ls : undefined;
  }, { timeout: 10_000, what: 'the output channel to list the eleven changes' }).catch(async (e) => {
    throw new Error(`${e.message}; output: ${JSON.stringify(await outputLines())}`);
  });
  const changes = lines.filter((l) => /→/.test(l));
  for (const [i, d] of wording.entries()) {
    const [, from, to] = /“(.+?)”.*“(.+?)”/.exec(d.message) ?? [];
    assert.ok(changes.some((l) => l.trim().startsWith(expected[i]) && l.includes(`${from} → ${to}`)), `a line "${expected[i]}… ${from} → ${to}"; output: ${JSON.stringify(lines)}`);
  }
  assert.ok(lines.some((l) => l.includes(name)), `the output names ${name}: ${JSON.stringify(lines)}`);
  await wb.screenshot('v-fix-all-changes');
  console.log(`# fix-all: "${toast}"; ${changes.length} change lines, e.g. ${JSON.stringify(changes[0]?.trim())}`);
  await wb.command('View: Hide Panel').catch(() => undefined);
});

// ---- the .docx write-back: "Write fixes back to the .docx" written, and refused ----------------------
import { readFileSync as readBytes, readdirSync as listFolder } from 'node:fs';
import { cliCells } from './lib/workspace-ops.mjs';
import { correctCells, HYPHEN_CELL, HYPHEN_DOCX, makeUnwritable, REFUSED_DOCX, WRITEBACK_FOLDER, WRITTEN_DOCX, WRONG } from './lib/writeback.mjs';

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SHOW_CHANGES = /^(Show changes|查看修改)$/;

/**
 * Opens the draft of `writeback/<name>` the way a person does: quick open shows the .docx's page,
 * whose button runs "Open as Disclosure Report draft"; waits for the draft in the report language.
 * Returns the file's path and the CLI's findings in it (the draft's lines and columns).
 */
async function openDocxDraft(name) {
  const path = join(workspace, WRITEBACK_FOLDER, name);
  const found = cliCheck([path]).files.get(path);
  await wb.focusEditorOrWorkbench();
  await wb.kb.press('Control+P');
  await wb.waitQuickInput();
  await wb.kb.type(name);
  await until(async () => (await wb.quickInput().locator('.monaco-list-row.focused').first().getAttribute('aria-label'))?.includes(name), { timeout: 30_000, what: `quick open to offer ${name}` });
  await wb.kb.press('Enter');
  const frame = await wb.webviewFrame('button#open');
  await frame.locator('button#open').click();
  await until(async () => (await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').count()) > 0 && (await wb.page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.includes(name), { timeout: 15_000, what: `the draft of ${name}` });
  await waitLanguage(`the draft of ${name}`);
  return { path, found };
}

/** The finding of the CLI on each WRONG cell: { key: diagnostic } (request-row-total, review-total). */
function wrongCellFindings(found) {
  const rules = { 't3.new.total': 'request-row-total', 't4.review.total': 'review-total' };
  return Object.fromEntries(Object.entries(rules).map(([key, rule]) => {
    const d = found.find((x) => x.rule === rule);
    assert.ok(d, `the CLI finds ${rule} (${key}): ${JSON.stringify(found.map((x) => x.rule))}`);
    return [key, d];
  }));
}

/** Clicks "Show changes" on the notification whose text matches `re` (in the notification centre once the toast has gone). */
async function showChangesOf(re) {
  const inToast = wb.page.locator('.notification-toast', { hasText: re }).locator('.monaco-button', { hasText: SHOW_CHANGES }).first();
  if (await inToast.isVisible().catch(() => false)) return inToast.click();
  await wb.command('Notifications: Show Notifications');
  await wb.page.locator('.notifications-center .notification-list-item', { hasText: re }).locator('.monaco-button', { hasText: SHOW_CHANGES }).first().click();
}

/**
 * The fixes' output channel's entry for `name` (the last one): its heading and the lines of its
 * cells, once it lists every WRONG cell (`24: … (t3.new.total)  19 → 18`).
 */
async function fixesEntry(name, findings) {
  const entryOf = (ls) => {
    const at = ls.findLastIndex((l) => l.includes(`${name} — `));
    if (at < 0) return undefined;
    const rest = ls.slice(at + 1);
    const end = rest.findIndex((l) => /^\[/.test(l));
    return { heading: ls[at], cells: (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.trim()) };
  };
  const cellLine = (key) => new RegExp(`^\\s*${findings[key].range.start.line + 1}: .*\\(${escapeRe(key)}\\)\\s+${WRONG[key].printed} → ${WRONG[key].correct}\\s*$`);
  return until(async () => {
    const e = entryOf(await outputLines());
    return e && Object.keys(WRONG).every((k) => e.cells.some((l) => cellLine(k).test(l))) ? e : undefined;
  }, { timeout: 10_000, what: `the fixes' output channel to list ${Object.entries(WRONG).map(([k, v]) => `${k} ${v.printed} → ${v.correct}`).join(' and ')} under ${name}` }).catch(async (e) => {
    throw new Error(`${e.message}; output: ${JSON.stringify(await outputLines())}`);
  });
}

scenario('y. "Write fixes back to the .docx" from its draft writes the recomputed totals into the Word document (read back by the CLI: every cell right), lists them old → new, and the draft re-reads clean', 'y-write-back', async () => {
  const name = WRITTEN_DOCX;
  const { path, found } = await openDocxDraft(name);
  const findings = wrongCellFindings(found);
  const before = cliCells(path);
  assert.deepEqual(Object.keys(WRONG).map((k) => before[k]), Object.values(WRONG).map((w) => w.printed), 'the document prints the wrong totals');
  for (const d of Object.values(findings)) await wb.waitSquiggleAt(d.range.start.line + 1, d.range.start.character + 1, FIRST_DIAGNOSTICS_MS);
  await wb.screenshot('y-before-write-back');
  const seen = await recordNotifications(wb.page);
  await wb.command('Write fixes back to the .docx');
  const written = new RegExp(`${escapeRe(name)}[:：]\\s*(?:(\\d+) cell\\(s\\) recomputed and written back|已重算并写回 (\\d+) 个单元格)`);
  const toast = await until(async () => (await seen()).find((t) => written.test(t)), { timeout: 30_000, what: `the notification "${name}: 2 cell(s) recomputed and written back."` }).catch(async (e) => {
    throw new Error(`${e.message}; notifications seen: ${JSON.stringify(await seen())}`);
  });
  const [, en, zh] = written.exec(toast);
  assert.equal(Number(en ?? zh), Object.keys(WRONG).length, toast);
  // (a) The Word document on disk, read back by the CLI's own reader: every cell as it should be, and no finding.
  assert.deepEqual(cliCells(path), correctCells(), `${name} read back by the CLI holds the recomputed totals and every other cell as it was`);
  assert.deepEqual(cliCheck([path]).files.get(path), [], `the CLI finds nothing in ${name} any more`);
  // (b) The draft reads the file again: the totals corrected in it, no error squiggle, the status entry at 0 errors.
  const rowOne = findings['t3.new.total'].range.start.line;
  await until(async () => {
    await wb.gotoLine(rowOne + 1, 1);
    return (await wb.lineAtCursor())?.trim().split(/\s+/).at(-1) === String(WRONG['t3.new.total'].correct);
  }, { timeout: 20_000, what: `the draft's row 一 to end in ${WRONG['t3.new.total'].correct}` }).catch(async (e) => {
    throw new Error(`${e.message}; the row reads ${JSON.stringify(await wb.lineAtCursor())}`);
  });
  await until(async () => (await wb.squiggleBoxes('error')).length === 0 && (await problemEntry())?.errors === 0, { timeout: 20_000, what: 'no error left in the draft (squiggles, status bar entry)' }).catch(async (e) => {
    throw new Error(`${e.message}; status bar: ${JSON.stringify(await problemEntry())}`);
  });
  // What was written, cell by cell, in the fixes' output channel.
  await showChangesOf(written);
  const entry = await fixesEntry(name, findings);
  // The heading names the file once ("r.docx — 2 cell(s) …", never "r.docx — r.docx: …").
  assert.match(entry.heading, new RegExp(`\\] ${escapeRe(name)} — (?:${Object.keys(WRONG).length} cell\\(s\\) recomputed and written back|已重算并写回 ${Object.keys(WRONG).length} 个单元格)\\s*$`), 'the entry says the cells were written back, naming the file once');
  await wb.screenshot('y-write-back');
  console.log(`# write-back: "${toast}"; ${entry.heading.trim()} / ${entry.cells.map((l) => l.trim()).join(' / ')}`);
  await wb.command('View: Hide Panel').catch(() => undefined);
});

scenario('z. "Write fixes back to the .docx" refused (the .docx unwritable): the error notification, the file byte for byte as it was, the cells not written listed in the output channel, the finding still shown', 'z-write-refused', async () => {
  const name = REFUSED_DOCX;
  const { path, found } = await openDocxDraft(name);
  const findings = wrongCellFindings(found);
  const cell = findings['t3.new.total'];
  await wb.waitSquiggleAt(cell.range.start.line + 1, cell.range.start.character + 1, FIRST_DIAGNOSTICS_MS);
  const bytes = readBytes(path);
  const folder = listFolder(join(workspace, WRITEBACK_FOLDER)).sort();
  const lock = makeUnwritable(path);
  try {
    const seen = await recordNotifications(wb.page);
    await wb.command('Write fixes back to the .docx');
    const refused = new RegExp(`Could not write the fixes into ${escapeRe(name)}: permission denied|无法将修正写入 ${escapeRe(name)}：没有权限`);
    const toast = await until(async () => (await seen()).find((t) => refused.test(t)), { timeout: 30_000, what: `the error "Could not write the fixes into ${name}: permission denied" (${lock.how})` }).catch(async (e) => {
      throw new Error(`${e.message}; notifications seen: ${JSON.stringify(await seen())}`);
    });
    // The cells that were not written, in the fixes' output channel, under a heading that says so.
    await showChangesOf(refused);
    const entry = await fixesEntry(name, findings);
    assert.match(entry.heading, new RegExp(`\\] ${escapeRe(name)} — (?:Not written: the ${Object.keys(WRONG).length} cell\\(s\\)|未写入：重算本应修改的 ${Object.keys(WRONG).length} 个单元格)`), 'the entry says the cells were not written, naming the file once');
    // Nothing claims a write: no "written back", no "change(s) applied".
    const claims = (await seen()).filter((t) => /written back|已重算并写回|change\(s\) applied|已应用 \d+ 处修改/.test(t));
    assert.deepEqual(claims, [], 'no notification says the fixes were written or applied');
    // The file byte for byte as it was, and no temporary file left beside it.
    assert.ok(readBytes(path).equals(bytes), `${name} is byte-identical`);
    assert.deepEqual(listFolder(join(workspace, WRITEBACK_FOLDER)).sort(), folder, 'nothing left beside the document');
    // The draft still shows the finding.
    await wb.waitSquiggleAt(cell.range.start.line + 1, cell.range.start.character + 1, 10_000);
    await wb.screenshot('z-write-refused');
    console.log(`# write-back refused (${lock.how}): "${toast}"; ${entry.heading.trim()} / ${entry.cells.map((l) => l.trim()).join(' / ')}`);
  } finally {
    lock.undo();
  }
  await wb.command('View: Hide Panel').catch(() => undefined);
});

scenario('y2. "Write fixes back to the .docx" when no cell can be written (the one wrong total is a non-breaking hyphen in Word): a warning that nothing changed naming the cell and why, never "nothing to recompute"; the file byte for byte as it was; Show changes lists the cell under a heading naming the file once; Fix All on the draft says it is read-only', 'y2-write-none', async () => {
  const name = HYPHEN_DOCX;
  const { path, found } = await openDocxDraft(name);
  const finding = found.find((d) => d.rule === 'review-total' && d.cell === HYPHEN_CELL.key);
  assert.ok(finding, `the CLI finds review-total at ${HYPHEN_CELL.key}: ${JSON.stringify(found.map((d) => d.rule))}`);
  await wb.waitSquiggleAt(finding.range.start.line + 1, finding.range.start.character + 1, FIRST_DIAGNOSTICS_MS);
  const bytes = readBytes(path);
  const seen = await recordNotifications(wb.page);
  await wb.command('Write fixes back to the .docx');
  const none = new RegExp(`${escapeRe(name)}[:：]\\s*(?:nothing changed: the 1 cell\\(s\\) the recompute would change could not be written \\(the cell has no text in the document to replace\\)|未作任何改动：重算要修改的 1 个单元格无法写入（文档中该单元格没有可替换的文字）)`);
  const toast = await until(async () => (await seen()).find((t) => none.test(t)), { timeout: 30_000, what: `the warning "${name}: nothing changed: the 1 cell(s) … could not be written …"` }).catch(async (e) => {
    throw new Error(`${e.message}; notifications seen: ${JSON.stringify(await seen())}`);
  });
  assert.match(toast, new RegExp(`(?:administrative review: total|行政复议 总计) - → ${HYPHEN_CELL.correct}`), 'the notification names the cell, old → new');
  assert.equal(toast.split(name).length - 1, 1, `the notification names the file once: ${toast}`);
  const claims = (await seen()).filter((t) => /no total to recompute|没有需要重算|written back|已重算并写回|change\(s\) applied|已应用 \d+ 处修改/.test(t));
  assert.deepEqual(claims, [], 'nothing says there was nothing to recompute, or that a cell was written');
  assert.ok(readBytes(path).equals(bytes), `${name} is byte-identical`);
  // The cell in the fixes' output channel, under a heading that names the file once and says why.
  await showChangesOf(none);
  const cellLine = new RegExp(`^\\s*${finding.range.start.line + 1}: .*\\(${escapeRe(HYPHEN_CELL.key)}\\)\\s+- → ${HYPHEN_CELL.correct}\\s*$`);
  const entry = await until(async () => {
    const ls = await outputLines();
    const at = ls.findLastIndex((l) => l.includes(`${name} — `));
    return at >= 0 && ls.slice(at + 1).some((l) => cellLine.test(l)) ? { heading: ls[at], cell: ls.slice(at + 1).find((l) => cellLine.test(l)) } : undefined;
  }, { timeout: 10_000, what: `the fixes' output channel to list ${HYPHEN_CELL.key} - → ${HYPHEN_CELL.correct} under ${name}` }).catch(async (e) => {
    throw new Error(`${e.message}; output: ${JSON.stringify(await outputLines())}`);
  });
  assert.match(entry.heading, new RegExp(`\\] ${escapeRe(name)} — (?:Not written \\(the cell has no text in the document to replace\\): 1 cell\\(s\\)|未写入（文档中该单元格没有可替换的文字）：1 个单元格)\\s*$`), 'the heading names the file once and says why');
  // The draft still shows the finding.
  await wb.waitSquiggleAt(finding.range.start.line + 1, finding.range.start.character + 1, 10_000);
  await wb.screenshot('y2-write-none');
  // Fix All on the draft says it is read-only and what to do, not that there is nothing to fix.
  const fixAllSeen = await recordNotifications(wb.page);
  await wb.command('Fix all auto-fixable problems in the disclosure report');
  const readOnly = /This draft is read-only\.|此草稿为只读。/;
  await until(async () => (await fixAllSeen()).some((t) => readOnly.test(t)), { timeout: 15_000, what: 'Fix All on the draft to say it is read-only' }).catch(async (e) => {
    throw new Error(`${e.message}; notifications seen: ${JSON.stringify(await fixAllSeen())}`);
  });
  assert.deepEqual((await fixAllSeen()).filter((t) => /No automatic fixes available|没有可自动修复的问题/.test(t)), [], 'no "No automatic fixes available" on a draft with a fixable total');
  console.log(`# write-back with no cell writable: "${toast}"; ${entry.heading.trim()} / ${entry.cell.trim()}`);
  await wb.command('View: Hide Panel').catch(() => undefined);
});

/**
 * The scenarios that read what the extension says (messages, lenses, hovers, prompts, notifications,
 * the preview, the CSV's words): the ones the second locale's run takes (E2E_SUBSET=locale, run.mjs).
 * The others (language detection, colours, outline, status counts, reopening, formatting, completion,
 * the problem matcher, the default font) read numbers, positions and pixels; t and w set a locale of
 * their own.
 */
import { EXTENSION_ID, prepareWebWorkspace, WEB_OPENED, WEB_REPORTS, WEB_UNOPENED } from './lib/webhost.mjs';

/** How long the web worker host may take to start the extension and its worker server (which parses pdf.js). */
const WEB_FIRST_DIAGNOSTICS_MS = 90_000;

scenario('x. in code-server’s web worker extension host (the `browser` entry, as in VS Code for the Web): a wrong total in Problems, its quick fix saved, Check All Reports over the workspace file system', 'x-web-host', async () => {
  const folder = prepareWebWorkspace(workspace);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
  const web = traced(new Workbench(await context.newPage(), { url: process.env.E2E_URL, workspace: folder, artifacts }));
  try {
    await web.load();
    // The wrong 总计 of the opened report: a squiggle, and its Problems row at its [Ln, Col].
    const report = composeReport(WEB_REPORTS[WEB_OPENED]);
    const cell = report.cells['t3.new.total'];
    await web.openFile(WEB_OPENED);
    await web.waitSquiggleAt(cell.line + 1, cell.character + 1, WEB_FIRST_DIAGNOSTICS_MS);
    await until(async () => (await web.problems()).some((r) => r.includes('request-row-total') && r.includes(lnCol(cell))), {
      timeout: 10_000,
      what: `a Problems row with request-row-total at ${lnCol(cell)}`,
    });
    // The quick fix, saved: the file holds the clean report.
    const title = new RegExp(`(将\\s*总计\\s*改为\\s*${cell.correct}\\b|Change\\s+(总计|(the\\s+)?total)\\s+to\\s+${cell.correct}\\b)`, 'i');
    const actions = await web.openQuickFix(cell.line + 1, cell.character + 1);
    assert.ok(actions.some((r) => title.test(r)), `a quick fix titled like "Change 总计 to ${cell.correct}"; offered: ${JSON.stringify(actions)}`);
    await web.chooseAction(title);
    await until(() => web.activeTabDirty(), { timeout: 5000, what: 'the quick fix to edit the report' });
    await web.kb.press('Control+S');
    await until(() => wsRead(join(folder, WEB_OPENED), 'utf8') === composeReport().text, { timeout: 10_000, what: `${WEB_OPENED} saved fixed` });
    // Check All Reports: the worker server lists and reads the unopened report through the editor's file system.
    const cli = cliCheck([join(folder, WEB_UNOPENED)]).files.get(join(folder, WEB_UNOPENED));
    assert.ok(cli.length >= 2, `the CLI finds the two wrong totals (and what follows from them): ${JSON.stringify(cli.map((d) => d.rule))}`);
    const seen = await recordNotifications(web.page);
    await web.command('Check All Reports in Workspace');
    await until(async () => (await seen()).some((t) => CHECK_ALL_DONE.test(t)), { timeout: 60_000, what: 'the notification "Checked N report(s)"' });
    await filterProblems(web, WEB_UNOPENED);
    await until(async () => (await problemFiles(web)).some((f) => f.name === WEB_UNOPENED && f.count === cli.length), {
      timeout: 15_000,
      what: `Problems to list ${WEB_UNOPENED} with ${cli.length} problems`,
    }).catch(async (e) => {
      throw new Error(`${e.message}; file rows: ${JSON.stringify(await problemFiles(web))}`);
    });
    await web.screenshot('x-web-host-check-all');
    // It is the web worker host that runs it: Running Extensions says so of this extension only.
    await web.command('Developer: Show Running Extensions');
    const rowOf = (name) => web.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: name }).first();
    const ours = await until(async () => {
      const t = await rowOf('Disclosure Report Checker').innerText({ timeout: 1000 }).catch(() => '');
      return /web worker/.test(t) ? t : undefined;
    }, { timeout: 15_000, what: 'Running Extensions to show the extension in the web worker host' });
    const others = await web.page.locator('.runtime-extensions-editor .monaco-list-row').allInnerTexts();
    assert.ok(others.some((t) => !/web worker/.test(t)), `another extension runs in code-server's Node host; rows: ${JSON.stringify(others)}`);
    console.log(`# ${EXTENSION_ID} in Running Extensions: ${JSON.stringify(ours.replace(/\s+/g, ' '))}`);
    await web.screenshot('x-web-worker-host');
  } catch (e) {
    await web.screenshot('x-web-window-failed');
    throw e;
  } finally {
    await context.close().catch(() => undefined);
  }
}, { timeout: 240_000 });

const LOCALE_SENSITIVE = new Set(['c', 'd', 'e', 'j', 'l', 'n', 'o', 'q', 'r', 's', 'v', 'y', 'z']);
const subset = process.env.E2E_SUBSET === 'locale' ? scenarios.filter(([name]) => LOCALE_SENSITIVE.has(name[0])) : scenarios;
if (subset.length < scenarios.length) console.log(`# ${RUN_LOCALE}: the locale-sensitive scenarios only (${subset.map(([n]) => n[0]).join(' ')}); the others ran in the first locale`);

for (const s of process.env.E2E_ORDER === 'reverse' ? [...subset].reverse() : subset) register(...s);
