// The wordings the cross-year and section-content rules read, as data: how report titles,
// period statements and file names name the office and the year; which sentences every report
// repeats by design (so they do not count as copied prose); what counts as reporting the fee.
// Change the wordings here; the code around them holds no Chinese text.

/** A year written before 年 (`2023年`, `2023 年`, `2023年度`). */
export const YEAR_IN_TEXT = /((?:19|20)\d{2})\s*年(?:度)?/;
/** The same, every occurrence, for removing years from a title. */
export const YEARS_IN_TEXT = /(?:19|20)\d{2}\s*年(?:度)?/g;

/** A title line ends with 报告, maybe followed by a bracketed note (（全文）, （2023年度）). */
// (The spaces before the note are inside its group: two \s* side by side are quadratic on spaces.)
export const TITLE_END = /报告(?:\s*[（(][^（()）]{0,12}[)）])?\s*$/;
/** A title is about disclosure: it has one of these. */
export const TITLE_TOPIC = /公开/;
/** Where the office part of a title ends: the first of these (longest first). */
export const TITLE_KEYWORDS = ['政府信息公开', '政务信息公开', '政务公开', '信息公开', '年度报告', '年报', '工作报告', '报告'];
/** 关于 in a title: the office is before it (XX局关于…的报告) or right after it (关于XX局…). */
export const TITLE_ABOUT = '关于';
/** A label in front of a title, as saved web pages have it (标题：…). */
export const TITLE_LABEL = /^(?:标题|题目|文章标题)\s*[:：]\s*/;
/** Characters a title part may not hold: sentence and label punctuation, breadcrumbs, cell separators. */
export const NOT_A_TITLE_PART = /[。，,；;：:！？>›»|｜\\/]/;
/** The first section heading: the title is above it. */
export const FIRST_HEADING = /^[\s#*]*[一1][、.．,，]?\s*总体情况/;
/** A date line (the signature's, or 发布日期 under a title): never part of the title. */
export const DATE_LINE = /^[\s(（]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[\s)）]*$/;
/** Trailing characters of an office read from a title: 的, 年度. */
// (Not starting inside a run of them: tried from each position of a long run, it was quadratic.)
export const OFFICE_TRAILING = /(?<!的|年|年度)(?:的|年度|年)+$/;
export const OFFICE_LEADING = /^(?:年度|年)+/;

/**
 * The statistical period statement: 统计期限/时限/周期… then the year of 1月1日.
 * (本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止)
 */
export const PERIOD_STATEMENT = /统计(?:数据)?(?:期限|时限|周期|期间|时间|区间|时段)[^。]{0,24}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;

/**
 * Office spellings that mean the same office, applied to both sides before comparing:
 * 区人民政府 and 区政府 are one office; so are 政府办公室 and its short form 政府办.
 */
export const OFFICE_ALIASES: [RegExp, string][] = [
  [/人民政府/g, '政府'],
  [/政府办公室$/, '政府办'],
];

/**
 * A higher-level place a title may put before the office (淮安市 in 淮安市洪泽区人民政府):
 * one or more of 省, 自治区, 市, 自治州, 州, 地区, 盟, each with a name of two characters or more.
 */
export const HIGHER_PLACES = /^(?:[^省市区县州盟旗]{2,8}?(?:省|自治区|市|自治州|州|地区|盟))+$/;
/** An office that starts with a county-level place (洪泽区…, 沭阳县…): a name of two or more characters. */
export const LOWER_PLACE_START = /^[^省市区县州盟旗]{2,8}?(?:区|县|市|旗|自治县)/;

/** Words of a file name that are about the document, not the office (cut where they start). */
export const FILE_NAME_KEYWORDS = TITLE_KEYWORDS;

// ---------------------------------------------------------------------------------------------
// Prose: sentences and boilerplate.

/** Sentence ends. */
export const SENTENCE_ENDS = /[。！？!?]/;

/**
 * Sentences every report carries by design, whose repetition from year to year is no copying:
 * the legal basis and the statistical period of the preamble, where the electronic copy is and
 * whom to ask, the fee statement the format asks for in section 六, "nothing else to report".
 */
export const BOILERPLATE: RegExp[] = [
  /统计(?:数据)?(?:期限|时限|周期|期间|时间|区间|时段)/,
  /(?:本|本年度)报告.{0,40}(?:编制|撰写|制定|要求)/,
  /(?:根据|依据).{0,40}《中华人民共和国政府信息公开条例》.{0,80}(?:编制|制作|撰写)/,
  /电子版|下载/,
  /疑问|联系电话|联系方式|地址|邮编|邮政编码/,
  /报告全文|全文包括|全文由/,
  /处理费/,
  /无其他需要报告|没有其他需要报告|无其他事项/,
];

// ---------------------------------------------------------------------------------------------
// Section content.

/**
 * Section 六 reports the fee (《政府信息公开信息处理费管理办法》, in force since 2021) when it
 * mentions any of these: 信息处理费 and its variants (信息公开处理费), 收费, 收取…费用, 费用.
 */
export const FEE_MENTIONS = [/处理费/, /收费/, /收取.{0,6}费/, /费用/];
/** The year the fee rules took effect (国办函〔2020〕109号, from 1 January 2021). */
export const FEE_RULES_FROM = 2021;

/** How an office's name ends: a signature line above the closing date is one of these. */
export const OFFICE_END = /(?:政府|办公室|办公厅|委员会|局|委|办|厅|中心|院|部|处|署|所|站|队|会|公司|集团|街道|镇|乡)$/;

/** A line that is only a page mark (— 5 —, -5-, 第5页): not text. */
// (The spaces before 页 are inside its group: two \s* side by side are quadratic on spaces.)
export const PAGE_MARK = /^[\s\-—–－_]*(?:第\s*)?\d{1,3}(?:\s*页)?[\s\-—–－_]*$/;

/**
 * A topic heading inside a section (（一）主动公开情况, 二、依申请公开): the format suggests the same
 * topics every year, so such a short enumerated phrase is no copied sentence. The enumerator
 * is in half-width form (sentences compare half-width).
 */
export const SUBHEADING = /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.,]|\d{1,2}[、.,])/;
export const SUBHEADING_MAX = 20;

/** Chinese text: a section whose text has none (an extraction placeholder) is not judged. */
export const CHINESE = /[\u4e00-\u9fff]/;
