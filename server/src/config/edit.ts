// Adding a reviewed entry to `.disclosure-report.json` as text edits that keep the rest of the
// file as it was (the entry goes after the last one, on a line of its own, indented like it, in
// the file's line ends; jsonc-parser finds where), or the whole text of a new file. Pure: the
// server turns the result into a workspace edit, a test applies it to a string.

import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type ParseError } from 'jsonc-parser';
import type { ReviewedEntry } from './load.js';

/** One entry on one line: `{ "rule": "…", "file": "…", "cell": "…", "reason": "" }`. */
export function entryText(entry: ReviewedEntry): string {
  return `{ ${Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/** The text of a new config file holding `entry`. */
export function newConfigText(entry: ReviewedEntry, eol = '\n'): string {
  return ['{', '  "reviewed": [', `    ${entryText(entry)}`, '  ]', '}', ''].join(eol);
}

function indentAt(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/**
 * Offset edits that append `entry` to `reviewed` in `text` (creating the array when absent), or
 * undefined when `text` is not a JSON object (then the file is left to the user to repair).
 */
export function addReviewedEdits(text: string, entry: ReviewedEntry): Edit[] | undefined {
  if (text.charCodeAt(0) === 0xfeff) return addReviewedEdits(text.slice(1), entry)?.map((e) => ({ ...e, offset: e.offset + 1 }));
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowEmptyContent: true });
  if (errors.length) return undefined;
  if (!root) return [{ offset: 0, length: text.length, content: newConfigText(entry, eol) }];
  if (root.type !== 'object') return undefined;
  const reviewed = findNodeAtLocation(root, ['reviewed']);
  if (!reviewed || reviewed.type !== 'array') {
    // Absent (or not an array: replaced) — jsonc-parser places the property and formats only it.
    const edits = modify(text, ['reviewed'], [], { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
    const withArray = applyEdits(text, edits);
    const again = addReviewedEdits(withArray, entry);
    if (!again) return undefined;
    // One edit over the whole text: the two steps composed.
    return [{ offset: 0, length: text.length, content: applyEdits(withArray, again) }];
  }
  const items = reviewed.children ?? [];
  if (items.length) {
    const last = items[items.length - 1];
    const end = last.offset + last.length;
    const indent = indentAt(text, last.offset);
    const sameLine = !/[\r\n]/.test(text.slice(reviewed.offset, last.offset));
    return [{ offset: end, length: 0, content: sameLine ? `, ${entryText(entry)}` : `,${eol}${indent}${entryText(entry)}` }];
  }
  // An empty array: the entry on its own line, one level deeper than the array's line.
  const base = indentAt(text, reviewed.offset);
  return [{ offset: reviewed.offset, length: reviewed.length, content: `[${eol}${base}  ${entryText(entry)}${eol}${base}]` }];
}

/** `text` with `entry` added (undefined when `text` is not a JSON object). */
export function withReviewed(text: string, entry: ReviewedEntry): string | undefined {
  const edits = addReviewedEdits(text, entry);
  return edits ? applyEdits(text, edits) : undefined;
}

/**
 * Offset edits that remove entry `index` of `reviewed` (with its comma and line), or undefined
 * when `text` is not valid JSON or has no such entry.
 */
export function removeReviewedEdits(text: string, index: number): Edit[] | undefined {
  const errors: ParseError[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseTree(text.slice(bom), errors, { disallowComments: true });
  if (errors.length || !root || root.type !== 'object') return undefined;
  const reviewed = findNodeAtLocation(root, ['reviewed']);
  const items = reviewed?.type === 'array' ? (reviewed.children ?? []) : [];
  if (!reviewed || !Number.isInteger(index) || index < 0 || index >= items.length) return undefined;
  const at = (offset: number, length: number, content = ''): Edit[] => [{ offset: offset + bom, length, content }];
  if (items.length === 1) return at(reviewed.offset, reviewed.length, '[]');
  const item = items[index];
  if (index < items.length - 1) return at(item.offset, items[index + 1].offset - item.offset);
  const prevEnd = items[index - 1].offset + items[index - 1].length;
  return at(prevEnd, item.offset + item.length - prevEnd);
}

/**
 * Offset edits that replace entry `index` of `reviewed` by `entry` (one line, in place: a finding
 * reviewed again keeps one entry), or undefined when `text` is not valid JSON or has no such entry.
 */
export function replaceReviewedEdits(text: string, index: number, entry: ReviewedEntry): Edit[] | undefined {
  const errors: ParseError[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseTree(text.slice(bom), errors, { disallowComments: true });
  if (errors.length || !root || root.type !== 'object') return undefined;
  const reviewed = findNodeAtLocation(root, ['reviewed']);
  const items = reviewed?.type === 'array' ? (reviewed.children ?? []) : [];
  if (!Number.isInteger(index) || index < 0 || index >= items.length) return undefined;
  return [{ offset: items[index].offset + bom, length: items[index].length, content: entryText(entry) }];
}

/** A date as the entries record it: ISO 8601, `2026-03-01` (UTC). */
export function isoDate(d: Date = new Date()): string {
  return d.toISOString().slice(0, 10);
}
