// What "Write fixes back to the .docx" says of the server's answer (`disclosureReport/writeBackSource`,
// protocol.ts WrittenFixes); drafts.ts shows it. One notification: the cells written back
// (information), nothing to recompute, nothing written as no cell could be (a warning naming the
// cells and why), or the write refused (an error). The cells, written or not, go to the fixes'
// output channel with `notify: false`: the channel's own "N change(s) applied" would stand beside
// this notification, and beside a refused write it would claim changes never made. The channel's
// heading names the file (`fixLogHeading`), so the titles given to it do not.
// Free of the vscode API, so that the unit tests read it (test/client-writeback.test.ts).
import type { FixReport, Localized, SkippedChange, WrittenChange, WrittenFixes } from '../../server/src/protocol';

/** The words of the notification, for the file at hand (client/src/bundle.ts writeBackStrings). */
export interface WriteBackWords {
  /** Notification: `n` cells written; `skipped` more could not be, for `why`. */
  written(n: number, skipped: number, why: string): string;
  /** Notification: no derived cell to recompute. */
  nothing(): string;
  /** Notification: nothing written, as none of the `n` cells (named in `cells`) could be, for `why`. */
  noneWritten(n: number, why: string, cells: string): string;
  failed(why: string): string;
  /** The channel's titles (the heading names the file): the cells written; those a refused write would have changed; those that could not be written, and why. */
  writtenList(n: number): string;
  notWritten(n: number): string;
  skippedList(n: number, why: string): string;
  /** Cells named one after the other (the list's separator of the language). */
  join(names: string[]): string;
  pick(l: Localized): string;
}

export interface WriteBackNotice {
  severity: 'information' | 'warning' | 'error';
  text: string;
  /** The cells for the fixes' output channel, one heading each (the notification then offers "Show changes"). */
  lists: FixReport[];
  /** Whether the file was written (its draft reads it again). */
  written: boolean;
}

/** The file name of a URI, as the fixes' channel and the notifications name it. */
export const fileNameOf = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

/** The heading of one entry of the fixes' output channel: the time, the file (once), the title. */
export function fixLogHeading(report: Pick<FixReport, 'uri' | 'title'>, time: string): string {
  return `[${time}] ${fileNameOf(report.uri)} — ${report.title}`;
}

/** Named in a notification: at most this many cells, then "…". */
const NAMED = 3;

/** The notification and the listed cells for the answer about the .docx at `uri`. */
export function writeBackNotice(uri: string, answer: WrittenFixes, words: WriteBackWords): WriteBackNotice {
  const listed = (title: string, changes: WrittenChange[]): FixReport => ({
    uri,
    title,
    changes: changes.map((x) => ({ line: x.line, rule: x.rule, key: x.key, what: words.pick(x.label), old: x.old, new: x.new })),
    notify: false,
  });
  if ('error' in answer) {
    // What would have changed, cell by cell, so that it can be made in Word by hand.
    const unwritten = answer.unwritten ?? [];
    return { severity: 'error', text: words.failed(words.pick(answer.error)), lists: unwritten.length ? [listed(words.notWritten(unwritten.length), unwritten)] : [], written: false };
  }
  // The cells that could not be written, one list per reason.
  const skipped = answer.skipped ?? [];
  const reasons = new Map<string, SkippedChange[]>();
  for (const s of skipped) {
    const why = words.pick(s.why);
    reasons.set(why, [...(reasons.get(why) ?? []), s]);
  }
  const why = [...reasons.keys()].join('; ');
  const skippedLists = [...reasons].map(([w, cells]) => listed(words.skippedList(cells.length, w), cells));
  if (!answer.changes.length) {
    if (!skipped.length) return { severity: 'information', text: words.nothing(), lists: [], written: false };
    const names = skipped.slice(0, NAMED).map((s) => `${words.pick(s.label)} ${s.old} → ${s.new}`);
    const cells = words.join(skipped.length > NAMED ? [...names, '…'] : names);
    return { severity: 'warning', text: words.noneWritten(skipped.length, why, cells), lists: skippedLists, written: false };
  }
  const text = words.written(answer.changes.length, skipped.length, why);
  return { severity: 'information', text, lists: [listed(words.writtenList(answer.changes.length), answer.changes), ...skippedLists], written: true };
}
