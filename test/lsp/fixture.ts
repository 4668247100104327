// The report texts the language server tests open: the repository's example drafts when they are
// there (examples/clean.report.txt), else a report composed here (an invented office, all six
// sections, tables in the ` | ` layout, numbers that add up); and the shared seeds when
// ../shared exists beside the checkout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText, type Cell, type Table3, type Table4 } from '../../server/src/core/index';

const ROOT = resolve(__dirname, '../..');
export const SEEDS_DIR = resolve(ROOT, '../shared/seeds');
export const HAS_SEEDS = existsSync(SEEDS_DIR);
export const SEEDS_SKIP = HAS_SEEDS ? false : `../shared/seeds is not beside the checkout (${SEEDS_DIR}): the seed checks run where it is`;

export function seeds(): { name: string; text: string }[] {
  if (!HAS_SEEDS) return [];
  return readdirSync(SEEDS_DIR)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A clean report of an invented office (used when examples/ has no clean draft). */
export function composeReport(year = 2024): string {
  const office = '松溪县档案馆';
  const outcomes: [string[], number[]][] = [
    [['三、本年度办理结果', '（一）予以公开'], [4, 1, 0, 0, 0, 0]],
    [['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], [1, 0, 0, 0, 0, 0]],
    [['（三）不予公开', '1.属于国家秘密'], [0, 0, 0, 0, 0, 0]],
    [['2.其他法律行政法规禁止公开'], [0, 0, 0, 0, 0, 0]],
    [['3.危及“三安全一稳定”'], [0, 0, 0, 0, 0, 0]],
    [['4.保护第三方合法权益'], [0, 0, 0, 0, 0, 0]],
    [['5.属于三类内部事务信息'], [0, 0, 0, 0, 0, 0]],
    [['6.属于四类过程性信息'], [0, 0, 0, 0, 0, 0]],
    [['7.属于行政执法案卷'], [0, 0, 0, 0, 0, 0]],
    [['8.属于行政查询事项'], [0, 0, 0, 0, 0, 0]],
    [['（四）无法提供', '1.本机关不掌握相关政府信息'], [2, 0, 0, 0, 0, 0]],
    [['2.没有现成信息需要另行制作'], [0, 0, 0, 0, 0, 0]],
    [['3.补正后申请内容仍不明确'], [0, 0, 0, 0, 0, 0]],
    [['（五）不予处理', '1.信访举报投诉类申请'], [0, 0, 0, 0, 0, 0]],
    [['2.重复申请'], [1, 0, 0, 0, 0, 0]],
    [['3.要求提供公开出版物'], [0, 0, 0, 0, 0, 0]],
    [['4.无正当理由大量反复申请'], [0, 0, 0, 0, 0, 0]],
    [['5.要求行政机关确认或重新出具已获取信息'], [0, 0, 0, 0, 0, 0]],
    [['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], [0, 0, 0, 0, 0, 0]],
    [['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], [0, 0, 0, 0, 0, 0]],
    [['3.其他'], [0, 0, 0, 0, 0, 0]],
  ];
  const fresh = [9, 1, 0, 0, 0, 1];
  const carried = [1, 0, 0, 0, 0, 0];
  const total = [0, 1, 2, 3, 4, 5].map((c) => sum(outcomes.map(([, v]) => v[c])));
  const carryOver = total.map((t, c) => fresh[c] + carried[c] - t);
  const row = (labels: string[], v: number[]) => `${labels.join(' | ')} | ${[...v, sum(v)].join(' | ')} |`;
  const t4 = [
    [1, 0, 0, 0],
    [0, 1, 0, 1],
    [0, 0, 0, 0],
  ].flatMap((g) => [...g, sum(g)]);
  return [
    `${office}${year}年政府信息公开工作年度报告`,
    `本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
    '一、总体情况',
    `${year}年，${office}认真落实《条例》各项要求，围绕档案开放利用做好主动公开和依申请公开工作，政务公开水平稳步提升。`,
    '二、主动公开政府信息情况',
    '第二十条第（一）项 |',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '规章 | 0 | 0 | 0 |',
    '行政规范性文件 | 2 | 0 | 7 |',
    '第二十条第（五）项 |',
    '信息内容 | 本年处理决定数量 |',
    '行政许可 | 0 |',
    '第二十条第（六）项 |',
    '信息内容 | 本年处理决定数量 |',
    '行政处罚 | 0 |',
    '行政强制 | 0 |',
    '第二十条第（八）项 |',
    '信息内容 | 本年收费金额（单位：万元） |',
    '行政事业性收费 | 0 |',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |',
    '自然人 | 法人或其他组织 | 总计 |',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
    row(['一、本年新收政府信息公开申请数量'], fresh),
    row(['二、上年结转政府信息公开申请数量'], carried),
    ...outcomes.map(([l, v]) => row(l, v)),
    row(['（七）总计'], total),
    row(['四、结转下年度继续办理'], carryOver),
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 | 行政诉讼 |',
    '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |',
    '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    `${t4.join(' | ')} |`,
    '五、存在的主要问题及改进情况',
    `${year}年，${office}政府信息公开工作仍存在栏目更新不够及时、政策解读形式单一等问题，下一步将加强培训、完善机制，持续提升公开质量。`,
    '六、其他需要报告的事项',
    `${year}年，${office}未收取政府信息公开信息处理费，无其他需要报告的事项。`,
    '',
  ].join('\n');
}

/**
 * The clean report the tests start from: examples/clean.report.txt, else the composed one
 * (always the composed one with LSP_TEST_COMPOSED=1).
 */
export function cleanReport(): { name: string; text: string } {
  const p = join(ROOT, 'examples/clean.report.txt');
  if (existsSync(p) && !process.env.LSP_TEST_COMPOSED) return { name: 'examples/clean.report.txt', text: readFileSync(p, 'utf8') };
  return { name: 'composed report (test/lsp/fixture.ts)', text: composeReport() };
}

/** Every example draft, for whole-document checks. */
export function examples(): { name: string; text: string }[] {
  const dir = join(ROOT, 'examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => ({ name: `examples/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

/** Cells found by the core: table 三 by row key and column, table 四 by index. */
export function t3Cell(text: string, key: string, column: number): Cell {
  const t = analyzeText(text).tables.find((x): x is Table3 => x.kind === 't3');
  const c = t?.byKey.get(key)?.cells[column];
  if (!c) throw new Error(`no table 三 cell ${key}/${column}`);
  return c;
}

export function t4Cell(text: string, index: number): Cell {
  const t = analyzeText(text).tables.find((x): x is Table4 => x.kind === 't4');
  const c = t?.cells[index];
  if (!c) throw new Error(`no table 四 cell ${index}`);
  return c;
}

export const cellRange = (c: Cell) => ({ start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } });
