// The prose phrasings that state a table figure, as data: the words right before a number (in
// slots of alternatives), the context they need, and the table cells they mean; plus the words that
// mark another body, another year or a comparison (scope), and the words of an enumeration
// (共…，其中…). Collected from the published reports and drafts; claims.ts and enumeration.ts
// compile these lists and hold no wording of their own. Every Chinese literal of the prose checks
// lives here or in messages.ts.

import type { Localized } from '../i18n.js';
import type { Reading, Target } from './spec.js';

// ---------------------------------------------------------------------------------------------
// Characters

/** Where a clause ends. */
export const CLAUSE_BREAKS = '，,；;。：:、！？!?\n';
/** Where a sentence ends (context for 其中…, 行政复议…). */
export const SENTENCE_BREAKS = '。！？!?';
/** The two kinds of list separator: a list that runs on commas ends at a semicolon. */
export const COMMA_SEPARATORS = '，,、';
export const SEMICOLON_SEPARATORS = '；;';
export const OPEN_PARENS = '（(';
/** A list may open with a colon (其中：…). */
export const LIST_COLONS = '：:';
export const CLOSE_PARENS = '）)';
export const OPEN_TITLE = '《';
export const CLOSE_TITLE = '》';
/** Table-cell separators: a line holding these is a table row, not prose. */
export const TABLE_MARKS = ['\t', ' | ', '｜'];
/** 万 after a number multiplies by ten thousand. */
export const TEN_THOUSAND = '万';

/** Units of a count the prose states for a table figure. */
export const COUNT_UNITS = ['件', '条'];
/** Units an enumeration may count in (the total and every part in the same one). */
export const ENUM_UNITS = ['条', '件', '项', '个', '期', '篇', '次', '场', '家', '份'];
/** A unit followed by one of these is another measure (件次 = person-times). */
export const UNIT_SUFFIX_BLOCK = ['次'];
/** A number after these is an estimate, not a count. */
export const APPROX_BEFORE = ['约', '近', '超过', '超', '逾', '将近', '大约', '不足', '不到', '上万'];
/** A number followed by these is an estimate or a bound. */
export const APPROX_AFTER = ['余', '多', '左右', '以上', '以下', '上下', '余件', '余条'];

/** Words allowed between a label and its number (共计, 为, 达 …), at most two of them. */
export const FILLERS = ['共计', '合计', '总计', '累计', '共有', '共', '达到', '为', '达', '有', '的', '了', '数量', '件数', '总数', '数'];

// ---------------------------------------------------------------------------------------------
// Table figures

export const T3_LEGAL_COLUMNS = ['commercial', 'research', 'social', 'legal', 'other'];

const reading = (keys: string[], zh: string, en: string): Reading => ({ keys, label: { zh, en } });
const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const tot = (rs: string[]) => rs.map((r) => `t3.${r}.total`);
const either = (...readings: Reading[]): Target => ({ mode: 'either', readings });
const layout = (...readings: Reading[]): Target => ({ mode: 'layout', readings });
const one = (r: Reading): Target => ({ mode: 'either', readings: [r] });

const NEW = reading(['t3.new.total'], '表三“一、本年新收政府信息公开申请数量”总计', 'table 三, 一 new requests, 总计');
const NEW_AND_CARRIED = reading(['t3.new.total', 't3.carried.total'], '表三“本年新收”与“上年结转”总计之和', 'table 三, 一 new + 二 carried over, 总计');

const HANDLED = reading(['t3.total.total'], '表三“（七）总计”总计', 'table 三, (七) total handled, 总计');

