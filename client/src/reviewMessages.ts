// Runtime strings of the review loop (Mark as reviewed, the Findings view, its export, the list of
// what fixes changed), in English and Chinese, chosen by VS Code's display language as
// messages.ts does (zh* → Chinese).
import type { ReviewStatus } from '../../server/src/protocol';

const en = {
  statusTitle: 'Mark as reviewed: what is this finding?',
  status: {
    confirmed: { label: 'Confirmed — to be corrected', detail: 'A real error: the office must correct it. It stays in Problems, as information, with your reason.' },
    accepted: { label: 'Accepted as is', detail: 'Right as written (e.g. the original table says so). No longer reported; its hint and recompute are gone.' },
    'false-alarm': { label: 'False alarm', detail: 'The checker is wrong here. No longer reported; its hint and recompute are gone.' },
  } as Record<ReviewStatus, { label: string; detail: string }>,
  statusShort: { confirmed: 'confirmed, to be corrected', accepted: 'accepted as is', 'false-alarm': 'false alarm' } as Record<ReviewStatus, string>,
  reasonTitle: 'Mark as reviewed: the reason',
  reasonPrompt: (status: string) => `Why is it “${status}”? (recorded in .disclosure-report.json; may be empty)`,
  reasonPlaceholder: 'e.g. the published table says 19; corrected by the office on 3 March',
  reviewed: (status: string, file: string) => `Recorded as “${status}” in ${file}.`,
  reviewFailed: (why: string) => `Could not record the review: ${why}`,
  binarySource: 'Open the Word document, web page or PDF as a draft first (Open as Disclosure Report draft), then mark its findings there.',
  notChecked: 'The report was opened, but its findings are not in yet; try again in a moment.',
  fixesChannel: 'Disclosure Report Fixes',
  fixesApplied: (n: number, file: string) => `${file}: ${n} change(s) applied.`,
  showChanges: 'Show changes',
  noFindings: 'No findings. Open a report, or run “Check All Reports in Workspace”.',
  reportLabel: (office: string, year: number | undefined, file: string) => (office ? `${office}${year ? ` ${year}` : ''}` : file),
  counts: (errors: number, warnings: number, notes: number, reviewed: number) =>
    [errors && `${errors} error(s)`, warnings && `${warnings} warning(s)`, notes && `${notes} note(s)`, reviewed && `${reviewed} reviewed`].filter(Boolean).join(', ') || 'no findings',
  reviewedBy: (who: string, date: string) => [who, date].filter(Boolean).join(', '),
  exportTitle: (format: string) => `Export the findings as ${format}`,
  exported: (n: number, file: string) => `Exported ${n} finding(s) to ${file}.`,
  open: 'Open',
  exportFailed: (why: string) => `Could not export the findings: ${why}`,
  serverNotRunning: 'The disclosure report language server is not running.',
  csvFilter: 'CSV (Excel, WPS)',
  sarifFilter: 'SARIF 2.1.0',
};

export type ReviewMessages = typeof en;

const zh: ReviewMessages = {
  statusTitle: '标记为已审核：这条发现属于哪种情况？',
  status: {
    confirmed: { label: '已确认，待改正', detail: '确实有误，需由填报单位改正。仍在“问题”中以提示级别显示，并附上理由。' },
    accepted: { label: '按原样接受', detail: '原文如此，无需改动（如公开的原表即为此数）。不再报告，其提示与重算一并取消。' },
    'false-alarm': { label: '误报', detail: '检查器在此判断有误。不再报告，其提示与重算一并取消。' },
  },
  statusShort: { confirmed: '已确认，待改正', accepted: '按原样接受', 'false-alarm': '误报' },
  reasonTitle: '标记为已审核：理由',
  reasonPrompt: (status) => `为何“${status}”？（记入 .disclosure-report.json，可留空）`,
  reasonPlaceholder: '例如：公开的原表即为 19；已由填报单位于 3 月 3 日改正',
  reviewed: (status, file) => `已在 ${file} 中记为“${status}”。`,
  reviewFailed: (why) => `无法记录审核结论：${why}`,
  binarySource: '请先将该 Word 文档、网页或 PDF 作为草稿打开（作为年度报告草稿打开），再在草稿中标记其发现。',
  notChecked: '报告已打开，但检查结果尚未就绪，请稍后重试。',
  fixesChannel: '年度报告修复记录',
  fixesApplied: (n, file) => `${file}：已应用 ${n} 处修改。`,
  showChanges: '查看修改',
  noFindings: '没有发现。请打开一份报告，或运行“检查工作区中的所有报告”。',
  reportLabel: (office, year, file) => (office ? `${office}${year ? ` ${year} 年度` : ''}` : file),
  counts: (errors, warnings, notes, reviewed) =>
    [errors && `${errors} 个错误`, warnings && `${warnings} 个警告`, notes && `${notes} 个提示`, reviewed && `${reviewed} 条已审核`].filter(Boolean).join('，') || '没有发现',
  reviewedBy: (who, date) => [who, date].filter(Boolean).join('，'),
  exportTitle: (format) => `将发现列表导出为 ${format}`,
  exported: (n, file) => `已将 ${n} 条发现导出到 ${file}。`,
  open: '打开',
  exportFailed: (why) => `无法导出发现列表：${why}`,
  serverNotRunning: '年度报告语言服务器未运行。',
  csvFilter: 'CSV（Excel、WPS）',
  sarifFilter: 'SARIF 2.1.0',
};

/** The review strings for a VS Code display language such as `en`, `zh-cn` or `zh-tw`. */
export function reviewMessagesFor(language: string | undefined): ReviewMessages {
  return (language ?? '').toLowerCase().startsWith('zh') ? zh : en;
}
