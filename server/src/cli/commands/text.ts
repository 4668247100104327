// `disclosure-report text FILE...`: prints the draft a file converts to — the text `check` reads
// and whose lines its ranges count (a .docx, web page or PDF in the tab layout: prose one
// paragraph a line, every table row one line, cells split by tabs). One file: the text alone,
// so that it can be redirected into a .txt. Several (or a folder): each preceded by a header
// line `==> PATH <==`, as `head` and `tail` do, and parted by an empty line. Exit 0; 2 when a
// file cannot be read (said on stderr; the others are still printed).

import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { problemLines, readAll } from '../inputs.js';
import { cliText } from '../messages.js';
import { shown } from '../shown.js';

export const text = defineCommand({
  name: 'text',
  options: {},
  async run({ positionals }, { locale, io }) {
    const t = cliText(locale);
    if (!positionals.length) throw new UsageError(t.noFiles, 'text');
    const { inputs, unwalkable } = await readAll(positionals, locale);
    let bad = unwalkable.length > 0;
    for (const { path, error } of unwalkable) io.err(t.unreadable(path, error) + '\n');
    const several = inputs.length > 1;
    let first = true;
    for (const input of inputs) {
      if (input.error || !input.source) {
        bad = true;
        io.err(t.unreadable(input.path, input.error ?? '') + '\n');
        continue;
      }
      for (const line of problemLines(input, locale)) io.err(line + '\n');
      const body = input.source.text;
      if (several) io.out(`${first ? '' : '\n'}==> ${shown(input.path)} <==\n`);
      io.out(several && body && !body.endsWith('\n') ? body + '\n' : body);
      first = false;
    }
    return bad ? 2 : 0;
  },
});
