// `disclosure-report export [--format csv|json] [--output FILE] PATH...` (CONTRACT.md "export"):
// one record per report — path, office, year, format, every cell by key, errors, warnings and
// the failing rules — as CSV (UTF-8 with a BOM, RFC 4180, the keys as header) or as JSON
// `{ version: 1, reports: [...] }`, on stdout or atomically into FILE. Folders are walked for
// every source kind. A progress line `\r12/300` on stderr while reading, when it is a terminal.
// Exit 0; 2 for bad usage or an unreadable input (said on stderr; the others are exported).

import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { problemLines, progressLine, readAll } from '../inputs.js';
import { cliText } from '../messages.js';
import { csvDocument } from '../../findings/csvWriter.js';
import { writeFileAtomic } from '../../sources/files.js';
import { COLUMNS, exportRecord, recordFields, type ExportRecord } from '../output/records.js';
import { reason } from '../report.js';
import { sameFile } from '../../sources/files.js';

export const exportCommand = defineCommand({
  name: 'export',
  options: {
    format: { type: 'string', default: 'csv' },
    output: { type: 'string', short: 'o' },
  },
  async run({ values, positionals }, { locale, io }) {
    const t = cliText(locale);
    const format = values.format;
    if (format !== 'csv' && format !== 'json') throw new UsageError(t.badExportFormat(String(format)), 'export');
    if (!positionals.length) throw new UsageError(t.noPaths, 'export');

    const progress = progressLine(io.errIsTTY, io.err);
    const { inputs, unwalkable } = await readAll(positionals, locale, progress.step);
    progress.done();
    // `export -o a.txt a.txt` (or a folder holding the output): never write over a report read.
    if (values.output && inputs.some((i) => sameFile(i.path, values.output!))) {
      io.err(t.outputIsInput(values.output) + '\n');
      return 2;
    }
    let bad = unwalkable.length > 0;
    for (const { path, error } of unwalkable) io.err(t.unreadable(path, error) + '\n');
    const records: ExportRecord[] = [];
    for (const input of inputs) {
      if (input.error || !input.source || !input.analysis) {
        bad = true;
        io.err(t.unreadable(input.path, input.error ?? '') + '\n');
        continue;
      }
      for (const line of problemLines(input, locale)) io.err(line + '\n');
      records.push(exportRecord(input.path, input.source.text, input.analysis));
    }
    const doc =
      format === 'csv'
        ? csvDocument(COLUMNS, records.map(recordFields))
        : JSON.stringify({ version: 1, reports: records }, null, 2) + '\n';
    if (values.output) {
      try {
        writeFileAtomic(values.output, Buffer.from(doc, 'utf8'));
      } catch (e) {
        io.err(t.cannotWrite(values.output, reason(e, locale)) + '\n');
        return 2;
      }
      io.err(t.exported(records.length, values.output) + '\n');
    } else {
      io.out(doc);
    }
    return bad ? 2 : 0;
  },
});