export const TARGETS = {
  requests: either(NEW, NEW_AND_CARRIED),
  newOnly: one(NEW),
  carried: one(reading(['t3.carried.total'], '表三“二、上年结转政府信息公开申请数量”总计', 'table 三, 二 carried over from last year, 总计')),
  natural: either(
    reading(['t3.new.natural'], '表三“本年新收”自然人', 'table 三, 一 new requests, 自然人'),
    reading(['t3.new.natural', 't3.carried.natural'], '表三“本年新收”与“上年结转”的自然人之和', 'table 三, 一 + 二, 自然人'),
  ),
  legal: either(
    reading(T3_LEGAL_COLUMNS.map((c) => `t3.new.${c}`), '表三“本年新收”法人或其他组织五列之和', 'table 三, 一 new requests, the five 法人或其他组织 columns'),
    reading([...T3_LEGAL_COLUMNS.map((c) => `t3.new.${c}`), ...T3_LEGAL_COLUMNS.map((c) => `t3.carried.${c}`)], '表三“本年新收”与“上年结转”的法人或其他组织五列之和', 'table 三, 一 + 二, the five 法人或其他组织 columns'),
  ),
  // 办结 N 件，其中自然人 a 件: the applicants of the requests handled, row （七）总计.
  naturalHandled: one(reading(['t3.total.natural'], '表三“（七）总计”自然人', 'table 三, (七) total handled, 自然人')),
  legalHandled: one(reading(T3_LEGAL_COLUMNS.map((c) => `t3.total.${c}`), '表三“（七）总计”法人或其他组织五列之和', 'table 三, (七) total handled, the five 法人或其他组织 columns')),
  grantedAndPartial: one(reading(tot(['granted', 'partial']), '表三“（一）予以公开”与“（二）部分公开”总计之和', 'table 三, (一) granted + (二) partly granted, 总计')),
  granted: one(reading(['t3.granted.total'], '表三“（一）予以公开”总计', 'table 三, (一) granted, 总计')),
  partial: one(reading(['t3.partial.total'], '表三“（二）部分公开”总计', 'table 三, (二) partly granted, 总计')),
  denied: one(reading(tot(rows('denied', 8)), '表三“（三）不予公开”8项总计之和', 'table 三, (三) refused, the 8 rows’ 总计')),
  unable: one(reading(tot(rows('unable', 3)), '表三“（四）无法提供”3项总计之和', 'table 三, (四) unable to provide, the 3 rows’ 总计')),
  notHandled: one(reading(tot(rows('notHandled', 5)), '表三“（五）不予处理”5项总计之和', 'table 三, (五) not handled, the 5 rows’ 总计')),
  other: layout(
    reading(tot(rows('other', 3)), '表三“（六）其他处理”3项总计之和', 'table 三, (六) otherwise handled, the 3 rows’ 总计'),
    reading(['t3.otherSingle.total'], '表三“（六）其他处理”总计', 'table 三, (六) otherwise handled, 总计'),
  ),
  handled: one(HANDLED),
  // 公开答复 as a part of the requests handled: 予以公开, or 予以公开 and 部分公开 together.
  disclosed: either(
    reading(['t3.granted.total'], '表三“（一）予以公开”总计', 'table 三, (一) granted, 总计'),
    reading(tot(['granted', 'partial']), '表三“（一）予以公开”与“（二）部分公开”总计之和', 'table 三, (一) granted + (二) partly granted, 总计'),
  ),
  handledOrReceived: either(HANDLED, NEW, NEW_AND_CARRIED),
  carryOver: one(reading(['t3.carryOver.total'], '表三“四、结转下年度继续办理”总计', 'table 三, 四 carried over to next year, 总计')),
  review: one(reading(['t4.review.total'], '表四“行政复议”总计', 'table 四, administrative review, 总计')),
  litigation: one(reading(['t4.direct.total', 't4.afterReview.total'], '表四“未经复议直接起诉”与“复议后起诉”总计之和', 'table 四, litigation (direct + after review), 总计')),
  license: one(reading(['t2.license.decisions'], '表二“行政许可”本年处理决定数量', 'table 二, 行政许可 decisions this year')),
  penalty: one(reading(['t2.penalty.decisions'], '表二“行政处罚”本年处理决定数量', 'table 二, 行政处罚 decisions this year')),
  enforcement: one(reading(['t2.enforcement.decisions'], '表二“行政强制”本年处理决定数量', 'table 二, 行政强制 decisions this year')),
} satisfies Record<string, Target>;

/** Table 四 results after a 行政复议 or 行政诉讼 figure (其中结果维持 N 件 …). */
export const T4_RESULTS: { result: string; zh: string; en: string }[] = [
  { result: 'upheld', zh: '结果维持', en: 'upheld' },
  { result: 'corrected', zh: '结果纠正', en: 'corrected' },
  { result: 'other', zh: '其他结果', en: 'other result' },
  { result: 'pending', zh: '尚未审结', en: 'pending' },
];
export function t4ResultTarget(group: 'review' | 'litigation', result: string): Target {
  const r = T4_RESULTS.find((x) => x.result === result)!;
  if (group === 'review') return one(reading([`t4.review.${result}`], `表四“行政复议”${r.zh}`, `table 四, administrative review, ${r.en}`));
  return one(reading([`t4.direct.${result}`, `t4.afterReview.${result}`], `表四“行政诉讼”两组的${r.zh}之和`, `table 四, litigation (both groups), ${r.en}`));
}

