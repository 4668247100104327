// The prose's zero claims (prose-zero-claim, rules/zeroClaims.ts): a sentence saying no request was
// received, no 行政复议 or 行政诉讼 happened, or every request was completed (nothing carried to
// next year). Only whole phrasings are read: the negation, the object the format counts (政府信息
// 公开申请, 行政复议, 行政诉讼) and nothing after it but the clause's end, so that 无法提供, 无…费用,
// 未收取, 未发生…被纠错 / 败诉 and 无当面申请 are never read as one. What may stand before the claim
// in its clause is a closed list too (the report's own body, its year, 全年, 均 …): anything else
// (如, 确保, another body, another year) and the sentence is not read.

/** Alternatives as a non-capturing group (the claims are read on the text with white space removed). */
const alt = (words: readonly string[]) => `(?:${words.join('|')})`;

/** What may stand in a claim's clause before it (with the report's own body, SELF_WORDS of prose.ts). */
export const PREFIX_WORDS: readonly string[] = [
  '本报告期内', '报告期内', '统计期内', '本年度内', '本年度', '本年内', '本年', '今年', '全年度', '全年内', '全年', '当年', '年度内', '年内',
  '期间', '同时', '虽然', '虽', '此外', '另外', '由于', '因为', '一直', '均', '都', '也', '亦', '尚', '暂', '共', '并', '且', '在', '内', '因', '另',
  '我机关', '我单位',
];
/** A year in a claim's clause (it must be the report's): 2024年, 2024年度, 2024年度内. */
export const PREFIX_YEAR = '((?:19|20)\\d\\d)年(?:度)?(?:内)?';

/** The disclosure's requests, as a claim names them (无当面申请 is a sub-category and not among them). */
const REQUEST_OBJECT =
  '(?:(?:公民|自然人)、?法人(?:和|或|及)其他组织(?:提出|申请)?的)?' +
  '(?:(?:政府信息公开|信息公开)(?:的)?(?:申请|事项|案件)|依申请公开(?:的)?(?:申请|事项|案件)?)';
/** What qualifies a 行政复议 / 行政诉讼 as the disclosure's. */
const CASE_QUALIFIER =
  '(?:涉及(?:政府)?信息公开(?:工作)?的|有关(?:政府)?信息公开(?:工作)?的|因(?:政府)?信息公开(?:工作|申请)?(?:而)?(?:引发|引起|产生|导致)的|(?:政府)?信息公开(?:工作)?(?:相关|类)?(?:的)?)?';
const CASE_CONJUNCTIONS = '(?:和|及|、|与|或|以及|或者)';
const CASE_ITEM = '(行政复议|行政诉讼)';
const CASE_LIST = `${CASE_QUALIFIER}${CASE_ITEM}(?:${CASE_CONJUNCTIONS}${CASE_QUALIFIER}(行政复议|行政诉讼|复议|诉讼))?`;
/** 未因政府信息公开工作被申请行政复议、被提起行政诉讼. */
const PASSIVE_QUALIFIER = '(?:因(?:政府)?信息公开(?:工作|申请)?(?:而)?)?';
const PASSIVE_ITEM = '(被申请行政复议|被提起行政诉讼|被起诉)';
const PASSIVE_LIST = `${PASSIVE_QUALIFIER}${PASSIVE_ITEM}(?:${CASE_CONJUNCTIONS}(?:被)?(申请行政复议|提起行政诉讼|被申请行政复议|被提起行政诉讼|起诉))?`;
/** What may follow the object before the clause ends (案件, 的情况 …). */
const CASE_TAIL = '(?:的?(?:案件|事件|情况|情形)|案)?';
const REQUEST_TAIL = '(?:件|的情况|情况)?';
/** Where a claim's clause ends: nothing else may follow its object. */
export const CLAUSE_END = '(?=[，,。；;！!？?）)：:]|$)';

/** Where the sentence ends: a claim and the words around it are read within one. */
export const SENTENCE_BREAKS = /[。；;！!？?]/;
/** Where a clause ends (the words before a claim are read from the last of these). */
export const CLAUSE_BREAKS = /[，,：:]/;

export type ZeroKind = 'requests' | 'cases' | 'completed';

