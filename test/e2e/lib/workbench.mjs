// Helpers that drive VS Code's workbench (code-server in chromium) the way a person would:
// keyboard shortcuts, the quick-open and command palette, the Problems panel, hovers and the
// code action menu. Every wait is on something the DOM shows, polled with a bounded timeout.
import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `fn` until it returns a truthy value; throws `what` (with the last value) on timeout. */
export async function until(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > end) {
      const detail = lastErr ? ` (last error: ${lastErr.message})` : last !== undefined ? ` (last: ${JSON.stringify(last)?.slice(0, 400)})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await sleep(interval);
  }
}

const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ');

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { url, workspace, artifacts }) {
    this.page = page;
    this.url = url;
    this.workspace = workspace;
    this.artifacts = artifacts;
    this.kb = page.keyboard;
  }

  async load() {
    const u = `${this.url}/?folder=${encodeURIComponent(this.workspace)}`;
    await this.page.goto(u, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('[id="workbench.parts.statusbar"]').waitFor({ timeout: 60_000 });
    // The explorer lists the workspace once the remote file system is connected.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  async screenshot(name) {
    await this.page.screenshot({ path: `${this.artifacts}/${name}.png` }).catch(() => undefined);
  }

  /** The visible quick input (quick open, command palette, go to symbol/line). */
  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  async waitQuickInput() {
    await until(async () => this.quickInput().isVisible(), { timeout: 5000, what: 'the quick input to open' });
  }

  async dismiss() {
    for (let i = 0; i < 3; i++) await this.kb.press('Escape');
  }

  /** Runs a command by its label from the command palette (F1); `opensInput`: the command opens a quick input of its own (a save dialog), so the palette does not just close. */
  async command(label, { opensInput = false } = {}) {
    await this.dismiss();
    await this.focusEditorOrWorkbench();
    await this.kb.press('F1');
    await this.waitQuickInput();
    await this.kb.type(label);
    const row = this.quickInput().locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: 5000 });
    await until(async () => (await this.quickInput().locator('.monaco-list-row.focused').first().innerText()).includes(label), {
      timeout: 3000,
      what: `"${label}" to be the chosen command`,
    });
    await this.kb.press('Enter');
    if (opensInput) return;
    await until(async () => !(await this.quickInput().isVisible()), { timeout: 5000, what: 'the command palette to close' });
  }

  async focusEditorOrWorkbench() {
    // Keyboard shortcuts need focus inside the workbench, not on <body> of a fresh page.
    const inside = await this.page.evaluate(() => {
      const a = document.activeElement;
      return !!a && a !== document.body && !!a.closest('.monaco-workbench');
    });
    if (inside) return;
    const editor = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    const target = (await editor.isVisible().catch(() => false)) ? editor : this.page.locator('[id="workbench.parts.statusbar"]');
    await target.click({ position: { x: 5, y: 5 }, force: true, timeout: 2000 }).catch(() => undefined);
  }

  async closeAllEditors() {
    await this.command('View: Close All Editors');
    await until(async () => (await this.page.locator('.tabs-container .tab').count()) === 0, { timeout: 5000, what: 'all editors to close' });
  }

  /** Opens a workspace file through quick open (Control+P) and waits for its editor. */
  async openFile(name) {
    await this.dismiss();
    await this.focusEditorOrWorkbench();
    await this.kb.press('Control+P');
    await this.waitQuickInput();
    await this.kb.type(name);
    await until(
      async () => {
        const t = await this.quickInput().locator('.monaco-list-row.focused').first().getAttribute('aria-label');
        return t && t.includes(name);
      },
      { timeout: 10_000, what: `quick open to offer ${name}` },
    );
    await this.kb.press('Enter');
    await until(async () => (await this.page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.includes(name), {
      timeout: 10_000,
      what: `the editor of ${name}`,
    });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
  }

  /** Status bar text of an entry by its id (e.g. `status.editor.mode`), or undefined. */
  async statusText(id) {
    const el = this.page.locator(`[id="${id}"]`);
    if (!(await el.count())) return undefined;
    return norm(await el.first().innerText()).trim();
  }

  /** id, text and aria-label of every status bar entry. */
  async statusEntries() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.statusbar-item')].map((e) => ({
        id: e.id,
        text: e.innerText.replace(/\u00a0/g, ' ').trim(),
        aria: e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? e.getAttribute('aria-label') ?? '',
      })),
    );
  }

  /** Moves the cursor with Go to Line/Column (Control+G, `line:col`, both 1-based). */
  async gotoLine(line, col = 1) {
    await this.dismiss();
    await this.kb.press('Control+G');
    await this.waitQuickInput();
    await this.kb.type(`${line}:${col}`);
    await this.kb.press('Enter');
    await until(async () => !(await this.quickInput().isVisible()), { timeout: 5000, what: 'go to line to close' });
    await until(
      async () => {
        const s = await this.statusText('status.editor.selection');
        return s && new RegExp(`Ln ${line}, Col \\d+`).test(s);
      },
      { timeout: 5000, what: `the cursor at line ${line}` },
    );
  }

  /** The primary cursor's box in page coordinates. */
  async cursorBox() {
    return until(
      async () => {
        const b = await this.page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first().boundingBox();
        return b && b.height > 0 ? b : undefined;
      },
      { timeout: 5000, what: 'the editor cursor' },
    );
  }

  /** The text of the rendered (wrapped) view line the cursor sits on. */
  async lineAtCursor() {
    const c = await this.cursorBox();
    return this.page.evaluate(({ y }) => {
      const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
      for (const l of lines) {
        const r = l.getBoundingClientRect();
        if (y >= r.top - 1 && y < r.bottom - 1) return l.textContent.replace(/\u00a0/g, ' ');
      }
      return undefined;
    }, { y: c.y + c.height / 2 });
  }

  /** Every rendered token of the active editor: its text, class and computed colour. */
  async tokens() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line span > span')].map((s) => ({
        text: s.textContent.replace(/\u00a0/g, ' '),
        cls: s.className,
        color: getComputedStyle(s).color,
        line: s.closest('.view-line').textContent.replace(/\u00a0/g, ' '),
      })),
    );
  }

  /** Boxes of the error squiggles currently drawn in the active editor. */
  async squiggleBoxes(kind = 'error') {
    return this.page.evaluate((k) => {
      return [...document.querySelectorAll(`.editor-group-container.active .monaco-editor .squiggly-${k}`)].map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
    }, kind);
  }

  /** Waits until an error (or `kind`: warning, info) squiggle covers the cell at (line, col) (1-based), i.e. under the cursor put there. */
  async waitSquiggleAt(line, col, timeout = 20_000, kind = 'error') {
    await this.gotoLine(line, col);
    return until(
      async () => {
        // Measured anew each time: code lenses and inlay hints arriving later move the text.
        const c = await this.cursorBox();
        const x = c.x + 3;
        const y = c.y + c.height / 2;
        const boxes = await this.squiggleBoxes(kind);
        return boxes.find((b) => x >= b.x - 1 && x <= b.x + b.width + 1 && y >= b.y - 2 && y <= b.y + b.height + 2);
      },
      { timeout, what: `a${kind === 'error' ? 'n' : ''} ${kind} squiggle on line ${line}, column ${col}` },
    );
  }

  /** Opens the Problems panel (Control+Shift+M) and returns the text of its rows. */
  async problems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.kb.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 5000 });
    }
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.innerText.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()),
    );
  }

  async closePanel() {
    if (await this.page.locator('.markers-panel').isVisible().catch(() => false)) {
      await this.command('View: Hide Panel');
    }
  }

  /** Text of the visible editor hover(s). */
  async hoverText() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.monaco-hover')]
        .filter((h) => h.offsetParent !== null && !h.classList.contains('hidden'))
        .map((h) => h.innerText.replace(/\u00a0/g, ' '))
        .join('\n'),
    );
  }

  /** Hovers the mouse over the character right after the cursor put at (line, col). */
  async hoverAt(line, col) {
    await this.gotoLine(line, col);
    const c = await this.cursorBox();
    await this.page.mouse.move(c.x + 40, c.y - 60); // off the cell first, so a new hover starts
    await this.page.mouse.move(c.x + 4, c.y + c.height / 2, { steps: 4 });
  }

  /**
   * Opens the quick fix menu (Control+.) at (line, col), after waiting briefly for the lightbulb,
   * retrying once when no menu comes; returns the rows' texts.
   */
  async openQuickFix(line, col) {
    for (let attempt = 0; attempt < 2; attempt++) {
      await this.gotoLine(line, col);
      await until(
        async () => (await this.page.locator('.codicon-light-bulb, .codicon-lightbulb-autofix, .codicon-gutter-lightbulb, .codicon-gutter-lightbulb-auto-fix, .codicon-gutter-lightbulb-sparkle, .codicon-gutter-lightbulb-aifix-auto-fix').count()) > 0,
        { timeout: 2500, what: 'the lightbulb' },
      ).catch(async () => {
        if (process.env.E2E_DEBUG) {
          const cls = await this.page.evaluate(() => [...document.querySelectorAll('.lightBulbWidget, .lightBulbWidget *')].map((e) => e.className).join(' / '));
          console.log(`# no lightbulb drawn (widget: ${cls || 'none'})`);
        }
      });
      await this.kb.press('Control+.');
      const ok = await until(async () => (await this.page.locator('.action-widget .monaco-list-row.action').count()) > 0, {
        timeout: 5000,
        what: 'the code action menu',
      }).catch(() => false);
      if (ok) return this.page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
      await this.dismiss();
    }
    const msg = await this.page.evaluate(() => document.querySelector('.monaco-editor-overlaymessage')?.textContent ?? '');
    throw new Error(`no code action menu at line ${line}, column ${col}${msg ? `: "${msg}"` : ''}`);
  }

  /** In an open code action menu, moves to the first row matching `re` and presses Enter. */
  async chooseAction(re) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const texts = (await rows.allInnerTexts()).map(norm);
    const index = texts.findIndex((t) => re.test(t));
    if (index < 0) throw new Error(`no code action matching ${re}; offered: ${JSON.stringify(texts)}`);
    for (let i = 0; i < texts.length + 2; i++) {
      const focused = norm(await this.page.locator('.action-widget .monaco-list-row.action.focused').first().innerText().catch(() => ''));
      if (re.test(focused)) {
        await this.kb.press('Enter');
        await until(async () => (await rows.count()) === 0, { timeout: 5000, what: 'the code action menu to close' });
        return focused;
      }
      await this.kb.press('ArrowDown');
    }
    throw new Error(`could not focus the code action matching ${re}; offered: ${JSON.stringify(texts)}`);
  }

  /** The quick input's text box value and its focused row (an input box shows no rows). */
  async quickInputState() {
    return this.page.evaluate(() => {
      const w = document.querySelector('.quick-input-widget');
      if (!w || w.offsetParent === null || getComputedStyle(w).display === 'none') return undefined;
      const input = w.querySelector('input.input');
      const focused = w.querySelector('.monaco-list-row.focused');
      const title = w.querySelector('.quick-input-title')?.textContent ?? '';
      return { value: input?.value ?? '', placeholder: input?.getAttribute('placeholder') ?? '', title, focused: focused ? focused.textContent.replace(/\u00a0/g, ' ') : '', rows: w.querySelectorAll('.monaco-list-row').length };
    });
  }

  /**
   * Answers the input box the quick input shows once its title or placeholder matches `prompt`:
   * replaces its value with `text` and presses Enter; waits until the quick input moves on.
   */
  async answerInput(prompt, text) {
    const state = await until(async () => {
      const s = await this.quickInputState();
      return s && (prompt.test(s.title) || prompt.test(s.placeholder)) ? s : undefined;
    }, { timeout: 10_000, what: `an input box asking ${prompt}` });
    await this.kb.press('Control+A');
    if (text) await this.kb.type(text);
    else await this.kb.press('Backspace');
    await until(async () => (await this.quickInputState())?.value === text, { timeout: 3000, what: `the input box to hold "${text}"` });
    await this.kb.press('Enter');
    await until(async () => {
      const s = await this.quickInputState();
      return !s || (s.title !== state.title || s.placeholder !== state.placeholder);
    }, { timeout: 5000, what: `the input box asking ${prompt} to close` });
  }

  /** Picks the quick pick row matching `re` (ArrowDown until it is focused), then Enter. */
  async pickRow(re) {
    await until(async () => (await this.quickInputState())?.rows > 0, { timeout: 10_000, what: 'a quick pick with rows' });
    for (let i = 0; i < 10; i++) {
      const s = await this.quickInputState();
      if (re.test(s?.focused ?? '')) {
        await this.kb.press('Enter');
        await until(async () => !(await this.quickInputState()), { timeout: 5000, what: 'the quick pick to close' });
        return s.focused;
      }
      await this.kb.press('ArrowDown');
    }
    throw new Error(`no quick pick row matching ${re}; focused: ${JSON.stringify((await this.quickInputState())?.focused)}`);
  }

  /** The texts of the code lenses drawn in the active editor. */
  async codeLenses() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.editor-group-container.active .monaco-editor .codelens-decoration')].map((e) => e.textContent.replace(/\u00a0/g, ' ').trim()),
    );
  }

  /** The suggest widget's rows (aria-labels) and the focused one, or undefined while it is hidden. */
  async suggestions() {
    return this.page.evaluate(() => {
      const w = document.querySelector('.editor-group-container.active .suggest-widget');
      if (!w || !w.classList.contains('visible')) return undefined;
      const rows = [...w.querySelectorAll('.monaco-list-row')];
      const text = (r) => (r.getAttribute('aria-label') || r.textContent || '').replace(/\u00a0/g, ' ');
      return { rows: rows.map(text), focused: text(w.querySelector('.monaco-list-row.focused') ?? rows[0] ?? document.createElement('i')) };
    });
  }

  /**
   * The frame of a webview whose document has an element matching `selector` (webviews are
   * nested iframes), once it has one.
   */
  async webviewFrame(selector, timeout = 20_000) {
    return until(async () => {
      for (const f of this.page.frames()) {
        if (f === this.page.mainFrame()) continue;
        const n = await f.locator(selector).count().catch(() => 0);
        if (n > 0) return f;
      }
      return undefined;
    }, { timeout, what: `a webview showing ${selector}` });
  }

  /**
   * Runs `fn` with the primary side bar hidden and a larger window (for the README's pictures,
   * where a table needs the width), then puts both back.
   */
  async wide(fn, size = { width: 1920, height: 1080 }) {
    const old = this.page.viewportSize();
    const sidebar = this.page.locator('[id="workbench.parts.sidebar"]');
    const shown = await sidebar.isVisible().catch(() => false);
    if (shown) {
      await this.command('View: Toggle Primary Side Bar Visibility');
      await until(async () => !(await sidebar.isVisible()), { timeout: 5000, what: 'the side bar to hide' });
    }
    await this.page.setViewportSize(size);
    try {
      return await fn();
    } finally {
      await this.page.setViewportSize(old);
      if (shown) {
        await this.command('View: Toggle Primary Side Bar Visibility');
        await until(() => sidebar.isVisible(), { timeout: 5000, what: 'the side bar to show again' });
      }
    }
  }

  /** Whether the active tab shows unsaved changes. */
  async activeTabDirty() {
    return (await this.page.locator('.tabs-container .tab.active').getAttribute('class'))?.includes('dirty');
  }
}

/** With E2E_DEBUG=1, logs every Workbench call and how long it took. */
export function traced(wb) {
  if (!process.env.E2E_DEBUG) return wb;
  return new Proxy(wb, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function' || v.constructor.name !== 'AsyncFunction') return v;
      return async (...args) => {
        const t0 = Date.now();
        try {
          return await v.apply(receiver, args);
        } finally {
          console.log(`# ${prop}(${args.map((a) => JSON.stringify(a)).join(', ')}) ${Date.now() - t0} ms`);
        }
      };
    },
  });
}