/** Table 二 item 一: the column a 规章 / 行政规范性文件 count means, by the nearest verb before it. */
export const DOC_ROWS: Record<'rules' | 'normative', Localized> = {
  rules: { zh: '规章', en: '规章 (rules)' },
  normative: { zh: '行政规范性文件', en: '行政规范性文件 (normative documents)' },
};
export const DOC_COLUMNS: Record<'issued' | 'repealed' | 'valid', Localized> = {
  issued: { zh: '本年制发件数', en: 'issued this year' },
  repealed: { zh: '本年废止件数', en: 'repealed this year' },
  valid: { zh: '现行有效件数', en: 'in force' },
};
export function docTarget(row: 'rules' | 'normative', column: 'issued' | 'repealed' | 'valid'): Target {
  return one(reading([`t2.${row}.${column}`], `表二“${DOC_ROWS[row].zh}”${DOC_COLUMNS[column].zh}`, `table 二, ${DOC_ROWS[row].en}, ${DOC_COLUMNS[column].en}`));
}
/** Verbs that say which column; the nearest one before the label decides, a BLOCK verb means none. */
export const DOC_VERBS: { words: string[]; column: 'issued' | 'repealed' | 'valid' | null }[] = [
  { words: ['现行有效'], column: 'valid' },
  { words: ['废止', '废弃', '宣布失效', '失效'], column: 'repealed' },
  { words: ['制发', '印发', '出台', '制定', '新制定', '发布', '主动公开', '新增公开', '新公开', '公开发布'], column: 'issued' },
  {
    words: ['清理', '审查', '备案', '解读', '评估', '修订', '修改', '征求', '起草', '审核', '报送', '梳理', '汇编', '刊登', '宣传', '报备', '图解', '转发', '上传', '归集', '收录'],
    column: null,
  },
];

// ---------------------------------------------------------------------------------------------
// Phrasings: a label that ends right before the number (fillers and a parenthesis may come between)

/**
 * - `line-requests`: the line mentions 申请 before the number (outcome kinds, 上年结转 …).
 * - `after-requests`: a figure of requests was recognised earlier in the same sentence (其中自然人…).
 * - `disclosure-clause`: the clause names 信息公开 or 依申请公开 (政府信息公开行政复议 N 件).
 * - `after-t4`: a 行政复议 or 行政诉讼 figure was recognised earlier in the sentence (其中结果维持…).
 * - `in-breakdown`: the number is a part of a breakdown (其中… / （含…）) of a figure of requests.
 *
 * Breakdowns (claims.ts): a clause opening with BREAKDOWN_WORDS, a parenthesis right after a
 * figure, or a sentence opening with 其中 after a sentence that stated a figure, splits that
 * figure (its parent). `role` says what a figure of this phrasing is as a parent; `part` what a
 * number of this phrasing may be as a part: a total is never a part of its own kind (办结 N 件，
 * 其中公开答复 a 件 is no second 办结), applicants and outcomes split only requests.
 */
export type Need = 'none' | 'line-requests' | 'after-requests' | 'disclosure-clause' | 'after-review' | 'after-t4' | 'in-breakdown';

export interface Phrasing {
  id: string;
  /** Slots of alternatives, matched in order and ending at the number; '' makes a slot optional. */
  slots: string[][];
  /** Up to this many characters (no digits) may come after the first slot. */
  gap?: number;
  /** The matched label must contain every one of these … */
  mustContain?: string[];
  /** … and the clause before the number none of these … */
  blockers?: string[];
  /** … and the sentence before the number none of these. */
  sentenceBlockers?: string[];
  units: string[];
  need: Need;
  /** The figure; or the row of table 二 item 一 whose column the nearest verb chooses. */
  target?: Target;
  docRow?: 'rules' | 'normative';
  /** A request figure: a number of this kind opens `after-requests`. */
  kind?: 'requests' | 'review' | 'litigation' | 't4-result';
  t4Result?: string;
  /** The first slot's alternatives that narrow the target (新收 → only 本年新收). */
  narrow?: { words: string[]; target: Target };
  /** What a figure of this phrasing is as the parent of a breakdown. */
  role?: 'requests' | 'handled' | 'handled-or-requests';
  /** What a number of this phrasing is as a part of a breakdown. */
  part?: 'total' | 'applicant' | 'outcome' | 't4-result';
  /** Applicants in a breakdown of requests handled: the （七）总计 row's columns. */
  handledTarget?: Target;
}

