// Message texts of the core, in Chinese and English: the diagnostics' sentences, the fixer's,
// and each rule's summary and example (the registry and the README table show them). Rules call
// these; nothing else in the core builds user-facing sentences.

import type { RuleId } from './diagnostics.js';
import type { Localized } from './i18n.js';
import { ruleText as YEARS_TEXT } from './years/messages.js';
import { copiedRuleText } from './copied/messages.js';

const L = (zh: string, en: string): Localized => ({ zh, en });

export const msg = {
  rowTotal: (label: string, sum: string, expected: number, actual: number) =>
    L(`${label}：总计应为 ${expected}（${sum}），实为 ${actual}`, `${label}: 总计 should be ${expected} (${sum}), is ${actual}`),
  outcomeTotal: (column: string, rows: number, expected: number, actual: number) =>
    L(`${column}列：（七）总计应为 ${expected}（${rows} 个办理结果行之和），实为 ${actual}`, `column ${column}: (七)总计 should be ${expected} (sum of the ${rows} outcome rows), is ${actual}`),
  balance: (column: string, a: number, b: number, c: number, expected: number, actual: number) =>
    L(
      `${column}列：结转下年度继续办理应为 ${expected}（本年新收 ${a} + 上年结转 ${b} − 办理结果总计 ${c}），实为 ${actual}`,
      `column ${column}: 结转下年度继续办理 should be ${expected} (new ${a} + carried ${b} − outcomes ${c}), is ${actual}`,
    ),
  t4Total: (group: string, groupEn: string, sum: string, expected: number, actual: number) =>
    L(`${group}：总计应为 ${expected}（${sum}），实为 ${actual}`, `${groupEn}: 总计 should be ${expected} (${sum}), is ${actual}`),
  /** An identity whose derived cell would have to be negative: the inputs contradict each other. */
  inputsDisagree: (anchor: Localized, expected: number, actual: number, inputs: Localized[]) =>
    L(
      `${anchor.zh}：按其他单元格计算应为 ${expected}，件数不能为负（实为 ${actual}）；输入数据互相矛盾，请核对：${inputs.map((x) => x.zh).join('、')}`,
      `${anchor.en}: the other cells make it ${expected}, and a count cannot be negative (it is ${actual}); the inputs disagree, check: ${inputs.map((x) => x.en).join(', ')}`,
    ),
  /** Related information at a suspect cell (rules/suspect.ts). */
  suspectCell: (label: Localized, written: string, value: string) =>
    L(`${label.zh}：${written}，可能录入有误，应为 ${value}`, `${label.en}: ${written}, likely mistyped: should be ${value}`),
  /** The quick fix that changes a suspect cell. */
  fixSuspect: (label: Localized, value: string) => L(`将 ${label.zh} 改为 ${value}（疑似录入有误）`, `Change ${label.en} to ${value} (likely mistyped)`),
  /** What a suspect explains, for hover, the CLI and `--fix`: `t3.new.natural（5）可能录入有误，改为 6 则两个等式都成立`. */
  suspectNote: (key: string, written: string, value: string, n: number) =>
    L(
      `${key}（${written}）可能录入有误，改为 ${value} 则${n === 2 ? '两' : ` ${n} `}个等式都成立`,
      `${key} (${written}) is likely the typo, ${value} would make ${n === 2 ? 'both' : `all ${n}`} hold`,
    ),
  relatedCell: (label: Localized, text: string) => L(`${label.zh}：${text}`, `${label.en}: ${text}`),
  /** A derived cell the fixer leaves alone: a reviewer accepted it as written. */
  refusedReviewed: (label: Localized) => L(`${label.zh}：已审核为按原样接受，未重新计算`, `${label.en}: reviewed and accepted as written, not recomputed`),
  /** What a wording fix changed, in the list of changes: a row or column label, a section heading. */
  changedLabel: () => L('标签', 'label'),
  changedHeading: () => L('标题', 'heading'),
  refusedNegative: (label: Localized, expected: string) =>
    L(`未修改 ${label.zh}：按其他单元格计算应为 ${expected}，件数不能为负，请先核对输入数据`, `Left ${label.en} alone: the other cells make it ${expected}, and a count cannot be negative; check the inputs`),
  nothingFound: () =>
    L('未找到年度报告的任何部分或表格（六个部分标题与三张表格均缺失）', 'No part of an annual report found (none of the six sections or three tables)'),
  /** The message of a failing identity, by its rule. */
  identity: (rule: string, p: { rowLabel: Localized; columnLabel: Localized; values: number[]; count: number; formula: () => string }, expected: number, actual: number): Localized => {
    switch (rule) {
      case 'request-row-total': return msg.rowTotal(p.rowLabel.zh, p.formula(), expected, actual);
      case 'request-outcome-total': return msg.outcomeTotal(p.columnLabel.zh, p.count, expected, actual);
      case 'request-balance': return msg.balance(p.columnLabel.zh, p.values[0], p.values[1], p.values[2], expected, actual);
      default: return msg.t4Total(p.rowLabel.zh, p.rowLabel.en, p.formula(), expected, actual);
    }
  },
  fixCell: (expected: string, balance = false) =>
    balance ? L(`将结转下年度继续办理改为 ${expected}`, `Change 结转下年度继续办理 to ${expected}`) : L(`将总计改为 ${expected}`, `Change 总计 to ${expected}`),

  sectionMissing: (title: string) => L(`缺少部分“${title}”`, `Section “${title}” is missing`),
  sectionDuplicate: (title: string) => L(`部分“${title}”重复出现`, `Section “${title}” appears twice`),
  sectionOrder: (title: string, after: string) => L(`部分“${title}”应在“${after}”之前`, `Section “${title}” should come before “${after}”`),
  sectionTitle: (official: string) => L(`标题与规定不同，应为“${official}”`, `Heading differs from the official “${official}”`),
  fixWording: (official: string) => L(`改为规定措辞“${official}”`, `Use the official wording “${official}”`),
  tableMissing: (table: Localized) => L(`找不到${table.zh}`, `Cannot recognise ${table.en}`),
  rowMissing: (table: Localized, row: string) => L(`${table.zh}缺少“${row}”一行`, `${table.en} lacks the row “${row}”`),
  rowUnknown: (label: string) => L(`无法识别的行“${label}”`, `Unrecognised row “${label}”`),
  rowTwice: (label: string) => L(`“${label}”一行重复出现`, `The row “${label}” appears twice`),
  cellsMissing: (label: string, want: number, have: number) =>
    L(`“${label}”一行应有 ${want} 个数，只有 ${have} 个`, `Row “${label}” should have ${want} numbers, has ${have}`),
  cellsExtra: (label: string, want: number, have: number) =>
    L(`“${label}”一行应有 ${want} 个数，多出 ${have - want} 个`, `Row “${label}” should have ${want} numbers, has ${have - want} more`),
  /** Table 四's printed row short (its fifteen numbers for three groups): said of one group, whose numbers were not read. */
  t4CellsMissing: (group: { label: string; en: string }, want: number, have: number) =>
    L(
      `表四一行应有 ${want} 个数，只有 ${have} 个，无法确定缺的是哪一格：“${group.label}”的数未读入`,
      `Table 四's row should have ${want} numbers, has ${have}, and which one is lost cannot be told: the numbers of “${group.label}” (${group.en}) were not read`,
    ),
  /** Table 四's printed row with more numbers than fifteen where their columns cannot be told (a number split in PDF text). */
  t4CellsExtra: (group: { label: string; en: string }, want: number, have: number) =>
    L(
      `表四一行应有 ${want} 个数，多出 ${have - want} 个，无法确定各数所在的列：“${group.label}”的数未读入`,
      `Table 四's row should have ${want} numbers, has ${have - want} more, and their columns cannot be told: the numbers of “${group.label}” (${group.en}) were not read`,
    ),
  cellBlank: (label: Localized, n: number) =>
    n === 1 ? L(`单元格为空：${label.zh}`, `Blank cell: ${label.en}`) : L(`${n} 个单元格为空：${label.zh}`, `${n} blank cells: ${label.en}`),
  cellPlaceholder: (table: Localized, n: number, forms: string[], one: Localized | null) => {
    const zhForms = forms.map((f) => `“${f}”`).join('');
    const enForms = forms.map((f) => `“${f}”`).join(', ');
    return one
      ? L(`单元格以${zhForms}代替数字，按 0 计：${one.zh}`, `A cell holds ${enForms} for a number, read as 0: ${one.en}`)
      : L(`${table.zh}有 ${n} 个单元格以${zhForms}等代替数字，按 0 计`, `${table.en}: ${n} cells hold ${enForms} or the like for a number, read as 0`);
  },
  fixPlaceholder: (n: number) => (n === 1 ? L('改为 0', 'Write 0') : L(`将 ${n} 个单元格改为 0`, `Write 0 in the ${n} cells`)),
  cellUnit: (table: Localized, n: number, forms: string[], one: Localized | null) => {
    const zhForms = forms.map((f) => `“${f}”`).join('');
    const enForms = forms.map((f) => `“${f}”`).join(', ');
    return one
      ? L(`数字带单位或千位分隔符（${zhForms}），按数字计：${one.zh}`, `A number written with a unit or thousands separators (${enForms}), read as the number: ${one.en}`)
      : L(`${table.zh}有 ${n} 个数字带单位或千位分隔符（如${zhForms}），按数字计`, `${table.en}: ${n} numbers written with a unit or thousands separators (${enForms} …), read as the numbers`);
  },
  fixUnit: (n: number) => (n === 1 ? L('改为纯数字', 'Write the plain number') : L(`将 ${n} 个单元格改为纯数字`, `Write the ${n} plain numbers`)),
  cellNotNumber: (label: Localized, text: string) => L(`“${text}”不是数字：${label.zh}`, `“${text}” is not a number: ${label.en}`),
  cellFullwidth: (label: Localized) => L(`全角数字：${label.zh}`, `Full-width digits: ${label.en}`),
  fixFullwidth: (ascii: string) => L(`改为半角数字 ${ascii}`, `Use ASCII digits ${ascii}`),
  countNegative: (label: Localized) => L(`件数不能为负：${label.zh}`, `A count cannot be negative: ${label.en}`),
  countFractional: (label: Localized) => L(`件数不能有小数：${label.zh}`, `A count cannot have decimals: ${label.en}`),
  labelWording: (text: string, official: string) => L(`“${text}”与规定措辞“${official}”不同`, `“${text}” differs from the official wording “${official}”`),
  periodYear: (year: number, reportYear: number) =>
    L(`统计期限的年份 ${year} 与报告年度 ${reportYear} 不一致`, `The statistical period’s year ${year} disagrees with the report’s year ${reportYear}`),
  /** period-year: the period starts after 1 January or ends before 31 December. */
  periodDays: (day: string, reportYear: number, start: boolean) =>
    start
      ? L(`统计期限从“${day}”起，应为${reportYear}年1月1日至12月31日`, `The statistical period starts on “${day}”; it should run from 1 January to 31 December ${reportYear}`)
      : L(`统计期限至“${day}”止，应为${reportYear}年1月1日至12月31日`, `The statistical period ends on “${day}”; it should run from 1 January to 31 December ${reportYear}`),
  format2019: () =>
    L('本报告使用已被替代的2019年格式（国办公开办函〔2019〕60号），表二按该格式检查', 'This report uses the superseded 2019 format; table 二 is checked against it'),
  /** word-repeated: a word typed twice in a row. */
  wordRepeated: (word: string) => L(`“${word}”连写了两遍（${word}${word}），疑为笔误`, `“${word}” is typed twice in a row (${word}${word}), likely a slip`),
  wordRepeatedFix: (word: string) => L(`删去重复的“${word}”`, `Delete the repeated “${word}”`),
  /** punctuation-halfwidth: a half-width , ; : between Chinese characters. */
  punctuationHalfwidth: (mark: string, full: string) => L(`汉字之间使用了半角“${mark}”，应为全角“${full}”`, `A half-width “${mark}” between Chinese characters; Chinese text uses “${full}”`),
  punctuationHalfwidthFix: (mark: string, full: string) => L(`把“${mark}”改为“${full}”`, `Change “${mark}” to “${full}”`),
  /** brackets-unpaired: an opening mark without its closing one on the same paragraph, or the reverse. */
  bracketUnclosed: (open: string, close: string) => L(`“${open}”在本段没有对应的“${close}”`, `“${open}” has no matching “${close}” in this paragraph`),
  bracketUnopened: (open: string, close: string) => L(`“${close}”在本段前面没有对应的“${open}”`, `“${close}” has no matching “${open}” before it in this paragraph`),
  /** sentence-unfinished: a paragraph before a heading or the signature left without its 。. */
  sentenceUnfinished: (tail: string) => L(`本段以“${tail}”结尾，缺少句末标点（如“。”）`, `This paragraph ends “${tail}” without a closing mark (such as “。”)`),
  sentenceUnfinishedFix: (mark: string) => L(`在段末加上“${mark}”`, `Add “${mark}” at the end of the paragraph`),
  /** report-deadline: the dated line after the deadline. */
  reportDeadline: (year: number, [y, m, d]: number[], [dy, dm, dd]: number[]) => {
    const dated = `${y}年${m}月${d}日`;
    const deadline = `${dy}年${dm}月${dd}日`;
    return L(
      `报告落款日期 ${dated} 晚于 ${deadline}：${year} 年度报告应于 ${deadline} 前公布（《条例》第五十条）`,
      `The report is dated ${dated}, after ${deadline}: the ${year} report is due by ${deadline} (条例 article 50)`,
    );
  },
  /** prose-zero-claim: the prose says none happened, the tables count some (`kind`: what was claimed zero). */
  zeroClaim: (claim: string, kind: 'requests' | 'cases' | 'completed', cells: { table: 't3' | 't4'; label: Localized; value: string }[]) => {
    const zh = cells.map((c) => `${c.table === 't3' ? '表三' : '表四'}“${c.label.zh}”为 ${c.value}`).join('，');
    const en = cells.map((c) => `table ${c.table === 't3' ? '三' : '四'} “${c.label.en}” is ${c.value}`).join(', ');
    const note =
      kind === 'cases' ? L('（若是上年结转的案件，请在正文中写明）', ' (if these cases were carried over from last year, say so)')
      : kind === 'completed' ? L('，仍有申请结转下年度办理', ': requests are carried over to next year')
      : L('', '');
    return L(`正文称“${claim}”，但${zh}${note.zh}`, `The prose says “${claim}”, but ${en}${note.en}`);
  },
  /** outline-numbering: a section's numeral on a sub-topic, a sub-item skipped or out of order. */
  outlineTopLevel: (numeral: string, section: string, sub: string) =>
    L(
      `“${section}”中的小标题用了一级标题的编号“${numeral}”，与六个部分的编号混淆（应为“${sub}”）`,
      `A sub-topic of “${section}” is numbered “${numeral}” like one of the six sections (write “${sub}”)`,
    ),
  outlineSkipped: (numeral: string, missing: string, prev: string | null) =>
    L(
      prev ? `编号跳号：“${prev}”之后是“${numeral}”，缺少“${missing}”` : `编号从“${numeral}”开始，缺少“${missing}”`,
      prev ? `Numbering skips: “${numeral}” follows “${prev}”, “${missing}” is missing` : `Numbering starts at “${numeral}”, “${missing}” is missing`,
    ),
  outlineOutOfOrder: (numeral: string, prev: string) =>
    L(`编号顺序错乱：“${prev}”之后是“${numeral}”`, `Numbering out of order: “${numeral}” follows “${prev}”`),
  outlineMixed: (numeral: string, first: string) =>
    L(`同一层级混用两种编号：“${numeral}”与本列表开头的“${first}”体例不同`, `Two numbering systems at one level: “${numeral}” differs from “${first}” that starts this list`),
  quoteDirectionFix: (from: string, to: string) => L(`把“${from}”改为“${to}”`, `Change “${from}” to “${to}”`),
};


