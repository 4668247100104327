// The review loop's and fix-all's strings in the language server (Mark as reviewed, the fix-all
// title, the review request's errors), in Chinese and English.

import type { Localized } from '../core/index.js';

const L = (zh: string, en: string): Localized => ({ zh, en });

export const reviewText = {
  /** The code action that runs the client's prompt (status and reason). */
  markReviewed: () => L('标记为已审核…（选择状态并填写理由）', 'Mark as reviewed… (status and reason)'),
  /** On a finding already reviewed as confirmed: the same prompt, replacing its entry. */
  changeReview: () => L('更改审核结论…', 'Change the review…'),
  /** Fix-all: every safe fix of the document. */
  fixAll: (n: number) => L(`应用全部 ${n} 处自动修复（总计、规定措辞、半角数字、占位符）`, `Apply all ${n} automatic fixes (totals, official wording, ASCII digits, placeholders)`),
  notFound: () => L('未找到这条发现（文档已更改？），请重试', 'The finding was not found (the document changed?); try again'),
  notOpen: () => L('请先打开该报告', 'Open the report first'),
  cannotEdit: () =>
    L(
      '无法写入 .disclosure-report.json：该文件不是有效的 JSON，或此处无法创建文件',
      'Cannot write .disclosure-report.json: the file is not valid JSON, or it cannot be created here',
    ),
  badStatus: () => L('审核状态应为 confirmed、accepted 或 false-alarm', 'The status must be confirmed, accepted or false-alarm'),
};
