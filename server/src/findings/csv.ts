// Findings as a CSV list for the office to act on: one record per finding (reviewed ones included),
// UTF-8 with a BOM and RFC 4180 quoting (the export's writer, csvWriter.ts), the header and
// the status in the user's language. Columns: the report's file, office, year, place (table or
// section), cell or row key, line, rule, severity, message, review status, reason, reviewer, date.

import { pick, type Locale } from '../core/index.js';
import type { ReviewStatus } from '../config/index.js';
import { csvDocument } from './csvWriter.js';
import type { ReportFindings } from './record.js';

const HEADER: Record<Locale, string[]> = {
  'zh-CN': ['文件', '单位', '年度', '位置', '单元格或行', '行号', '规则', '级别', '问题', '审核状态', '理由', '审核人', '审核日期'],
  en: ['file', 'office', 'year', 'place', 'cell or row', 'line', 'rule', 'severity', 'message', 'status', 'reason', 'reviewer', 'date'],
};

const SEVERITY: Record<Locale, Record<string, string>> = {
  'zh-CN': { error: '错误', warning: '警告', information: '提示', hint: '暗示' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

const NOT_REVIEWED = { zh: '未审核', en: 'not reviewed' };

/** The review status as the column 审核状态 / status says it. */
const STATUS: Record<ReviewStatus, { zh: string; en: string }> = {
  confirmed: { zh: '已确认，待改正', en: 'confirmed, to be corrected' },
  accepted: { zh: '按原样接受', en: 'accepted as is' },
  'false-alarm': { zh: '误报', en: 'false alarm' },
};

export function findingsCsv(reports: readonly ReportFindings[], locale: Locale): string {
  const rows = reports.flatMap((r) =>
    r.findings.map((f) => [
      r.path,
      r.office,
      r.year === null ? '' : String(r.year),
      pick(f.placeName, locale),
      f.cell ?? f.row ?? '',
      String(f.range.start.line + 1),
      f.rule,
      SEVERITY[locale][f.severity] ?? f.severity,
      pick(f.message, locale),
      pick(f.review ? STATUS[f.review.status] : NOT_REVIEWED, locale),
      f.review?.reason ?? '',
      f.review?.reviewer ?? '',
      f.review?.date ?? '',
    ]),
  );
  return csvDocument(HEADER[locale], rows);
}