/** A years rule's texts: its summary, and the Chinese example (a draft's lines are Chinese). */
const years = (id: keyof typeof YEARS_TEXT) => ({ summary: YEARS_TEXT[id].summary, example: YEARS_TEXT[id].example.zh });

/** Each rule's summary and an example line of a draft that triggers it (README, hover, docs). */
export const RULE_TEXT: Record<RuleId, { summary: Localized; example: string }> = {
  'request-row-total': {
    summary: L('表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他', 'Table 三, every row: 总计 = the six applicant columns'),
    example: '一、本年新收政府信息公开申请数量 | 8 | 1 | 0 | 0 | 0 | 0 | 8 |   → 总计应为 9',
  },
  'request-outcome-total': {
    summary: L('表三每一列：（七）总计 = 各办理结果行之和（21 行；（六）其他处理印作一行时为 19 行）', 'Table 三, every column: (七)总计 = sum of the outcome rows (21, or 19 where （六） is one row)'),
    example: '（七）总计 | 9 | … while the outcome rows of 自然人 add up to 8',
  },
  'request-balance': {
    summary: L('表三每一列：一 + 二 = （七）+ 四（本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理）', 'Table 三, every column: 一 + 二 = (七) + 四'),
    example: '四、结转下年度继续办理 | 2 | …  while 一 + 二 − (七) = 0',
  },
  'review-total': {
    summary: L('表四：行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', 'Table 四: review 总计 = its four results'),
    example: '10 | 1 | 0 | 0 | 0 | …   → 行政复议总计应为 11',
  },
  'litigation-total': {
    summary: L('表四：未经复议直接起诉、复议后起诉 各自的总计 = 四项结果之和', 'Table 四: each litigation 总计 = its four results'),
    example: '… | 2 | 0 | 1 | 0 | 0 | …   → 未经复议直接起诉总计应为 3',
  },
  'section-missing': { summary: L('缺少六个规定部分之一的标题', 'One of the six required section headings is missing'), example: '（没有“五、存在的主要问题及改进情况”）' },
  'section-duplicate': { summary: L('同一部分的标题出现两次', 'A section heading appears twice'), example: '三、收到和处理政府信息公开申请情况 …（再次出现）' },
  'section-order': { summary: L('部分标题的顺序与规定不符', 'Section headings out of the official order'), example: '四、… 出现在 三、… 之前' },
  'section-title': {
    summary: L('部分标题的序号、标点或措辞与规定不同（可一键改为规定措辞）', 'A section heading differs from the official numeral, punctuation or wording (fix offered)'),
    example: '五、存在的主要问题及整改措施',
  },
  'table-missing': { summary: L('找不到规定的表格（表二、表三或表四）', 'A required table (二, 三 or 四) cannot be recognised'), example: '三、收到和处理政府信息公开申请情况（下面没有表格）' },
  'row-missing': { summary: L('表格缺少规定的行', 'A table lacks a row of the format'), example: '表三没有“（五）不予处理 2.重复申请”一行' },
  'row-unknown': { summary: L('表格中有无法识别或重复的行', 'A table has a row that is not in the format, or a row twice'), example: '（八）其他情形 | 0 | 0 | …' },
  'cells-missing': { summary: L('一行的单元格少于规定数目', 'A row has fewer cells than the format'), example: '规章 | 22 | 235 |   （应有三个数）' },
  'cells-extra': { summary: L('一行的单元格多于规定数目', 'A row has more cells than the format'), example: '行政许可 | 31 | 5 |' },
  'cell-blank': {
    summary: L('单元格为空（一行中的空格合并为一条）；相关等式不检查', 'Blank cells (one diagnostic per row); identities that need them are not checked'),
    example: '（一）予以公开 |  |  |  |  |  |  |  |',
  },
  'cell-placeholder': {
    summary: L(
      '单元格以“—”“-”“/”“无”等代替数字（每张表合并为一条，可一键改为 0）；等式按 0 计算。空白单元格不属此列，仍按空白处理',
      'Cells written as “—”, “-”, “/” or “无” for none (one diagnostic per table, fix to 0); identities count them as 0, while a blank cell stays blank',
    ),
    example: '（三）不予公开 | 1.属于国家秘密 | — | — | — | — | — | — | — |',
  },
  'cell-unit': {
    summary: L(
      '数字带单位（件、万元）或千位分隔符（每张表合并为一条，可一键改为纯数字）；按数字计算',
      'Numbers written with a unit (件, 万元) or thousands separators (one diagnostic per table, fix to plain numbers); read as the numbers',
    ),
    example: '行政许可 | 1,234件 |',
  },
  'cell-not-number': { summary: L('单元格不是数字', 'A cell is not a number'), example: '行政许可 | ？ |' },
  'cell-fullwidth-digits': { summary: L('单元格使用全角数字（可一键改为半角）', 'A cell uses full-width digits (fix to ASCII offered)'), example: '行政许可 | ３１ |' },
  'count-negative': { summary: L('件数为负数', 'A count is negative'), example: '行政处罚 | -3 |' },
  'count-fractional': { summary: L('件数带小数（收费金额以万元计，可以有小数）', 'A count has decimals (only the fee in 万元 may)'), example: '行政许可 | 2.5 |' },
  'label-wording': {
    summary: L('行或列标签与规定措辞不同（可一键改为规定措辞）', 'A row or column label differs from the official wording (fix offered)'),
    example: '规范性文件 | 1 | 1 | 6 |   （应为“行政规范性文件”）',
  },
  'period-year': {
    summary: L('统计期限的年份与报告年度不一致，或不是该年1月1日至12月31日', 'The statistical period’s year disagrees with the report’s year, or the period is not 1 January – 31 December of it'),
    example: '2024年度报告中：本报告所列数据的统计期限为2023年1月1日至2023年12月31日',
  },
  'format-2019': {
    summary: L('报告使用已被替代的2019年格式（表二按2019年格式检查）', 'The report uses the superseded 2019 format (table 二 is checked against it)'),
    example: '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量',
  },
  'prose-table-mismatch': {
    summary: L(
      '正文所述的数字与表格不一致（如“共收到申请 N 件”与表三；可一键把正文改为表中的数）',
      'A number the prose states for a table figure differs from the table (quick fix: write the table’s value into the prose)',
    ),
    example: '共收到政府信息公开申请75件（表三 一、本年新收 总计为 74）',
  },
  'enumeration-sum': {
    summary: L(
      '正文“共 N 条，其中 A a 条、B b 条……”的分项之和不等于 N（可一键改为分项之和）；同一类别列举两次为提示',
      'A total in the prose differs from the sum of the parts listed after it (quick fix: write the sum); a category named twice is information',
    ),
    example: '全年共发布信息120条，其中政策文件30条、工作动态80条、通知公告20条',
  },
  'carryover-mismatch': years('carryover-mismatch'),
  'valid-count-chain': years('valid-count-chain'),
  'prose-repeated': years('prose-repeated'),
  'prose-copied': copiedRuleText,
  'section-empty': years('section-empty'),
  'section-fee': years('section-fee'),
  'word-repeated': {
    summary: L('同一个词连写两遍（如“资金资金”），疑为笔误（可一键删去重复部分）', 'A word typed twice in a row (e.g. 资金资金), likely a slip (quick fix: delete the repeat)'),
    example: '公开了2023年上海市科技计划资金资金分配结果信息',
  },
  'punctuation-halfwidth': {
    summary: L(
      '汉字之间使用半角逗号、分号或冒号（可一键改为全角；全文都用半角标点的转换稿不提示）',
      'A half-width comma, semicolon or colon between Chinese characters (quick fix: full-width; not raised where the whole text uses half-width marks, a converted text)',
    ),
    example: '对规章、规范性文件均开展了解读,通过“中国上海”门户网站发布',
  },
  'report-deadline': {
    summary: L('报告落款日期晚于次年1月31日（年度报告公布期限）', 'The report is dated after 31 January of the following year (the publication deadline)'),
    example: '2024年度报告的落款：某某县人民政府办公室 2025年2月10日',
  },
  'outline-numbering': {
    summary: L(
      '正文小标题编号跳号、顺序错乱、同一列表混用两种编号（1、与3.），或用了一级标题的编号（如总体情况中的“二、”；表格内格式自带的编号不查）',
      'Sub-items numbered out of order or skipping one, two numbering systems in one list (1、 then 3.), or a sub-topic numbered like a section (二、 inside 总体情况; the tables’ own numbering is not read)',
    ),
    example: '一、总体情况 / （一）主动公开 / （二）依申请公开 / （四）政府信息管理',
  },
  'prose-zero-claim': {
    summary: L(
      '正文称未收到政府信息公开申请、未发生行政复议或行政诉讼、所有申请均已办结（无结转），而表格中相应的数字不为 0（表格为 0 而正文未提及的不提示）',
      'The prose says no request was received, no 行政复议 or 行政诉讼 happened, or every request was completed (nothing carried over), while the table counts some (a table of zeros with prose that says nothing is fine)',
    ),
    example: '2024年度全年未收到政府信息公开申请。（表三“一、本年新收政府信息公开申请数量”总计为 3）',
  },
  'brackets-unpaired': {
    summary: L(
      '同一段中《》、“”或（）不成对（引号方向写反的可一键改正）',
      'Unbalanced 《》, “” or （） within one paragraph (quick fix where a quotation mark faces the wrong way)',
    ),
    example: '印发《政府信息公开工作要点，明确年度任务。',
  },
  'sentence-unfinished': {
    summary: L(
      '标题或落款前的最后一段没有句末标点，以汉字或数字结尾（可一键在段末加“。”；标题、表格、列表项、落款和日期不查）',
      'The last paragraph before a heading or the signature ends in a Chinese character or a digit, without its 。 (quick fix: add it; titles, tables, list items, the signature and dates are not read)',
    ),
    example: '及时回复申请人，并将所申请的信息通过电子邮箱发送给申请人 / （三）完善公开制度规范',
  },
  'reviewed-stale': {
    summary: L(
      '配置文件 .disclosure-report.json 中记录为已审核的发现已不再出现（可一键删除该条记录）',
      'A finding recorded as reviewed in .disclosure-report.json no longer occurs (quick fix: remove the entry)',
    ),
    example: '"reviewed": [{ "rule": "cell-blank", "file": "2025.report.txt", "cell": "t3.new.total" }]',
  },
};