const REQUEST_WORDS_BLOCK = ['行政复议', '行政诉讼', '复议', '诉讼', '建议', '提案', '问政', '咨询', '投诉', '举报', '信访', '留言', '来信', '热线', '来电', '转办', '依申请公开率'];
const OPT = (...w: string[]) => [...w, ''];

export const PHRASINGS: Phrasing[] = [
  {
    id: 'requests-received',
    slots: [['收到', '受理', '收办', '接收', '新收', '承办', '接到'], ['申请件', '申请案件', '申请事项', '申请', '事项', '信息公开', '案件']],
    gap: 16,
    mustContain: ['申请', '公开'],
    blockers: REQUEST_WORDS_BLOCK,
    units: ['件'],
    need: 'none',
    target: TARGETS.requests,
    kind: 'requests',
    role: 'requests',
    part: 'total',
    narrow: { words: ['新收'], target: TARGETS.newOnly },
  },
  {
    id: 'carried-over-from-last-year',
    slots: [['上年', '上年度', '上一年', '上一年度', '去年'], ['结转', '转入'], OPT('的'), OPT('政府信息公开申请', '信息公开申请', '申请案件', '申请', '案件')],
    blockers: REQUEST_WORDS_BLOCK,
    units: ['件'],
    need: 'line-requests',
    target: TARGETS.carried,
  },
  {
    id: 'natural-persons',
    slots: [['自然人'], OPT('申请', '提出申请', '提交申请', '提出')],
    units: ['件'],
    need: 'after-requests',
    target: TARGETS.natural,
    part: 'applicant',
    handledTarget: TARGETS.naturalHandled,
  },
  {
    id: 'legal-persons',
    slots: [['法人或其他组织', '法人和其他组织', '法人及其他组织'], OPT('申请', '提出申请', '提交申请', '提出')],
    units: ['件'],
    need: 'after-requests',
    target: TARGETS.legal,
    part: 'applicant',
    handledTarget: TARGETS.legalHandled,
  },
  {
    id: 'granted-and-partial',
    slots: [['予以公开'], ['及', '和', '与'], ['部分公开'], OPT('答复', '的')],
    units: ['件'],
    need: 'line-requests',
    target: TARGETS.grantedAndPartial,
    part: 'outcome',
  },
  { id: 'granted', slots: [['予以公开', '同意公开', '准予公开'], OPT('答复', '决定', '的')], blockers: ['主动公开'], units: ['件'], need: 'line-requests', target: TARGETS.granted, part: 'outcome' },
  { id: 'partial', slots: [['部分公开'], OPT('答复', '的')], units: ['件'], need: 'line-requests', target: TARGETS.partial, part: 'outcome' },
  { id: 'denied', slots: [['不予公开'], OPT('答复', '的')], units: ['件'], need: 'line-requests', target: TARGETS.denied, part: 'outcome' },
  { id: 'unable', slots: [['无法提供'], OPT('答复', '的')], units: ['件'], need: 'line-requests', target: TARGETS.unable, part: 'outcome' },
  { id: 'not-handled', slots: [['不予处理'], OPT('答复', '的')], units: ['件'], need: 'line-requests', target: TARGETS.notHandled, part: 'outcome' },
  { id: 'other-handling', slots: [['作其他处理', '其他方式处理', '其他处理'], OPT('答复', '的')], units: ['件'], need: 'line-requests', target: TARGETS.other, part: 'outcome' },
  {
    id: 'carried-to-next-year',
    slots: [['结转', '转入', '转', '顺延到', '顺延至', '顺延'], OPT('到', '至'), ['下年度', '下一年度', '下一年', '下年', '次年'], OPT('继续办理', '办理答复', '办理', '答复', '继续'), OPT('的')],
    units: ['件'],
    need: 'line-requests',
    target: TARGETS.carryOver,
    part: 'outcome',
  },
  // 办结 N 件，其中公开答复 a 件: in a breakdown of requests, 公开答复 is an outcome, not 办结.
  { id: 'disclosed', slots: [['公开答复', '予以公开答复', '同意公开答复']], units: ['件'], need: 'in-breakdown', target: TARGETS.disclosed, part: 'outcome' },
  {
    id: 'handled',
    slots: [['办结', '答复', '办理完毕', '办理完成'], OPT('政府信息公开申请', '信息公开申请', '申请')],
    blockers: [...REQUEST_WORDS_BLOCK, '继续', '结转', '顺延', '下年', '下一年', '次年', '上年', '转'],
    units: ['件'],
    need: 'line-requests',
    target: TARGETS.handled,
    role: 'handled',
    part: 'total',
  },
  {
    // 办理 may mean handled (（七）总计) or received: any of the three readings agrees.
    id: 'handled-or-received',
    slots: [['办理'], OPT('政府信息公开申请', '信息公开申请', '申请')],
    blockers: [...REQUEST_WORDS_BLOCK, '继续', '结转', '顺延', '下年', '下一年', '次年', '上年', '转'],
    units: ['件'],
    need: 'line-requests',
    target: TARGETS.handledOrReceived,
    role: 'handled-or-requests',
    part: 'total',
  },
  {
    id: 'review',
    slots: [['行政复议'], OPT('案件', '申请'), OPT('数量', '数')],
    sentenceBlockers: ['备案', '受理', '审理', '办理', '代理', '指导', '应诉'],
    units: ['件'],
    need: 'disclosure-clause',
    target: TARGETS.review,
    kind: 'review',
  },
  {
    id: 'litigation',
    slots: [['行政诉讼'], OPT('案件'), OPT('数量', '数')],
    sentenceBlockers: ['备案', '受理', '审理', '办理', '代理', '指导', '应诉'],
    units: ['件'],
    need: 'disclosure-clause',
    target: TARGETS.litigation,
    kind: 'litigation',
  },
  { id: 'litigation-after-review', slots: [['诉讼'], OPT('案件')], units: ['件'], need: 'after-review', target: TARGETS.litigation, kind: 'litigation' },
  ...T4_RESULTS.map((r): Phrasing => ({
    id: `t4-${r.result}`,
    slots: [r.result === 'pending' ? ['尚未审结', '未审结'] : r.result === 'upheld' ? ['结果维持', '维持'] : r.result === 'corrected' ? ['结果纠正', '纠正'] : ['其他结果']],
    units: ['件'],
    need: 'after-t4',
    kind: 't4-result',
    part: 't4-result',
    t4Result: r.result,
  })),
  {
    id: 'rules',
    slots: [['规章']],
    blockers: ['部门规章'],
    units: ['件', '条'],
    need: 'none',
    docRow: 'rules',
  },
  {
    id: 'normative',
    slots: [['行政规范性文件', '规范性文件']],
    units: ['件', '条'],
    need: 'none',
    docRow: 'normative',
  },
  ...(['license', 'penalty', 'enforcement'] as const).map((k): Phrasing => ({
    id: k,
    slots: [[k === 'license' ? '行政许可' : k === 'penalty' ? '行政处罚' : '行政强制'], OPT('决定', '处理决定', '案件')],
    blockers: ['事项', '目录', '清单', '公示', '备案', '复议', '诉讼', '权力', '监督', '检查', '信息'],
    units: ['件'],
    need: 'none',
    target: TARGETS[k],
  })),
];

