// `disclosure-report check [--format text|json|sarif|csv] [--fix] [--config FILE] [--previous FILE] PATH...`:
// 1. read and convert every input (inputs.ts: plain text, .docx, .html/.htm, .pdf; folders walked
//    for all of them); 2. with --fix recompute the derived cells and write each file back atomically
//    (text files as they were encoded, a .docx through the sources layer; web pages and PDFs are
//    never written); 3. pair each report with last year's (--previous FILE, else the input of the
//    same office and the year before) and run the cross-year rules on the pairs; 4. apply
//    `.disclosure-report.json` (found upward, or --config) and print: text, JSON, or the findings
//    list (findings/: SARIF 2.1.0 or CSV), reviewed findings in each with their status and reason
//    (--fix leaves the cells reviewed as accepted alone). Over several files, a tally:
//    for each rule, how many reports fail it. Exit 0: no error-severity diagnostic; 1: at least
//    one; 2: bad usage or an unreadable input (the other inputs are still checked).
// With --jobs N, step 1 runs on threads (cli/jobs.ts); the output is the same. In text or JSON each
// report is kept slim from when it is read (cli/job-transfer.ts): no analysis stays alive until pairing.

import { analyzeText, copiedFinding, coverage, crossCheckRecord, findCopied, yearRecord, proseFingerprint, fullyChecked, findPrevious, pick, splitWithEols, withCrossYear, type Locale, type YearRecord } from '../../core/index.js';
import { applyConfig, CONFIG_FILE, settledIn, staleDiagnostic, thresholdOf } from '../../config/index.js';
import { findingsCsv, reportFindings, sarifLog, type ReportFindings } from '../../findings/index.js';
import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { nodePaths } from '../../host/nodeRuntime.js';
import { fixSource, NO_RUN } from '../../sources/fixSource.js';
import { bufferOf } from '../../sources/index.js';
import { ConfigFinder, configRelative, type FoundConfig } from '../config.js';
import { onInterrupt, type Interrupt } from '../interrupt.js';
import { shown } from '../shown.js';
import { problemLines, progressLine, readOne, type Input } from '../inputs.js';
import { analyzeInputs, jobsOption } from '../jobs.js';
import { cliText } from '../messages.js';
import { batched } from '../output/batched.js';
import { JsonStream } from '../output/json.js';
import { fileText, ruleTally, summaryText, tallyText, type Tally } from '../output/text.js';
import { reason, type FileReport } from '../report.js';

/** Writes the recompute fixes of one input back to its file (sources/fixSource); returns the input as re-read. */
async function fixInput(input: Input, report: FileReport, locale: Locale, keep: ReadonlySet<string>): Promise<Input> {
  const t = cliText(locale);
  const { source, bytes, analysis } = input;
  if (!source || !bytes || !analysis) return input;
  const fixed = await fixSource(input.path, bytes, source, (b, expected) => nodePaths.writeFile(input.path, b, expected), { analysis, keep });
  if (!fixed) {
    report.notice = t.readOnlySource(source.kind);
    return input;
  }
  report.refused = [...fixed.refused, ...fixed.skipped.map((e) => ({ range: e.range, reason: NO_RUN }))];
  // A refused write changed nothing: what it would have changed is said as such.
  if (fixed.error) {
    report.unwritten = fixed.changes;
    throw fixed.error;
  }
  report.fixed = fixed.changes;
  if (!fixed.written) return input;
  return { ...input, bytes: bufferOf(fixed.bytes), source: fixed.source, analysis: analyzeText(fixed.source.text, { name: input.path }) };
}

/** An input read (and fixed) with its report: what pairing and the cross-year rules need. */
interface Checked {
  input: Input;
  report: FileReport;
}

const linesOf = (input: Input) => splitWithEols(input.source?.text ?? '')[0];

/**
 * Last year's report of each input: `given` (--previous) for every input but itself, else the
 * input of the same office and the year before (core/years findPrevious over each report's
 * identity: title, period statement, file name). Two candidates pair with neither (the report
 * says which); an unknown office or year, or no candidate, pairs with nothing and says nothing.
 */
