// Every sentence of prose-copied, in Chinese and English, and its summary and README example.

import { fileName, quote, type Localized } from '../i18n.js';

const L = (zh: string, en: string): Localized => ({ zh, en });


/** The other report as a message names it: its office and its file. */
const named = (office: string | null, path: string) => L(office ? `${office}的报告（${fileName(path)}）` : `报告 ${fileName(path)}`, office ? `${office}’s report (${fileName(path)})` : `the report ${fileName(path)}`);

export const copiedMsg = {
  found: (share: number, shared: number, counted: number, office: string | null, path: string, longest: string) => {
    const pct = Math.round(share * 100);
    const n = named(office, path);
    return L(
      `本报告正文有 ${pct}%（${shared}/${counted} 句）与同年度${n.zh}逐字相同；最长的相同段落：“${quote(longest)}”`,
      `${pct} % of this report’s prose sentences (${shared} of ${counted}) are word for word in ${n.en} of the same year; the longest shared passage: “${quote(longest)}”`,
    );
  },
  related: (office: string | null, path: string, length: number) => {
    const n = named(office, path);
    return L(`${n.zh}中的同一段落（${length} 字）`, `the same passage in ${n.en} (${length} characters)`);
  },
};

export const copiedRuleText = {
  summary: L(
    '批量检查时，本报告正文中与另一机关同年度报告逐字相同的句子超过一定比例（默认 50%；格式的固定表述和多数报告共有的句子不计）',
    'In a batch, more than a share (default 50 %) of the prose sentences are word for word in another office’s report of the same year (the format’s fixed wording and sentences many reports share are not counted)',
  ),
  example: '本报告正文有 72%（18/25 句）与同年度某某县教育局的报告（教育局2024.txt）逐字相同；最长的相同段落：“……”',
};
