// `disclosure-report check [--format text|json] [--fix] [--previous FILE] PATH...`: in two
// passes. First every input is read and decoded (a directory is walked), with --fix its derived
// cells recomputed and the file written back atomically, and analysed. Then each report is paired
// with last year's (--previous FILE, else the input of the same office and the year before) and
// the cross-year rules run on the pairs; then everything is printed. Exit 0: no error-severity
// diagnostic; 1: at least one; 2: bad usage or an unreadable input (the others are still checked).

import { analyzeText, applyEdits, crossCheck, findPrevious, recompute, withCrossYear, type Analysis, type Locale } from '../../core/index.js';
import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { decode, encode } from '../../sources/encoding.js';
import { readInput, walk, writeAtomic } from '../../sources/files.js';
import { cliText } from '../messages.js';
import { checkJson } from '../output/json.js';
import { fileText, summaryText, type Tally } from '../output/text.js';
import { reason, type FileReport } from '../report.js';

/** One input read (and fixed with `fix`) and analysed: what pairing and the cross-year rules need. */
export interface LoadedReport {
  report: FileReport;
  lines: string[];
  analysis: Analysis;
}

/** Reads, decodes and analyses one file (and fixes it in place with `fix`); throws when it cannot be read or written. */
export function loadFile(path: string, fix: boolean, locale: Locale): LoadedReport {
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
  const analysis = analyzeText(text, { name: path });
  report.diagnostics = analysis.diagnostics;
  return { report, lines: text.split(/\r\n|\r|\n/), analysis };
}

/** Checks one file on its own (no pairing); throws when it cannot be read or written. */
export function checkFile(path: string, fix: boolean, locale: Locale): FileReport {
  return loadFile(path, fix, locale).report;
}

/**
 * Last year's report of each input: `given` (--previous) for every input but itself, else the
 * input of the same office and the year before (core/years findPrevious over each report's
 * identity: title, period statement, file name). Two candidates pair with neither (the note says
 * which); an unknown office or year, or no candidate, pairs with nothing and says nothing.
 */
export function pairReports(inputs: readonly LoadedReport[], given?: LoadedReport): Map<LoadedReport, LoadedReport> {
  const out = new Map<LoadedReport, LoadedReport>();
  if (given) {
    for (const r of inputs) if (r.report.path !== given.report.path) out.set(r, given);
    return out;
  }
  const byPath = new Map(inputs.map((r) => [r.report.path, r]));
  const pairings = findPrevious(inputs.map((r) => ({ path: r.report.path, office: r.analysis.identity.office, year: r.analysis.identity.year })));
  pairings.forEach((p, i) => {
    const r = inputs[i];
    const prev = p.previous === null ? undefined : byPath.get(p.previous);
    if (prev) out.set(r, prev);
    else if (p.reason === 'ambiguous' && p.message) r.report.pairing = p.message;
  });
  return out;
}

/** Adds the cross-year diagnostics of a report against last year's. */
export function compareWith(r: LoadedReport, previous: LoadedReport): void {
  const cross = crossCheck(r.analysis, r.lines, { analysis: previous.analysis, lines: previous.lines, source: previous.report.path });
  r.report.diagnostics = withCrossYear(r.report.diagnostics, cross);
  r.report.previous = previous.report.path;
}

export const check = defineCommand({
  name: 'check',
  options: {
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
    previous: { type: 'string' },
  },
  run({ values, positionals }, { locale, io }) {
    const t = cliText(locale);
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(t.badFormat(String(format)), 'check');
    if (!positionals.length) throw new UsageError(t.noPaths, 'check');
    if (values.previous === '') throw new UsageError(t.badValue('--previous'), 'check');

    const { files, errors } = walk(positionals);
    let bad = errors.length > 0;
    for (const { path, error } of errors) io.err(t.unreadable(path, reason(error, locale)) + '\n');

    // Pass 1: read (and fix) and analyse every input.
    const reports: FileReport[] = [];
    const loaded: LoadedReport[] = [];
    for (const path of files) {
      try {
        const l = loadFile(path, !!values.fix, locale);
        loaded.push(l);
        reports.push(l.report);
      } catch (e) {
        bad = true;
        io.err(t.unreadable(path, reason(e, locale)) + '\n');
        reports.push({ path, diagnostics: [], fixed: [], refused: [], error: reason(e, locale) });
      }
    }

    // Pass 2: last year's report of each, and the cross-year rules on the pairs.
    let given: LoadedReport | undefined;
    if (values.previous !== undefined) {
      const path = values.previous;
      given = loaded.find((l) => l.report.path === path);
      if (!given) {
        try {
          given = loadFile(path, false, locale);
        } catch (e) {
          bad = true;
          io.err(t.unreadablePrevious(path, reason(e, locale)) + '\n');
        }
      }
    }
    if (values.previous === undefined || given) for (const [r, prev] of pairReports(loaded, given)) compareWith(r, prev);

    // Pass 3: print.
    const tally: Tally = { files: files.length, error: 0, warning: 0, notes: 0, fixes: 0 };
    for (const r of reports) {
      tally.fixes += r.fixed.length;
      for (const d of r.diagnostics) {
        if (d.severity === 'error' || d.severity === 'warning') tally[d.severity]++;
        else tally.notes++;
      }
      if (format === 'text' && !r.error) io.out(fileText(r, locale));
    }
    if (format === 'json') io.out(checkJson(reports, locale));
    else io.out(summaryText(tally, locale));
    return bad ? 2 : tally.error ? 1 : 0;
  },
});