export function pairReports(checked: readonly Checked[], given?: Input): Map<Checked, Input> {
  const out = new Map<Checked, Input>();
  if (given) {
    for (const c of checked) if (c.input.path !== given.path) out.set(c, given);
    return out;
  }
  const byPath = new Map(checked.map((c) => [c.input.path, c.input]));
  const pairings = findPrevious(checked.map((c) => ({ path: c.input.path, office: c.input.analysis!.identity.office, year: c.input.analysis!.identity.year })));
  pairings.forEach((p, i) => {
    const c = checked[i];
    const prev = p.previous === null ? undefined : byPath.get(p.previous);
    if (prev) out.set(c, prev);
    else if (p.reason === 'ambiguous' && p.message) c.report.pairing = p.message;
  });
  return out;
}

/** Adds the cross-year diagnostics of a report against last year's, from their year records. */
function compareWith(c: Checked, previous: Input, recordOf: (input: Input) => YearRecord): void {
  c.report.diagnostics = withCrossYear(c.report.diagnostics, crossCheckRecord(recordOf(c.input), { record: recordOf(previous), source: previous.path }));
  c.report.previous = previous.path;
}

/** The config's severities and reviewed findings applied to a report (stale entries at its top). */
function withConfig(report: FileReport, text: string, config: FoundConfig): void {
  if (config.problems.some((p) => p.fatal)) return;
  const [lines] = splitWithEols(text);
  const applied = applyConfig(report.diagnostics, { file: configRelative(config, report.path), lines }, config.config);
  const stale = applied.staleReviewed.map((s) => staleDiagnostic(s.entry, CONFIG_FILE, config.config));
  report.diagnostics = [...stale, ...applied.kept];
  report.reviewed = applied.reviewed;
}

/** The cells `--fix` leaves alone in a file: those its config file records as accepted or a false alarm. */
function keptCells(path: string, config: FoundConfig | undefined): ReadonlySet<string> {
  if (!config || config.problems.some((p) => p.fatal)) return new Set();
  return settledIn(config.config, configRelative(config, path)).cells;
}

type Io = Parameters<Parameters<typeof defineCommand>[0]['run']>[1]['io'];
type Result = Checked | { error: FileReport };

/**
 * The configuration file for each of `paths` (upward from it, or `--config`), looked up before the
 * first is needed; its problems are said once on stderr when it is first asked for, and a syntax
 * error or an unreadable `--config` calls `fail` (exit 2).
 */
async function configLookup(configPath: string | undefined, paths: readonly string[], locale: Locale, io: Io, fail: () => void): Promise<(path: string) => FoundConfig | undefined> {
  const t = cliText(locale);
  const finder = new ConfigFinder(configPath);
  const found = new Map<string, { config?: FoundConfig; error?: unknown; at?: string }>();
  for (const path of paths) {
    if (found.has(path)) continue;
    const at = await finder.locate(path);
    try {
      found.set(path, { config: at ? await finder.load(at) : undefined });
    } catch (error) {
      found.set(path, { error, at: configPath ?? at ?? undefined });
    }
  }
  const reported = new Set<string>();
  return (path) => {
    const f = found.get(path);
    if (f?.error !== undefined) {
      const at = String(f.at);
      if (!reported.has(at)) {
        reported.add(at);
        fail();
        io.err(t.unreadable(at, reason(f.error, locale)) + '\n');
      }
      return undefined;
    }
    const c = f?.config;
    if (c && !reported.has(c.where)) {
      reported.add(c.where);
      for (const p of c.problems) io.err(`${shown(c.where)}:${p.line + 1}:${p.character + 1}: ${pick(p.message, locale)}\n`);
      if (c.problems.some((p) => p.fatal)) fail();
    }
    return c;
  };
}

/**
 * Pass 2: each input fixed (with `fix`), an unreadable one said on stderr (`fail`: exit 2). A file
 * whose fix cannot be written is still reported with its findings, and says why. With `stop`
 * (Ctrl-C), fixing ends between two files: every file is fixed whole or untouched.
 */