/** Words before a bare verb that still make it the label (并废止 9 件). */
export const DOC_VERB_LEADS = ['并', '另'];

/** 20件行政规范性文件: number first, the row after it, the verb before it in the same clause. */
export const DOC_AFTER_NUMBER: { words: string[]; row: 'rules' | 'normative' }[] = [
  { words: ['行政规范性文件', '规范性文件'], row: 'normative' },
  { words: ['规章'], row: 'rules' },
];

/** Number first, on a line about requests: 另有 103 件顺延到下年度答复. */
export const CARRY_OVER_AFTER_NUMBER = ['顺延到下', '顺延至下', '结转到下', '结转至下', '转入下', '结转下', '转到下', '转至下'];
export const NEXT_YEAR_WORDS = ['年度', '一年度', '一年', '年'];

/** A clause opening with one of these splits the figure before it (its parent). */
export const BREAKDOWN_WORDS = ['其中', '分别为', '分别是', '包括'];
/** A clause opening with one of these states a new total: a breakdown before it has ended. */
export const NEW_TOTAL_WORDS = ['共计', '合计', '总计', '累计', '共'];
/** The outcomes of table 三: a sentence naming one before 办结 / 答复 N 件 is about that outcome. */
export const OUTCOME_WORDS = ['予以公开', '同意公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'];
/** Openers of an outcome list (从办理结果看，予以公开 N 件，…): the numbers after them split the requests handled. */
export const OUTCOME_OPENERS = [
  '从办理结果看', '从办理结果来看', '从办理结果上看', '办理结果方面', '办理结果为', '办理结果是', '办理结果如下',
  '从答复结果看', '从答复结果来看', '答复结果方面', '答复结果为', '从答复类型看', '从答复类型来看', '按办理结果分', '按答复类型分',
  '从办理情况看', '从办理情况来看', '办理情况如下', '答复情况如下',
];

