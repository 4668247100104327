// Adding a reviewed entry to `.disclosure-report.json` as text edits that keep the file's own
// formatting (jsonc-parser's modify), or the whole text of a new file. Pure: the server turns the
// result into a workspace edit, a test applies it to a string.

import { applyEdits, modify, parse, type Edit, type FormattingOptions, type ParseError } from 'jsonc-parser';
import type { ReviewedEntry } from './load.js';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The text of a new config file holding `entry`. */
export function newConfigText(entry: ReviewedEntry, schemaUrl?: string): string {
  const doc: Record<string, unknown> = {};
  if (schemaUrl) doc.$schema = schemaUrl;
  doc.reviewed = [entry];
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * Offset edits that append `entry` to `reviewed` in `text` (creating the array when absent), or
 * undefined when `text` is not a JSON object (then the file is left to the user to repair).
 */
export function addReviewedEdits(text: string, entry: ReviewedEntry): Edit[] | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const src = text.slice(bom);
  const errors: ParseError[] = [];
  const raw = parse(src, errors, { disallowComments: true, allowEmptyContent: true });
  if (errors.length) return undefined;
  const eol = /\r\n/.test(src) ? '\r\n' : '\n';
  const formattingOptions = { ...FORMAT, eol };
  if (raw === undefined) return [{ offset: bom, length: src.length, content: newConfigText(entry).replace(/\n/g, eol) }];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const reviewed = (raw as { reviewed?: unknown }).reviewed;
  const edits = Array.isArray(reviewed)
    ? modify(src, ['reviewed', -1], entry, { formattingOptions })
    : modify(src, ['reviewed'], [entry], { formattingOptions });
  return edits.map((e) => ({ ...e, offset: e.offset + bom }));
}

/** `text` with `entry` added (a test and the CLI-free callers use it). */
export function withReviewed(text: string, entry: ReviewedEntry): string | undefined {
  const edits = addReviewedEdits(text, entry);
  return edits ? applyEdits(text, edits) : undefined;
}


