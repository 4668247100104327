// A prose-copied finding from a batch match: at the report's title, naming the other report and
// quoting the longest shared passage (read from the report's lines, the fingerprint holds no text),
// with the other report's places in `related`.

import type { Diagnostic, RepeatedPassage } from '../diagnostics.js';
import type { Range } from '../model.js';
import type { CopiedMatch } from './batch.js';
import { placeOf, type ProseFingerprint } from './fingerprint.js';
import { copiedMsg } from './messages.js';

/** The text of sentences `from`..`to` of a fingerprint, read from the report's lines. */
function textOf(p: ProseFingerprint, from: number, to: number, lines: readonly string[]): string {
  let out = '';
  for (let i = from; i <= to; i++) {
    const r = placeOf(p, i);
    out += (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  }
  return out;
}

const span = (a: Range, b: Range): Range => {
  const after = b.start.line > a.start.line || (b.start.line === a.start.line && b.start.character >= a.start.character);
  return { start: a.start, end: after ? b.end : a.end };
};

/** The finding of one match (`prints` as given to findCopied; `lines`: the report's lines, as fingerprinted). */
export function copiedFinding(match: CopiedMatch, prints: readonly ProseFingerprint[], lines: readonly string[]): Diagnostic {
  const p = prints[match.report];
  const q = prints[match.other];
  const passages: RepeatedPassage[] = match.passages.map((x) => ({
    text: textOf(p, x.from, x.to, lines),
    range: span(placeOf(p, x.from), placeOf(p, x.to)),
    previousRange: span(placeOf(q, x.otherFrom), placeOf(q, x.otherTo)),
    length: x.length,
  }));
  return {
    rule: 'prose-copied',
    severity: 'information',
    range: p.anchor,
    message: copiedMsg.found(match.share, match.shared, match.counted, q.office, q.path, passages[0]?.text ?? ''),
    related: passages.map((x) => ({ path: q.path, range: x.previousRange, message: copiedMsg.related(q.office, q.path, x.length) })),
    details: { share: match.share, repeated: match.shared, counted: match.counted, passages },
  };
}
