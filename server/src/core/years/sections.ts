// Section content: 五 and 六 must have text under their headings (section-empty), and 六 must
// say what information-processing fee was collected (section-fee), as the format asks. Headings
// come in as {line, sectionId} (from the core's analysis), so these rules do not depend on how
// the core recognises them.

import type { Range } from '../model.js';
import { CHINESE, DATE_LINE, FEE_MENTIONS, FEE_RULES_FROM, NOT_A_TITLE_PART, OFFICE_END, PAGE_MARK } from '../format/years.js';
import type { Finding } from './findings.js';
import { finding } from './findings.js';
import { yearsMsg } from './messages.js';

export interface SectionHeading {
  line: number;
  /** 1 … 6, the section the heading stands for. */
  sectionId: number;
  /** Column range of the heading text; default: the line's text without surrounding space. */
  start?: number;
  end?: number;
}

/** The sections whose emptiness is reported. */
const MUST_HAVE_TEXT = [5, 6];
const SIGNATURE_MAX = 30;

const headingRange = (lines: readonly string[], h: SectionHeading): Range => {
  const text = lines[h.line] ?? '';
  const start = h.start ?? text.length - text.trimStart().length;
  const end = h.end ?? text.trimEnd().length;
  return { start: { line: h.line, character: start }, end: { line: h.line, character: Math.max(start, end) } };
};

/**
 * The text lines of the section a heading opens (and text after a colon on the heading's line):
 * up to the next heading or the end, without
 * blank lines, page marks, and, when the section runs to the end, the signature (a date line that
 * closes the report, and the office's name right above it).
 */
export function sectionText(lines: readonly string[], headings: readonly SectionHeading[], h: SectionHeading): { line: number; text: string }[] {
  const next = headings.filter((x) => x.line > h.line).reduce((m, x) => Math.min(m, x.line), lines.length);
  const body: { line: number; text: string }[] = [];
  // Text on the heading's own line, after a colon (六、其他需要报告的事项：无).
  const own = lines[h.line] ?? '';
  const colon = own.search(/[:：]/);
  if (colon >= 0 && /[\p{L}\p{N}]/u.test(own.slice(colon + 1))) body.push({ line: h.line, text: own.slice(colon + 1).trim() });
  for (let l = h.line + 1; l < next; l++) {
    const t = lines[l].trim();
    if (!t || PAGE_MARK.test(t) || !/[\p{L}\p{N}]/u.test(t)) continue;
    body.push({ line: l, text: t });
  }
  if (next === lines.length) {
    // The signature: a date line last, and maybe the office's name right above it.
    if (body.length && DATE_LINE.test(body[body.length - 1].text)) {
      body.pop();
      const o = body[body.length - 1];
      if (o && o.text.length <= SIGNATURE_MAX && !NOT_A_TITLE_PART.test(o.text) && OFFICE_END.test(o.text)) body.pop();
    }
  }
  return body;
}

const firstOf = (headings: readonly SectionHeading[], id: number) =>
  headings.filter((h) => h.sectionId === id).sort((a, b) => a.line - b.line)[0];

/** section-empty: sections 五 and 六 that have a heading and no text, at the heading. */
export function sectionEmpty(lines: readonly string[], headings: readonly SectionHeading[]): Finding[] {
  const out: Finding[] = [];
  for (const id of MUST_HAVE_TEXT) {
    const h = firstOf(headings, id);
    if (!h || sectionText(lines, headings, h).length) continue;
    out.push(finding('section-empty', headingRange(lines, h), yearsMsg.sectionEmpty(id)));
  }
  return out;
}

/**
 * section-fee: section 六 with text that does not mention the fee (信息处理费, 收费, 费用 …), at its
 * heading. Not for reports of years before the fee rules (2021), nor for an empty section (that
 * is section-empty's), nor for one without Chinese text (a placeholder of an extraction).
 */
export function sectionFee(lines: readonly string[], headings: readonly SectionHeading[], year?: number | null): Finding[] {
  if (year != null && year < FEE_RULES_FROM) return [];
  const h = firstOf(headings, 6);
  if (!h) return [];
  const body = sectionText(lines, headings, h);
  // An empty section is section-empty's; one with no Chinese text (an extraction placeholder) is not judged.
  if (!body.some((b) => CHINESE.test(b.text))) return [];
  if (body.some((b) => FEE_MENTIONS.some((re) => re.test(b.text)))) return [];
  return [finding('section-fee', headingRange(lines, h), yearsMsg.sectionFee())];
}
