// A new report from the official template (国办公开办函〔2021〕30号): the title line, the
// statement of the statistical period, the six headings with a line of guidance under the prose
// sections, and the three tables with every official label and 0 in every cell. Every label
// comes from format.ts, so a new draft reads back with no diagnostic at all.

import { SECTIONS, T3_GROUPS, T3_HEADER_EXTRAS, T3_NOTE, T3_ROWS, T4_HEADER, TABLE2_2021, type T3RowSpec } from '../format.js';
import { formatTables } from './layout.js';
import { applyEdits } from '../fix.js';

export type DraftLayout = 'pipes' | 'tabs';

export interface DraftOptions {
  /** The reporting body as its name is printed in the title, e.g. 青禾县数据资源局. */
  office: string;
  /** The year the report covers (four digits, 1900–2099). */
  year: number;
  layout: DraftLayout;
  /** Line end: '\n' (default), '\r\n' or '\r'. */
  eol?: '\n' | '\r\n' | '\r';
}

/** Guidance under the sections that have no table; the user replaces it with the report's text. */
const GUIDANCE: Record<number, string> = {
  1: '（请在此概述本年度政府信息公开工作的总体情况，包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面。）',
  5: '（请在此如实说明本年度政府信息公开工作存在的主要问题，上一年度报告所列问题的改进情况，以及下一步的改进措施。）',
  6: '（请在此报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，以及本机关认为需要报告的其他事项。）',
};

const T3_COLUMN_HEADERS = [
  [T3_NOTE, T3_HEADER_EXTRAS[0]],
  ['自然人', T3_HEADER_EXTRAS[1], '总计'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];

/** The office name as one line of a title: no line breaks, tabs or cell separators. */
export function cleanOffice(office: string): string {
  return office.replace(/[\r\n\t|｜\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The label cells of a table 三 row: its group's label before the group's first row. */
function t3Labels(): { spec: T3RowSpec; labels: string[] }[] {
  const out: { spec: T3RowSpec; labels: string[] }[] = [];
  const seenGroups = new Set<string>();
  const results = T3_GROUPS.find((g) => g.key === 'results')!;
  for (const spec of T3_ROWS) {
    const labels: string[] = [];
    if (spec.role === 'outcome' && !seenGroups.has('results')) {
      seenGroups.add('results');
      labels.push(results.ordinal + results.text);
    }
    if (spec.group && !seenGroups.has(spec.group)) {
      seenGroups.add(spec.group);
      const g = T3_GROUPS.find((x) => x.key === spec.group)!;
      labels.push(g.ordinal + g.text);
    }
    labels.push(spec.ordinal + spec.text);
    out.push({ spec, labels });
  }
  return out;
}

/** The text of a new draft. Throws a RangeError for a year outside 1900–2099. */
export function newDraft(opts: DraftOptions): string {
  const { year, layout } = opts;
  if (!Number.isInteger(year) || year < 1900 || year > 2099) throw new RangeError(`year must be a four-digit year (1900–2099), got ${String(year)}`);
  if (layout !== 'pipes' && layout !== 'tabs') throw new RangeError(`layout must be 'pipes' or 'tabs', got ${String(layout)}`);
  const eol = opts.eol ?? '\n';
  const office = cleanOffice(opts.office ?? '');
  const row = (cells: string[]) => (layout === 'pipes' ? cells.join(' | ') + ' |' : cells.join('\t'));
  const zeros = (n: number) => Array.from({ length: n }, () => '0');
  const heading = (id: number) => `${SECTIONS[id - 1].numeral}、${SECTIONS[id - 1].title}`;

  const L: string[] = [];
  L.push(`${office}${year}年政府信息公开工作年度报告`);
  L.push(
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。' +
      `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
  );
  L.push(heading(1), GUIDANCE[1]);

  L.push(heading(2));
  for (const item of TABLE2_2021.items) {
    L.push(row([`第二十条第（${item.item}）项`]));
    L.push(row(item.columns));
    for (const r of item.rows) L.push(row([r.label, ...zeros(item.columns.length - 1)]));
  }

  L.push(heading(3));
  for (const h of T3_COLUMN_HEADERS) L.push(row(h));
  for (const { labels } of t3Labels()) L.push(row([...labels, ...zeros(7)]));

  L.push(heading(4));
  L.push(row(T4_HEADER.slice(0, 2)), row(T4_HEADER.slice(2, 9)), row(T4_HEADER.slice(9)));
  L.push(row(zeros(15)));

  L.push(heading(5), GUIDANCE[5]);
  L.push(heading(6), GUIDANCE[6]);

  const text = L.join(eol) + eol;
  return layout === 'pipes' ? applyEdits(text, formatTables(text)) : text;
}
