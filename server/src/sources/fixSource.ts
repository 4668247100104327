// The one write-back path, for `check --fix` and the editor's "write fixes back" alike: the
// recompute's edits of a source's draft written into the file's own bytes (a text file in its
// encoding and BOM, a .docx by rewriting the derived cells' runs), the edits a .docx could not take
// dropped from what is reported, the file replaced whole by the caller's writer (a temporary file
// renamed over it: never half-written), then read again. No Node, no LSP: the writer is the runtime's.

import { analyzeText, applyEdits, recompute, type Analysis, type FixChange, type Localized, type Refusal, type TextEdit } from '../core/index.js';
import { bufferOf, encode } from './encoding.js';
import { readSource, writeBack, type TextSourceResult } from './index.js';
import type { SourceResult } from './types.js';

/** Replaces the file with `bytes` unless it no longer holds `expected` (then throws ECHANGED). */
export type WriteFile = (bytes: Uint8Array, expected: Uint8Array) => void | Promise<void>;

export interface SourceFixed {
  /** The recompute's changes now in the file (a .docx's skipped edits left out). */
  changes: FixChange[];
  /** Derived cells the recompute would not change, and why. */
  refused: Refusal[];
  /** Edits a .docx could not take (no text run in the cell): neither written nor in `changes`. */
  skipped: TextEdit[];
  /** The recompute's changes of the `skipped` edits (cell, old → new), to say which cells were not written and why (`NO_RUN`). */
  unwritable: FixChange[];
  /** Whether the file was written. */
  written: boolean;
  /** Why nothing was written, when the writer (or the text's encoding) refused: the rest still says what would have changed. */
  error?: unknown;
  /** The file as it now is: read again after a write, else as given. */
  bytes: Uint8Array;
  source: SourceResult;
}

/** Why a skipped edit was not written: its cell has no text in the document to replace (a blank cell in Word). */
export const NO_RUN: Localized = { zh: '文档中该单元格没有可替换的文字', en: 'the cell has no text in the document to replace' };

const noRoundTrip = () => Object.assign(new Error('the encoding does not round-trip'), { code: 'EROUNDTRIP' });

/**
 * Writes the recompute fixes of `source` (read from `bytes` of the file `name`) back through
 * `write`. `analysis` is the draft's, when the caller has it; `keep`, the cells left as written
 * (reviewed as accepted). null for a source no fix is written into (a web page, a PDF). A failed
 * write comes back as `error` (what `write` threw, or EROUNDTRIP for a text whose encoding would
 * not give its bytes back), the file untouched; reading the result again throws SourceError.
 */
export async function fixSource(name: string, bytes: Uint8Array, source: SourceResult, write: WriteFile, opts: { analysis?: Analysis; keep?: ReadonlySet<string> } = {}): Promise<SourceFixed | null> {
  if (!source.writable) return null;
  const result = recompute(opts.analysis ?? analyzeText(source.text), { keep: opts.keep });
  const unchanged: SourceFixed = { changes: [], refused: result.refused, skipped: [], unwritable: [], written: false, bytes, source };
  if (!result.edits.length) return unchanged;
  // A text file is written in its own encoding: only when that gives its bytes back as they were.
  if (source.kind === 'text' && 'decoded' in source && !encode(source.text, (source as TextSourceResult).decoded).equals(bufferOf(bytes))) return { ...unchanged, error: noRoundTrip() };
  const out = writeBack(source, bytes, result.edits);
  if (!out) return null;
  const skipped = new Set(out.skipped.map((e) => JSON.stringify(e.range)));
  const changes = result.changes.filter((c) => !skipped.has(JSON.stringify(c.range)));
  const unwritable = result.changes.filter((c) => skipped.has(JSON.stringify(c.range)));
  if (!out.applied.length) return { ...unchanged, skipped: out.skipped, unwritable };
  try {
    await write(out.bytes, bytes);
  } catch (error) {
    return { ...unchanged, changes, skipped: out.skipped, unwritable, error };
  }
  // A text's draft is the text the edits made (its encoding gives it back, checked above).
  const again = source.kind === 'text' ? { ...source, text: applyEdits(source.text, result.edits) } : await readSource(name, out.bytes);
  return { changes, refused: result.refused, skipped: out.skipped, unwritable, written: true, bytes: out.bytes, source: again };
}