/** Each phrasing: its regular expression (on text without white space) and what it claims is zero. */
export const ZERO_PHRASINGS: readonly { id: string; kind: ZeroKind; re: string }[] = [
  { id: 'no-request-received', kind: 'requests', re: `(?:未收到|没有收到|未曾收到|未接到|没有接到|未接收到)(?:过)?(?:任何)?${REQUEST_OBJECT}${REQUEST_TAIL}${CLAUSE_END}` },
  { id: 'no-request', kind: 'requests', re: `(?:无|没有|未有)(?:任何)?${REQUEST_OBJECT}${REQUEST_TAIL}${CLAUSE_END}` },
  { id: 'no-case', kind: 'cases', re: `(?:未发生|没有发生|未出现|没有出现|未产生|未引发|无|没有|未有)(?:过)?(?:任何)?${CASE_LIST}${CASE_TAIL}${CLAUSE_END}` },
  { id: 'no-case-passive', kind: 'cases', re: `(?:未发生|没有发生|未出现|未|没有)${PASSIVE_LIST}${CASE_TAIL}${CLAUSE_END}` },
  // Bare completion only: 全部按时办结, 均已按要求办理完成 say how the requests were handled (on time, as
  // required), and their authors count a request deferred by the rules among them (r09's next sentence
  // lists its 1 carried over among 所有办结的; the prose corpus's county report: 262 requests, 全部按时
  // 办结, 24 carried over): not read.
  { id: 'all-completed', kind: 'completed', re: `(?:(?:均|都|全都)已(?:经)?(?:全部)?|已全部|全部)(?:办结|办理完毕|办理完成|答复完毕)(?:完毕)?${CLAUSE_END}` },
  { id: 'no-carry-over', kind: 'completed', re: `(?:无|没有|未有)(?:结转|转入)(?:到|至)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请|事项|案件|件)?${CLAUSE_END}` },
];

/**
 * A claim with nothing but who and when before it in its clause takes its subject from the clause
 * before: when that names the claim's own topic (经复议，未发生行政诉讼: the litigation after review
 * only), the claim may be about a part, and is not read. Read from the last colon (a label before it,
 * 依申请公开情况：…, says nothing of a part).
 */
export const TOPIC_WORDS: Readonly<Record<'requests' | 'cases', readonly string[]>> = {
  requests: ['申请'],
  cases: ['复议', '诉讼', '起诉'],
};
export const LABEL_END = /[：:]/;

/** A sentence naming these before a claim speaks of a plan, a goal or a condition, not of what happened. */
export const MOOD_WORDS: readonly string[] = ['下一步', '今后', '明年', '将', '力争', '确保', '争取', '如果', '如', '若', '假如', '避免', '防止', '是否', '杜绝', '实现', '目标', '应当', '要'];

/** Which table 四 group a case claim names: 复议 the review's, 诉讼 / 起诉 the litigation's. */
export const REVIEW_WORDS: readonly string[] = ['复议'];
export const LITIGATION_WORDS: readonly string[] = ['诉讼', '起诉'];

/** The subject a completion claim may name in its own clause (所有申请均已办结). */
export const COMPLETED_SUBJECT = `(?:所有|全部|上述|以上|这些)?(?:的)?(?:${alt(['政府信息公开', '信息公开', '依申请公开'])})?(?:的)?(?:申请|申请件|事项|案件)`;
/** A completion claim with no subject of its own takes the clause before's: it must be about requests. */
export const REQUEST_WORD = '申请';
/** … and say they were received or handled (共受理申请 8 件，均已办结). */
export const RECEIVED_WORDS: readonly string[] = ['受理', '收到', '接到', '新收', '办理', '承办'];
/** A sentence naming these before a completion claim with no subject of its own is about something else, or a part. */
export const COMPLETED_OTHER_SUBJECTS: readonly string[] = [
  '建议', '提案', '工单', '来件', '来信', '信件', '诉求', '舆情', '留言', '咨询', '复议', '诉讼', '投诉', '举报', '热线', '信访',
  '除', '其余', '其他', '其它',
];
/**
 * … and a sentence naming the requests carried over (上年结转申请 2 件，均已办结) says they were
 * completed, not all of the year's: read only with a subject of its own (所有申请均已办结).
 */
export const CARRIED_WORDS: readonly string[] = ['结转'];
/** A line with none of these holds no claim (most prose): not read further. */
export const QUICK_WORDS: readonly string[] = ['未', '无', '没有', '办结', '办理完', '答复完'];
/** The characters a phrasing starts with: only there is one tried. */
export const START_CHARACTERS = '未没无均都全已';
/** After a completion claim in its sentence: the author says what is left (…，除 3 件依法延期外). */
export const COMPLETED_EXCEPTIONS: readonly string[] = ['下年', '下一年', '次年', '延期', '顺延', '结转', '转入', '尚未', '正在', '未办结', '除', '其余', '另有'];
