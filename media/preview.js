// The table preview webview: draws the three tables from the model the extension posts
// ({ type: 'update', tables, strings }), marks failing, blank, non-numeric and missing cells (the
// expected value and the formula in the cell's title) and the likely mistyped cell (what it
// should be; the failing totals it explains name it in their title), and posts { type: 'reveal', range } when a
// cell is clicked or activated with Enter/Space; outlines the cell under the editor's cursor
// ({ type: 'cursor', position }). Only DOM APIs with textContent: no HTML strings.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** @param {string} template @param {number} n */
  const fill = (template, n) => String(template).replace('{n}', String(n));

  function pick(localized, locale) {
    return String(locale || '').toLowerCase().startsWith('zh') ? localized.zh : localized.en;
  }

  function titleOf(cell, s, locale) {
    const lines = [];
    if (cell.status === 'failing') {
      for (const f of cell.failures || [{ expected: cell.expected, formula: cell.formula }]) {
        lines.push(`${s.expected} ${f.expected}`);
        lines.push(`${s.formula}: ${f.formula}`);
      }
    } else if (cell.status === 'blank') lines.push(s.blank);
    else if (cell.status === 'not-number') lines.push(s.notNumber);
    // A total that is itself the likely typo already says what it should be.
    if (cell.suspect && cell.status !== 'failing') lines.push(fill(s.suspect, cell.suspect.value));
    if (cell.likelyTypo) lines.push(String(s.likelyTypo).replace('{key}', cell.likelyTypo.label ? pick(cell.likelyTypo.label, locale) : cell.likelyTypo.key).replace('{written}', cell.likelyTypo.written).replace('{n}', String(cell.likelyTypo.value)));
    if (cell.problem && s.problem[cell.problem]) lines.push(s.problem[cell.problem]);
    return lines.join('\n');
  }

  function valueCell(cell, s, locale) {
    const td = el('td', `value status-${cell.status}${cell.derived ? ' derived' : ''}${cell.problem ? ' problem' : ''}${cell.suspect ? ' suspect' : ''}`);
    td.textContent = cell.text === '' ? '' : cell.text;
    if (cell.suspect && cell.status !== 'failing') td.append(' ', el('span', 'expected', `→ ${cell.suspect.value}?`));
    if (cell.status === 'failing') {
      const exp = el('span', 'expected', `→ ${cell.expected}`);
      td.append(' ', exp);
    }
    const title = titleOf(cell, s, locale);
    if (title) td.title = title;
    td.tabIndex = 0;
    td.dataset.key = cell.key;
    td.dataset.range = JSON.stringify(cell.range);
    td.setAttribute('role', 'button');
    return td;
  }

  function render(msg) {
    const s = msg.strings;
    root.replaceChildren();
    for (const t of msg.tables) {
      const section = el('section', 'table');
      section.append(el('h2', '', pick(t.title, msg.locale)));
      const c = t.counts;
      const bits = [];
      if (c.failing) bits.push(['failing', fill(s.failing, c.failing)]);
      if (c.blank) bits.push(['blank', fill(s.blanks, c.blank)]);
      if (c.notNumber) bits.push(['not-number', fill(s.notNumbers, c.notNumber)]);
      if (c.missing) bits.push(['missing', fill(s.missings, c.missing)]);
      if (!t.found) {
        section.append(el('p', 'not-found', s.notFound));
        root.append(section);
        continue;
      }
      const summary = el('p', 'summary');
      if (!bits.length) summary.append(el('span', 'badge ok', s.allGood));
      for (const [cls, text] of bits) summary.append(el('span', `badge ${cls}`, text));
      section.append(summary);
      const table = el('table');
      const thead = el('thead');
      const tbody = el('tbody');
      // Only the leading header rows form the table head (table 二 repeats its column headings per item).
      let inHead = true;
      for (const row of t.rows) {
        inHead = inHead && !!row.header && !row.title;
        const tr = el('tr', row.title ? 'item-title' : '');
        for (const cell of row.cells) {
          let td;
          if (cell.kind === 'header') td = el('th', '', cell.text);
          else if (cell.kind === 'label') td = el('th', 'label', cell.text);
          else if (cell.kind === 'missing') {
            td = el('td', 'value status-missing', '∅');
            td.title = s.missing;
          } else td = valueCell(cell, s, msg.locale);
          if (cell.rowSpan) td.rowSpan = cell.rowSpan;
          if (cell.colSpan) td.colSpan = cell.colSpan;
          if (cell.kind === 'label' || cell.kind === 'header') td.scope = cell.kind === 'label' ? 'row' : 'col';
          tr.append(td);
        }
        (inHead ? thead : tbody).append(tr);
      }
      table.append(thead, tbody);
      // The table scrolls sideways in its own box, its row labels staying in view (preview.css).
      const scroller = el('div', 'table-scroll');
      scroller.append(table);
      section.append(scroller);
      root.append(section);
    }
    root.append(el('p', 'hint', s.click));
    root.dataset.renders = String(Number(root.dataset.renders || 0) + 1);
  }

  /** The editor's cursor, to outline the cell under it (also after a redraw). */
  let cursor = null;
  function showCursor(scroll) {
    for (const x of document.querySelectorAll('td.cursor')) x.classList.remove('cursor');
    if (!cursor) return;
    for (const td of document.querySelectorAll('td.value[data-range]')) {
      const r = JSON.parse(td.dataset.range);
      if (r.start.line === cursor.line && r.start.character <= cursor.character && cursor.character <= r.end.character) {
        td.classList.add('cursor');
        if (scroll) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
      }
    }
  }

  function activate(target) {
    const td = target && target.closest ? target.closest('td.value[data-range]') : null;
    if (!td) return;
    for (const x of document.querySelectorAll('td.selected')) x.classList.remove('selected');
    td.classList.add('selected');
    vscode.postMessage({ type: 'reveal', range: JSON.parse(td.dataset.range) });
  }

  root.addEventListener('click', (e) => activate(e.target));
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      activate(e.target);
      e.preventDefault();
    }
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'cursor') {
      cursor = msg.position;
      showCursor(true);
    } else if (msg.type === 'update') {
      render(msg);
      showCursor(false);
      vscode.setState({ uri: msg.uri });
    } else if (msg.type === 'empty') {
      root.replaceChildren(el('p', 'empty', String(msg.message)));
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
