// `disclosure-report check [--format text|json] [--fix] PATH...`: read and decode each file (a
// directory is walked), check it with the core, with --fix recompute the derived cells and write
// the file back atomically, and print. Exit 0: no error-severity diagnostic; 1: at least one;
// 2: bad usage or an unreadable input (the other inputs are still checked).

import { analyzeText, applyEdits, recompute, type Locale } from '../../core/index.js';
import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { decode, encode } from '../../sources/encoding.js';
import { readInput, walk, writeAtomic } from '../../sources/files.js';
import { cliText } from '../messages.js';
import { JsonStream } from '../output/json.js';
import { fileText, summaryText, type Tally } from '../output/text.js';
import { reason, type FileReport } from '../report.js';

/** Checks one file (and fixes it in place with `fix`); throws when it cannot be read or written. */
export function checkFile(path: string, fix: boolean, locale: Locale): FileReport {
  const bytes = readInput(path);
  const decoded = decode(bytes);
  let text = decoded.text;
  const report: FileReport = { path, diagnostics: [], fixed: [], refused: [] };
  if (fix) {
    const result = recompute(analyzeText(text));
    report.refused = result.refused;
    if (result.edits.length) {
      const fixedText = applyEdits(text, result.edits);
      if (!encode(text, decoded).equals(bytes)) throw Object.assign(new Error(cliText(locale).noRoundTrip), { code: 'EROUNDTRIP' });
      writeAtomic(path, encode(fixedText, decoded), bytes);
      text = fixedText;
      report.fixed = result.changes;
    }
  }
  report.diagnostics = analyzeText(text).diagnostics;
  return report;
}

export const check = defineCommand({
  name: 'check',
  options: {
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
  },
  run({ values, positionals }, { locale, io }) {
    const t = cliText(locale);
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(t.badFormat(String(format)), 'check');
    if (!positionals.length) throw new UsageError(t.noPaths, 'check');

    const { files, errors } = walk(positionals);
    let bad = errors.length > 0;
    for (const { path, error } of errors) io.err(t.unreadable(path, reason(error, locale)) + '\n');
    const json = format === 'json' ? new JsonStream(io.out, locale) : null;
    const tally: Tally = { files: files.length, error: 0, warning: 0, notes: 0, fixes: 0 };
    for (const path of files) {
      let r: FileReport;
      try {
        r = checkFile(path, !!values.fix, locale);
      } catch (e) {
        bad = true;
        io.err(t.unreadable(path, reason(e, locale)) + '\n');
        json?.file({ path, diagnostics: [], fixed: [], refused: [], error: reason(e, locale) });
        continue;
      }
      json?.file(r);
      tally.fixes += r.fixed.length;
      for (const d of r.diagnostics) {
        if (d.severity === 'error' || d.severity === 'warning') tally[d.severity]++;
        else tally.notes++;
      }
      if (format === 'text') io.out(fileText(r, locale));
    }
    if (json) json.end();
    else io.out(summaryText(tally, locale));
    return bad ? 2 : tally.error ? 1 : 0;
  },
});
