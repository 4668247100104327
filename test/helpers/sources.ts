// Makes the same report as a .docx (a minimal WordprocessingML package, zipped with fflate)
// and as a saved web page, from a draft in the tab layout. Table 三's label columns become the
// merged cells the official format prints (gridSpan/vMerge, colspan/rowspan), so the readers'
// expansion of merged cells is what the tests exercise.

import { strToU8, zipSync } from 'fflate';

/** One grid cell: text, how many grid columns it spans, and whether it continues the cell above. */
export interface GridCell {
  text: string;
  span: number;
  /** 'restart' starts a vertical merge, 'continue' is covered by the cell above. */
  vmerge?: 'restart' | 'continue';
}

export type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: GridCell[][] };

const NUM = /^[-+]?[0-9０-９][0-9０-９,.]*$|^$/;

/** The tab-layout draft as paragraphs and tables; table 三's label columns laid on a 3-column grid. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let table: GridCell[][] | null = null;
  let inT3 = false;
  let inT4 = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.includes('\t')) {
      table = null;
      if (line.trim()) blocks.push({ kind: 'p', text: line });
      inT3 = false;
      inT4 = false;
      continue;
    }
    const cells = line.split('\t');
    if (!table) { table = []; blocks.push({ kind: 'table', rows: table }); inT3 = cells[0].includes('勾稽关系'); }
    const labels = cells.filter((c) => !NUM.test(c));
    const values = cells.filter((c) => NUM.test(c));
    if (inT3 && values.length === 7) {
      const row: GridCell[] = [];
      const top = /^[一二四]、/.test(labels[0]);
      if (labels.length === 1 && top) row.push({ text: labels[0], span: 3 });
      else if (labels.length === 1 && /^（/.test(labels[0])) row.push({ text: '', span: 1, vmerge: 'continue' }, { text: labels[0], span: 2 });
      else if (labels.length === 1) row.push({ text: '', span: 1, vmerge: 'continue' }, { text: '', span: 1, vmerge: 'continue' }, { text: labels[0], span: 1 });
      else if (/^三、/.test(labels[0]) && /^（[一二]）|（七）/.test(labels[1])) row.push({ text: labels[0], span: 1, vmerge: 'restart' }, { text: labels[1], span: 2 });
      else if (labels.length === 2) row.push({ text: '', span: 1, vmerge: 'continue' }, { text: labels[0], span: 1, vmerge: 'restart' }, { text: labels[1], span: 1 });
      else labels.forEach((l) => row.push({ text: l, span: 1 }));
      for (const v of values) row.push({ text: v, span: 1 });
      table.push(row);
    } else if (inT3 && table.length < 3) {
      // The header: the note over three rows and three columns, 自然人 and 总计 over two rows.
      const c = (text: string, span = 1, vmerge?: 'restart' | 'continue'): GridCell => ({ text, span, vmerge });
      if (table.length === 0) table.push([c(cells[0], 3, 'restart'), c(cells[1], 7)]);
      else if (table.length === 1) table.push([c('', 3, 'continue'), c(cells[0], 1, 'restart'), c(cells[1], 5), c(cells[2], 1, 'restart')]);
      else table.push([c('', 3, 'continue'), c('', 1, 'continue'), ...cells.map((t) => c(t)), c('', 1, 'continue')]);
    } else if (cells[0] === '行政复议' && cells.length === 2) {
      table.push([{ text: cells[0], span: 5 }, { text: cells[1], span: 10 }]);
      inT4 = true;
    } else if (inT4 && cells.length === 7) {
      table.push([...cells.slice(0, 5).map((t) => ({ text: t, span: 1, vmerge: 'restart' as const })), { text: cells[5], span: 5 }, { text: cells[6], span: 5 }]);
    } else if (inT4 && cells.length === 10 && !cells.some((c) => NUM.test(c))) {
      table.push([...Array.from({ length: 5 }, () => ({ text: '', span: 1, vmerge: 'continue' as const })), ...cells.map((t) => ({ text: t, span: 1 }))]);
    } else {
      table.push(cells.map((c) => ({ text: c, span: 1 })));
    }
  }
  return blocks;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Runs for a text; numbers of two or more digits split over two runs, as Word often stores them. */
function runs(text: string, split: boolean): string {
  if (split && /^\d{2,}$/.test(text)) return `<w:r><w:t>${text.slice(0, 1)}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${text.slice(1)}</w:t></w:r>`;
  return text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : '';
}

/** Column widths (twips) over a 9,700-twip text width: table 三's label columns and table 四's fifteen as printed. */
function columnWidths(rows: GridCell[][], cols: number): number[] {
  if (cols === 10) return [1100, 1100, 2600, 700, 700, 700, 700, 700, 700, 700];
  if (cols === 15) return Array(15).fill(646);
  if (cols === 1) return [9700];
  return [3700, ...Array(cols - 1).fill(Math.floor(6000 / (cols - 1)))];
}

function cellWidth(r: GridCell[], ci: number, widths: number[]): string {
  const at = r.slice(0, ci).reduce((s, c) => s + c.span, 0);
  const w = widths.slice(at, at + r[ci].span).reduce((s, x) => s + x, 0);
  return `<w:tcW w:w="${w}" w:type="dxa"/>`;
}