/** Number first: 共收到 262 件政府信息公开申请 (a verb of requests-received right before the number). */
export const REQUESTS_AFTER_NUMBER = ['政府信息公开申请', '信息公开申请', '依申请公开申请', '政府信息依申请公开申请'];
/** A clause opening with one of these and naming 申请中 (办结的申请中，…) makes what follows a breakdown of that figure. */
export const PARENT_SUBJECTS: { words: string[]; role: 'requests' | 'handled' }[] = [
  { words: ['办结的', '已办结的', '所有办结的', '答复的', '已答复的', '办理完毕的'], role: 'handled' },
  { words: ['收到的', '受理的', '新收的', '所有收到的', '全部申请'], role: 'requests' },
];
export const PARENT_SUBJECT_END = '申请中';
/** Openers of a list of applicants (申请主体方面，自然人 N 件…): the numbers after them split the requests received. */
export const APPLICANT_OPENERS = ['申请主体方面', '从申请主体看', '从申请主体来看', '从申请人类型看', '从申请人类型来看', '按申请人类型分', '按申请主体分', '申请人类型方面', '从申请人看'];

/** A line's requests context: it says 申请 before the number. */
export const REQUEST_WORD = '申请';
/** What makes a sentence about disclosure (for 行政复议 / 行政诉讼 figures). */
export const DISCLOSURE_WORDS = ['信息公开', '依申请公开'];

// ---------------------------------------------------------------------------------------------
// Scope: another body, a wider area, another year, a comparison