async function fixEach(inputs: Input[], fix: boolean, locale: Locale, io: Io, fail: () => void, configFor: (path: string) => FoundConfig | undefined, stop?: Interrupt): Promise<Result[]> {
  const t = cliText(locale);
  const results: Result[] = [];
  for (let input of inputs) {
    if (stop) {
      // Let a signal in between two files (the writes themselves are synchronous: never half done).
      await new Promise((resolve) => setImmediate(resolve));
      if (stop.stopped) break;
    }
    if (input.error) {
      fail();
      io.err(t.unreadable(input.path, input.error) + '\n');
      results.push({ error: { path: input.path, diagnostics: [], fixed: [], refused: [], error: input.error } });
      continue;
    }
    for (const line of problemLines(input, locale)) io.err(line + '\n');
    const r: FileReport = { path: input.path, kind: input.source?.kind, diagnostics: [], fixed: [], refused: [] };
    if (fix) {
      try {
        input = await fixInput(input, r, locale, keptCells(input.path, configFor(input.path)));
      } catch (e) {
        fail();
        io.err(t.cannotWrite(input.path, reason(e, locale)) + '\n');
        r.notice = t.notWritten(reason(e, locale));
      }
    }
    r.diagnostics = input.analysis?.diagnostics ?? [];
    if (input.analysis) r.coverage = input.prepared?.coverage ?? coverage(input.analysis);
    results.push({ input, report: r });
  }
  return results;
}

/** Pass 3: last year's report of each (`--previous`, else paired among the inputs), and the cross-year rules over the reports' year records. */
async function compareYears(results: Result[], previousPath: string | undefined, locale: Locale, io: Io, fail: () => void): Promise<void> {
  const checked = results.filter((x): x is Checked => 'input' in x && !!x.input.analysis);
  let given: Input | undefined;
  if (previousPath !== undefined) {
    given = checked.find((c) => c.input.path === previousPath)?.input;
    if (!given) {
      const one = await readOne(previousPath, locale);
      if (one.error || !one.analysis) {
        fail();
        io.err(cliText(locale).unreadablePrevious(previousPath, one.error ?? '') + '\n');
        return;
      }
      given = one;
    }
  }
  // A slim input's record was made when it was read; a whole one's (--fix, SARIF, CSV) is made here, once.
  const made = new Map<Input, YearRecord>();
  const recordOf = (input: Input): YearRecord => {
    let r = input.prepared?.year ?? made.get(input);
    if (!r) made.set(input, (r = yearRecord(input.analysis!, linesOf(input))));
    return r;
  };
  for (const [c, prev] of pairReports(checked, given)) compareWith(c, prev, recordOf);
}

/**
 * Pass 3b: prose-copied over the batch: each report's sentence hashes (no text kept), then the
 * reports sharing most of their prose with another office's report of the same year (above the
 * threshold of each report's config file, else 50 %).
 */
function copiedAcross(results: Result[], configFor: (path: string) => FoundConfig | undefined): void {
  const checked = results.filter((x): x is Checked => 'input' in x && !!x.input.analysis);
  if (checked.length < 2) return;
  const prints = checked.map((c) => c.input.prepared?.fingerprint ?? proseFingerprint(c.input.analysis!, linesOf(c.input), c.input.path));
  const threshold = new Map(prints.map((p) => {
    const config = configFor(p.path);
    return [p, thresholdOf('prose-copied', config?.problems.some((x) => x.fatal) ? undefined : config?.config.thresholds)];
  }));
  for (const m of findCopied(prints, { threshold: (p) => threshold.get(p)! })) {
    const c = checked[m.report];
    c.report.diagnostics = withCrossYear(c.report.diagnostics, [copiedFinding(m, prints, linesOf(c.input))]);
  }
}

/** Pass 4: the configuration file, the output (JSON as a stream, file by file) and the tally; the count of errors. */
declare const __VERSION__: string | undefined;

type Format = 'text' | 'json' | 'sarif' | 'csv';
const FORMATS: readonly string[] = ['text', 'json', 'sarif', 'csv'];

