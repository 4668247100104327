// `disclosure-report check [--format text|json] [--fix] PATH...`: read and decode each file (a
// directory is walked), check it with the core, with --fix recompute the derived cells and write
// the file back atomically, and print. Exit 0: no error-severity diagnostic; 1: at least one;
// 2: bad usage or an unreadable input (the other inputs are still checked).

import { analyzeText, applyEdits, pick, recompute, splitWithEols, type Diagnostic, type Locale } from '../../core/index.js';
import { applyConfig, CONFIG_FILE, staleDiagnostic } from '../../config/index.js';
import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { decode, encode } from '../../sources/encoding.js';
import { readInput, walk, writeAtomic } from '../../sources/files.js';
import { ConfigFinder, configRelative, type FoundConfig } from '../config.js';
import { cliText } from '../messages.js';
import { checkJson } from '../output/json.js';
import { fileText, summaryText, type Tally } from '../output/text.js';
import { reason, type FileReport } from '../report.js';

/** Checks one file (and fixes it in place with `fix`); throws when it cannot be read or written. */
export function checkFile(path: string, fix: boolean, locale: Locale, config?: FoundConfig): FileReport {
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
  if (config) withConfig(report, text, config);
  return report;
}

/** The config's severities and reviewed findings applied to a report (stale entries at its top). */
function withConfig(report: FileReport, text: string, config: FoundConfig): void {
  if (config.problems.some((p) => p.fatal)) return;
  const [lines] = splitWithEols(text);
  const applied = applyConfig(report.diagnostics, { file: configRelative(config, report.path), lines }, config.config);
  const stale = applied.staleReviewed.map((s) => staleDiagnostic(s.entry, CONFIG_FILE) as unknown as Diagnostic);
  report.diagnostics = [...stale, ...applied.kept];
}

export const check = defineCommand({
  name: 'check',
  options: {
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
    config: { type: 'string' },
  },
  run({ values, positionals }, { locale, io }) {
    const t = cliText(locale);
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(t.badFormat(String(format)), 'check');
    if (!positionals.length) throw new UsageError(t.noPaths, 'check');

    const { files, errors } = walk(positionals);
    let bad = errors.length > 0;
    for (const { path, error } of errors) io.err(t.unreadable(path, reason(error, locale)) + '\n');
    const finder = new ConfigFinder(typeof values.config === 'string' ? values.config : undefined);
    const reported = new Set<string>();
    /** The config for a file; its problems said once on stderr (a syntax error or an unreadable --config: exit 2). */
    const configFor = (path: string): FoundConfig | undefined => {
      let c: FoundConfig | undefined;
      try {
        c = finder.forFile(path);
      } catch (e) {
        if (!reported.has('--config')) {
          reported.add('--config');
          bad = true;
          io.err(t.unreadable(String(values.config), reason(e, locale)) + '\n');
        }
        return undefined;
      }
      if (c && !reported.has(c.path)) {
        reported.add(c.path);
        for (const p of c.problems) io.err(`${c.path}:${p.line + 1}:${p.character + 1}: ${pick(p.message, locale)}\n`);
        if (c.problems.some((p) => p.fatal)) bad = true;
      }
      return c;
    };
    const reports: FileReport[] = [];
    const tally: Tally = { files: files.length, error: 0, warning: 0, notes: 0, fixes: 0 };
    for (const path of files) {
      let r: FileReport;
      try {
        r = checkFile(path, !!values.fix, locale, configFor(path));
      } catch (e) {
        bad = true;
        io.err(t.unreadable(path, reason(e, locale)) + '\n');
        reports.push({ path, diagnostics: [], fixed: [], refused: [], error: reason(e, locale) });
        continue;
      }
      reports.push(r);
      tally.fixes += r.fixed.length;
      for (const d of r.diagnostics) {
        if (d.severity === 'error' || d.severity === 'warning') tally[d.severity]++;
        else tally.notes++;
      }
      if (format === 'text') io.out(fileText(r, locale));
    }
    if (format === 'json') io.out(checkJson(reports, locale));
    else io.out(summaryText(tally, locale));
    return bad ? 2 : tally.error ? 1 : 0;
  },
});