/** Whoever speaks for the government (区政府办代表区政府…): the figures are not the report's own. */
export const FOREIGN_PERSISTENT = [
  '代表', '各部门', '各单位', '各地', '各级', '各县', '各区', '各市', '各乡镇', '各街道', '各有关', '各相关', '各成员',
  '县直', '市直', '区直', '下属', '所属', '直属', '乡镇', '全国', '系统内', '全系统',
];
/** Words that hold a FOREIGN_PERSISTENT word without meaning another body (人大代表建议). */
export const FOREIGN_EXCEPTIONS = ['人大代表', '代表建议', '代表委员', '党代表', '代表大会'];
/** 全 + a level: the report's own area when the report is that level's people's government. */
export const WHOLE_PREFIX = '全';
export const EACH_PREFIX = '各';
/** A level character that starts a longer word (我区域) is no level. */
export const LEVEL_WORD_EXCEPTIONS = ['区域', '市场', '县域', '市民'];
export const LEVELS = ['省', '市', '区', '县', '州', '盟', '旗', '镇', '乡'];
/** 部门 names another body, except in these. */
export const DEPARTMENT_WORD = '部门';
export const DEPARTMENT_OWN = ['本部门', '部门网站', '部门预算', '部门决算', '部门职责'];
/** Another body named in the clause (其中区教育局…). Checked per clause, never against the report's own name. */
export const BODY_SUFFIXES = ['局', '委员会', '管委会', '厅', '法院', '检察院', '公司', '中心', '办公室', '政府办'];
export const PLACE_SUFFIXES = ['县', '区', '市', '镇', '乡', '街道'];
/** A place followed by these is a government (own when it is the report's). */
export const PLACE_GOVERNMENT_FOLLOWERS = ['人民政府', '政府', '委', '级'];
/** Self-reference: the report's own body again. */
export const SELF_WORDS = ['我局', '我委', '我办', '我厅', '我院', '我中心', '我单位', '我部门', '本机关', '本局', '本委', '本办', '本厅', '本单位', '本部门', '本中心'];
export const SELF_PREFIXES = ['我', '本'];
/** Words that hold a self-reference without switching back to the report's own body (无法提供 1.本机关不掌握…). */
export const SELF_EXCEPTIONS = ['本机关不掌握'];
export const GOVERNMENT = '政府';
export const PEOPLES_GOVERNMENT = '人民政府';
export const GOVERNMENT_OFFICES = ['人民政府办公室', '人民政府办公厅', '政府办公室', '政府办公厅', '政府办'];
/** Another time: 上年 / 去年 (but 上年结转 is this year's figure). */
export const OTHER_TIME = ['上一年度', '上一年', '上年度', '上年', '去年', '前年'];
export const OTHER_TIME_OK_AFTER = ['结转', '度结转', '转入'];
export const OWN_TIME = ['本年度', '本年', '今年', '全年', '当年', '年内'];
/** Year written as digits: 2023年 / 2023 年度. */
export const YEAR_SUFFIX = '年';
/** A comparison in the clause: its numbers are changes, not counts. */
export const COMPARATIVE = ['同比', '环比', '较上', '比上', '较去', '比去', '与上年', '与去年', '较同期', '增长', '减少', '增加', '下降', '上升', '回落', '持平'];
/** Reading the office from the title: the words around it. */
export const TITLE_WORDS = ['政府信息公开工作年度报告', '政府信息公开年度报告', '政府信息公开工作', '年度报告', '政府信息公开'];
export const YEAR_WORDS = ['年度', '年'];
export const PERIOD_WORDS = ['统计期限', '统计时限', '统计周期', '统计期'];
export const FIRST_HEADING = '总体情况';
/** Where no title names the office: the first of these in the preamble, offices first. */
export const OFFICE_SUFFIXES = ['人民政府办公室', '人民政府办公厅'];
/** Words before an office's name in the preamble (请与…联系, 本报告由…编制). */
export const OFFICE_LEAD_WORDS = ['本报告由', '请与', '由', '向'];
/** A signature or title line ends with one of these. */
export const BODY_NAME_ENDINGS = ['人民政府办公室', '人民政府办公厅', '人民政府', '办公室', '办公厅', '委员会', '管委会', '局', '委', '办', '中心', '厅'];
/** 第3件 is an ordinal. */
export const ORDINAL_PREFIX = '第';

// ---------------------------------------------------------------------------------------------
// Enumerations: 共（计）N 条，其中 A a 条、B b 条…

/** A total: one of these before N in its clause. */
export const ENUM_TOTAL_WORDS = ['共计', '合计', '总计', '共'];
/** The parts begin after one of these (其中 may be followed by 包括 / ：). */
export const ENUM_PARTS_WORDS = ['其中', '分别为', '分别是'];
/** Lists that name every part: a shortfall is an error, not a selection. */
export const ENUM_EXHAUSTIVE_WORDS = ['分别为', '分别是'];
/** Lists that may name only some parts. */
export const ENUM_SELECTIVE_WORDS = ['包括', '主要', '重点', '等'];
/** A catch-all part (其他…) makes a list exhaustive. */
export const ENUM_CATCH_ALL = ['其他', '其它', '其余', '另有'];
/** A list with no 共 whose last part starts with one of these names every part (…、其他信息 20 条). */
export const ENUM_CLOSING_CATCH_ALL = ['其他', '其它', '其余'];
/** A part whose label holds one of these ends the list (较去年增加 N 条, 均已办结 N 件, 共 …). */
export const ENUM_LIST_ENDERS = [...COMPARATIVE, '均', '全部', '累计', '总计', '合计', '共', '占'];
/** A part whose label holds one of these is a share, not a part (满意的有 45 项). */
export const ENUM_SHARE_LABELS = ['的有', '的共有', '的占'];
/** … or whose label ends with 的 and whose number is followed by one of these (…的 45 项，占比 78.9%). */
export const ENUM_SHARE_AFTER = ['占比', '占'];
export const ENUM_SHARE_LABEL_END = '的';
/** 予以公开、部分公开 9 件: a label joined by this to the next one shares its number. */
export const SHARED_NUMBER_JOINER = '、';
/** Trimmed from a part's label before comparing labels. */
export const ENUM_LABEL_TRIM_START = ['以及', '其中', '包括', '和', '及', '与', '：', ':', '，', ',', '、', '；', ';'];
export const ENUM_LABEL_TRIM_END = ['共计', '共', '为', '有', '的', '达'];
