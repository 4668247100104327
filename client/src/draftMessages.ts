// Runtime strings of the drafting commands and the table preview, in English and Chinese (the
// language follows VS Code's display language, as client/src/messages.ts does).

const en = {
  previewTitle: (name: string) => `Tables: ${name}`,
  previewNoReport: 'Open a disclosure report to preview its tables.',
  previewFailed: (reason: string) => `Could not compute the table preview: ${reason}`,
  serverNotRunning: 'The disclosure report language server is not running.',
  newOfficePrompt: 'Reporting body (as printed in the title)',
  newOfficePlaceholder: 'e.g. 青禾县数据资源局',
  newYearPrompt: 'Year the report covers',
  newYearInvalid: 'Enter a four-digit year, e.g. 2025',
  newLayoutPlaceholder: 'Table layout',
  layoutPipes: 'Cells separated by “ | ” (aligned)',
  layoutPipesDetail: 'Readable in any editor; Format Document keeps the columns aligned.',
  layoutTabs: 'Cells separated by tabs',
  layoutTabsDetail: 'Pastes into Word, WPS or Excel as table cells.',
  newFailed: (reason: string) => `Could not create the draft: ${reason}`,
  convertNoTable: 'Place the cursor inside a table first.',
  convertStale: 'The document changed meanwhile; run the command again.',
  convertNothing: 'The table is already in that layout.',
  convertFailed: (reason: string) => `Could not convert the table: ${reason}`,
  // Shown inside the webview.
  webview: {
    expected: 'Should be',
    formula: 'Formula',
    blank: 'Blank cell',
    notNumber: 'Not a number',
    missing: 'Cell missing in the draft',
    notFound: 'This table was not found in the draft.',
    failing: (n: number) => `${n} failing`,
    blanks: (n: number) => `${n} blank`,
    notNumbers: (n: number) => `${n} not a number`,
    missings: (n: number) => `${n} missing`,
    allGood: 'All identities hold',
    suspect: 'Likely mistyped: should be {n} (that makes the failing totals hold)',
    likelyTypo: 'Likely cause: {key} ({written}) mistyped; {n} would make the totals hold',
    click: 'Click a cell to show it in the editor.',
    problem: { fullwidth: 'Full-width digits', negative: 'Negative count', fractional: 'Count with decimals', placeholder: 'Placeholder, read as 0', unit: 'Unit or separators, read as the number' } as Record<string, string>,
  },
};

export type DraftMessages = typeof en;
export type WebviewStrings = DraftMessages['webview'];

const zh: DraftMessages = {
  previewTitle: (name: string) => `表格预览：${name}`,
  previewNoReport: '请打开一份政府信息公开年度报告以预览其表格。',
  previewFailed: (reason: string) => `无法生成表格预览：${reason}`,
  serverNotRunning: '政府信息公开年度报告语言服务器未运行。',
  newOfficePrompt: '报告机关（按标题中的写法）',
  newOfficePlaceholder: '例如：青禾县数据资源局',
  newYearPrompt: '报告年度',
  newYearInvalid: '请输入四位年份，例如 2025',
  newLayoutPlaceholder: '表格格式',
  layoutPipes: '单元格以“ | ”分隔（对齐）',
  layoutPipesDetail: '在任何编辑器中都易读；“格式化文档”会保持各列对齐。',
  layoutTabs: '单元格以制表符分隔',
  layoutTabsDetail: '粘贴到 Word、WPS 或 Excel 时成为表格单元格。',
  newFailed: (reason: string) => `无法新建报告：${reason}`,
  convertNoTable: '请先将光标置于表格内。',
  convertStale: '文档已发生变化，请重新执行该命令。',
  convertNothing: '该表格已是所选格式。',
  convertFailed: (reason: string) => `无法转换表格：${reason}`,
  webview: {
    expected: '应为',
    formula: '公式',
    blank: '空白单元格',
    notNumber: '不是数字',
    missing: '报告中缺少该单元格',
    notFound: '报告中未找到这张表格。',
    failing: (n: number) => `${n} 处不符`,
    blanks: (n: number) => `${n} 处空白`,
    notNumbers: (n: number) => `${n} 处非数字`,
    missings: (n: number) => `${n} 处缺失`,
    allGood: '勾稽关系全部成立',
    suspect: '可能录入有误：应为 {n}（改后不成立的总计都成立）',
    likelyTypo: '可能原因：{key}（{written}）录入有误，改为 {n} 则各总计都成立',
    click: '单击单元格可在编辑器中定位。',
    problem: { fullwidth: '全角数字', negative: '数量为负数', fractional: '数量带小数', placeholder: '占位符，按 0 计', unit: '带单位或千位分隔符，按数字计' },
  },
};

export function draftMessagesFor(language: string | undefined): DraftMessages {
  return (language ?? '').toLowerCase().startsWith('zh') ? zh : en;
}

/** The webview strings as plain data (functions rendered for the counts the webview needs). */
export function webviewStrings(m: DraftMessages): Record<string, unknown> {
  const w = m.webview;
  return {
    expected: w.expected,
    formula: w.formula,
    blank: w.blank,
    notNumber: w.notNumber,
    missing: w.missing,
    notFound: w.notFound,
    failing: w.failing(0).replace('0', '{n}'),
    blanks: w.blanks(0).replace('0', '{n}'),
    notNumbers: w.notNumbers(0).replace('0', '{n}'),
    missings: w.missings(0).replace('0', '{n}'),
    allGood: w.allGood,
    suspect: w.suspect,
    likelyTypo: w.likelyTypo,
    click: w.click,
    problem: w.problem,
  };
}