function printAll(results: Result[], format: Format, locale: Locale, io: Io, configFor: (path: string) => FoundConfig | undefined): number {
  // Written in chunks (output/batched.ts); every config file's problems were said before (copiedAcross asked each report's).
  const stdout = batched(io.out);
  try {
    return printEach(results, format, locale, stdout.out, configFor);
  } finally {
    stdout.flush();
  }
}

function printEach(results: Result[], format: Format, locale: Locale, out: (s: string) => void, configFor: (path: string) => FoundConfig | undefined): number {
  const json = format === 'json' ? new JsonStream(out, locale) : null;
  /** For sarif and csv: every readable report's findings, written at the end. */
  const lists: ReportFindings[] = [];
  /** The rule ids each readable report raised, for the tally. */
  const failing: string[][] = [];
  const tally: Tally = { files: results.length, error: 0, warning: 0, notes: 0, fixes: 0, partial: 0 };
  for (const x of results) {
    if ('error' in x) {
      json?.file(x.error);
      continue;
    }
    const { input, report: r } = x;
    const config = configFor(input.path);
    if (config && input.source) withConfig(r, input.source.text, config);
    if (format === 'sarif' || format === 'csv') lists.push(reportFindings(r.path, input.analysis, r.diagnostics, r.reviewed));
    failing.push(r.diagnostics.map((d) => d.rule));
    json?.file(r);
    tally.fixes += r.fixed.length;
    let errors = 0;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      if (d.severity === 'error' || d.severity === 'warning') tally[d.severity]++;
      else tally.notes++;
    }
    if (!errors && r.coverage && !fullyChecked(r.coverage)) tally.partial++;
    if (format === 'text') out(fileText(r, locale));
  }
  const rules = results.length > 1 ? ruleTally(failing) : undefined;
  if (format === 'sarif') out(sarifLog(lists, { locale, toolVersion: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' }));
  else if (format === 'csv') out(findingsCsv(lists, locale));
  else if (json) json.end(rules);
  else out((rules ? tallyText(rules, failing.length, locale) : '') + summaryText(tally, locale));
  return tally.error;
}

export const check = defineCommand({
  name: 'check',
  options: {
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
    config: { type: 'string' },
    previous: { type: 'string' },
    jobs: { type: 'string' },
  },
  async run({ values, positionals }, { locale, io }) {
    const t = cliText(locale);
    const format = values.format;
    if (typeof format !== 'string' || !FORMATS.includes(format)) throw new UsageError(t.badFormat(String(format)), 'check');
    if (!positionals.length) throw new UsageError(t.noPaths, 'check');
    if (values.previous === '') throw new UsageError(t.badValue('--previous'), 'check');
    const jobs = jobsOption(values.jobs, !!values.fix, t.badValue('--jobs'));
    let bad = false;
    const fail = () => void (bad = true);

    // Pass 1: read and convert every input.
    const progress = progressLine(io.errIsTTY, io.err);
    // In text or JSON, what is printed needs no analysis's tables: each input is kept slim (job-transfer.ts).
    const slim = !values.fix && (format === 'text' || format === 'json');
    const analyzed = await analyzeInputs(positionals, jobs, locale, progress.step, slim);
    const { inputs, unwalkable } = analyzed;
    progress.done();
    if (unwalkable.length) fail();
    for (const { path, error } of unwalkable) io.err(t.unreadable(path, error) + '\n');

    const configFor = await configLookup(typeof values.config === 'string' ? values.config : undefined, inputs.filter((i) => !i.error).map((i) => i.path), locale, io, fail);
    const stop = values.fix ? onInterrupt() : undefined;
    let results: Result[];
    try {
      results = await fixEach(inputs, !!values.fix, locale, io, fail, configFor, stop);
    } finally {
      stop?.dispose();
    }
    if (stop?.stopped) {
      const fixed = results.filter((x) => 'report' in x && x.report.fixed.length).length;
      io.err(t.interrupted(fixed, inputs.length - results.length) + '\n');
      return 130;
    }
    await compareYears(results, typeof values.previous === 'string' ? values.previous : undefined, locale, io, fail);
    analyzed.close();
    copiedAcross(results, configFor);
    const errors = printAll(results, format as Format, locale, io, configFor);
    return bad ? 2 : errors ? 1 : 0;
  },
});