export function documentXml(blocks: Block[], opts: DocxOptions = {}): string {
  const body = blocks.map((b) => {
    if (b.kind === 'p') return `<w:p><w:r><w:t xml:space="preserve">${esc(b.text)}</w:t></w:r></w:p>`;
    const cols = Math.max(...b.rows.map((r) => r.reduce((s, c) => s + c.span, 0)));
    const widths = columnWidths(b.rows, cols);
    const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
    const rows = b.rows.map((r) => `<w:tr>${r.map((c, ci) => `<w:tc><w:tcPr>${cellWidth(r, ci, widths)}${c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vmerge ? `<w:vMerge${c.vmerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}${opts.centered ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr><w:p>${c.vmerge === 'continue' ? '' : runs(c.text, !!opts.splitRuns)}</w:p></w:tc>`).join('')}</w:tr>`).join('');
    return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${grid}${rows}</w:tbl>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr>${opts.headerFooter ? '<w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>' : ''}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1000" w:bottom="1440" w:left="1000"/></w:sectPr></w:body></w:document>`;
}

/** A minimal but valid .docx: [Content_Types].xml, _rels/.rels, word/document.xml, word/styles.xml. */
export interface DocxOptions {
  /** Numbers of two or more digits stored as two runs. */
  splitRuns?: boolean;
  /** Cells' text centred vertically, as many offices lay their tables out. */
  centered?: boolean;
  /** A running header (the office) and a footer with the page number, as PAGE field. */
  headerFooter?: boolean;
}

export function makeDocx(text: string, opts: DocxOptions = {}): Uint8Array {
  if (!opts.headerFooter) return packageDocx(documentXml(blocksOf(text), opts));
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const office = /^(.*?)\d{4}年/.exec(text)?.[1] ?? '';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return packageDocx(documentXml(blocksOf(text), opts), {
    'word/header1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>${esc(office)}政务公开</w:t></w:r></w:p></w:hdr>`,
    'word/footer1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">- </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:ftr>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'styles', 'styles.xml')}${rel('rId2', 'header', 'header1.xml')}${rel('rId3', 'footer', 'footer1.xml')}</Relationships>`,
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
  });
}

/** A body of WordprocessingML in the namespace, as a document.xml. */
export function wordXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** The package around a document.xml. */
export function packageDocx(document: string, parts: Record<string, string> = {}): Uint8Array {
  const extra: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(parts)) extra[name] = strToU8(xml);
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans CJK SC" w:eastAsia="Noto Sans CJK SC" w:hAnsi="Noto Sans CJK SC"/><w:sz w:val="18"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>'),
    ...extra,
  });
}

/** The report as a saved web page: rowspan/colspan for the merged cells, navigation and scripts around it. */
export function makeHtml(text: string, charset = 'utf-8'): string {
  const blocks = blocksOf(text);
  const title = blocks[0]?.kind === 'p' ? blocks[0].text : '';
  const body = blocks.slice(title ? 1 : 0).map((b) => {
    if (b.kind === 'p') return /^[一二三四五六]、/.test(b.text) ? `<p><strong>${esc(b.text)}</strong></p>` : `<p>&nbsp;&nbsp;${esc(b.text).replace(/，/, '，<span>').replace(/$/, '</span>')}</p>`;
    const rows = b.rows.map((r, ri) => {
      const tds: string[] = [];
      r.forEach((c, ci) => {
        if (c.vmerge === 'continue') return;
        let rowspan = 1;
        if (c.vmerge === 'restart') {
          const col = r.slice(0, ci).reduce((s, x) => s + x.span, 0);
          for (let k = ri + 1; k < b.rows.length; k++) {
            let at = 0;
            const below = b.rows[k].find((x) => { const hit = at === col; at += x.span; return hit; });
            if (below?.vmerge === 'continue') rowspan++;
            else break;
          }
        }
        const attrs = `${c.span > 1 ? ` colspan="${c.span}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
        const inner = c.text.length > 12 ? `<p>${esc(c.text.slice(0, 10))}<br>${esc(c.text.slice(10))}</p>` : esc(c.text);
        tds.push(`<td${attrs}>${inner}</td>`);
      });
      return `<tr>${tds.join('')}</tr>`;
    }).join('\n');
    return `<table border="1" cellspacing="0">\n<tbody>\n${rows}\n</tbody>\n</table>`;
  }).join('\n');
  return `<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${esc(title)}_政务公开</title><style>td{border:1px solid}</style><script>var nav = "<p>一、总体情况</p>";</script></head>
<body><div class="header"><ul class="nav"><li>首页</li><li>政务公开</li><li>政府信息公开年度报告</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>
<div class="content"><h1 class="title">${esc(title)}</h1>
<div class="info">发布时间：2026-01-20 来源：本机关</div>
<div class="article">
${body}
</div></div>
<div class="footer">版权所有 主办单位：青禾县人民政府 网站标识码 0000000000</div>
</body></html>\n`;
}
