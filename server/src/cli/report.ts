// What checking one file yields (the diagnostics, what --fix changed and refused, or why the
// file could not be read), and the reason for a file error in the user's language.

import { pick, type Coverage, type Diagnostic, type FixChange, type Locale, type Localized, type Refusal } from '../core/index.js';
import { type ReviewedEntry } from '../config/index.js';
import { fileError, type SourceKind } from '../sources/index.js';

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
  fixed: FixChange[];
  refused: Refusal[];
  /** With --fix, when the write was refused (a read-only file, changed meanwhile): the changes it would have made. */
  unwritten?: FixChange[];
  error?: string;
  /** The source's kind (absent when it could not be read). */
  kind?: SourceKind;
  /** Said once for the file, e.g. that --fix changes nothing in a web page or a PDF. */
  notice?: string;
  /** The path of the report taken as last year's (--previous, or paired among the inputs). */
  previous?: string;
  /** Why no report was taken as last year's, when that is worth saying (two candidates). */
  pairing?: Localized;
  /** What was verified (core/coverage): absent when the file could not be read. */
  coverage?: Coverage;
  /** Every finding a reviewed entry of the config file matched (confirmed ones are also in `diagnostics`). */
  reviewed?: { d: Diagnostic; entry: ReviewedEntry }[];
}

/** The review entry of a diagnostic of `r` (matched by rule and start), if it was reviewed. */
export function reviewOf(r: FileReport, d: Diagnostic): ReviewedEntry | undefined {
  return r.reviewed?.find((x) => x.d.rule === d.rule && x.d.range.start.line === d.range.start.line && x.d.range.start.character === d.range.start.character)?.entry;
}

/** Why a path could not be read or written, as the user reads it (sources/fileErrors.ts: the server says the same). */
export function reason(e: unknown, locale: Locale): string {
  return pick(fileError(e), locale);
}
