// The numbering of a report's outline (outline-numbering, rules/outline.ts). The format numbers the
// six sections 一、… 六、; a section's sub-topics are （一）（二）…, their items 1. 2. … or （1）（2）….
// Inside the tables the format prints its own numbering (第二十条第（一）项, （一）予以公开, 1.属于国家
// 秘密 …): table lines are never read.

/** Markdown list marks and indentation before a numeral. */
export const OUTLINE_LEAD = /^[\s\u3000#*>-]*/;

/** A section's numeral written at the start of a body line: 二、工作机制保障. */
export const TOP_NUMERAL = /^([一二三四五六七八九十]{1,3})[、．.]/;

/** The numbering styles of the levels below a section, each read as its own sequence. */
export const SUB_NUMERALS: readonly { style: string; re: RegExp; chinese: boolean; open: string; close: string; separators?: true }[] = [
  { style: 'paren-chinese', re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/, chinese: true, open: '（', close: '）' },
  { style: 'paren-arabic', re: /^[（(](\d{1,2})[）)]/, chinese: false, open: '（', close: '）' },
  // 1、 or 1. (not 1.5 or 12.5%: a number with decimals is no item numeral).
  { style: 'arabic', re: /^(\d{1,2})(?:、|[．.](?![\d０-９]))/, chinese: false, open: '', close: '.', separators: true },
];

/** Chinese numerals by value, for naming the item expected: （三）. */
export const CHINESE_NUMERALS: readonly string[] = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
