// What "Write fixes back to the .docx" says of the server's answer (`disclosureReport/writeBackSource`,
// protocol.ts WrittenFixes); drafts.ts shows it. One notification: the cells written back
// (information), nothing to write, or the write refused (an error). The cells, written or not, go
// to the fixes' output channel with `notify: false`: the channel's own "N change(s) applied" would
// stand beside this notification, and beside a refused write it would claim changes never made.
// Free of the vscode API, so that the unit tests read it (test/client-writeback.test.ts).
import type { FixReport, Localized, WrittenChange, WrittenFixes } from '../../server/src/protocol';

/** The words of the notification, for the file at hand (client/src/messages.ts). */
export interface WriteBackWords {
  written(n: number, skipped: number): string;
  nothing(): string;
  failed(why: string): string;
  notWritten(n: number): string;
  pick(l: Localized): string;
}

export interface WriteBackNotice {
  severity: 'information' | 'error';
  text: string;
  /** The cells for the fixes' output channel, when there are any (the notification then offers "Show changes"). */
  list?: FixReport;
  /** Whether the file was written (its draft reads it again). */
  written: boolean;
}

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
    return { severity: 'error', text: words.failed(words.pick(answer.error)), list: unwritten.length ? listed(words.notWritten(unwritten.length), unwritten) : undefined, written: false };
  }
  if (!answer.changes.length) return { severity: 'information', text: words.nothing(), written: false };
  const text = words.written(answer.changes.length, answer.skipped);
  return { severity: 'information', text, list: listed(text, answer.changes), written: true };
}
