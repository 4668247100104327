// `disclosure-report check [--format text|json] [--fix] [--locale zh-CN|en] PATH...`
// A thin layer over the analysis core: read and decode files, check, fix, print.


import { ARITHMETIC_RULES, analyzeText, applyEdits, pick, recompute, resolveLocale, type Diagnostic, type FixChange, type Locale, type Refusal } from '../core/index.js';
import { decode, encode, InputError } from '../sources/encoding.js';
import { readInput, walk, writeAtomic } from '../sources/files.js';
import { cliText } from './messages.js';

declare const __VERSION__: string | undefined;

interface Options {
  format: 'text' | 'json';
  fix: boolean;
  locale: Locale;
  paths: string[];
}

class UsageError extends Error {}

/** `--locale X` or `--locale=X`, read before anything else so that even usage errors speak it. */
function localeOf(argv: string[]): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  return i < 0 ? 'zh-CN' : resolveLocale(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', fix: false, locale: localeOf(argv), paths: [] };
  const t = cliText(o.locale);
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return 'help';
  if (argv.includes('--version')) return 'version';
  const [cmd, ...rest] = argv;
  if (cmd !== 'check') throw new UsageError(t.badCommand(cmd));
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (onlyPaths || !a.startsWith('-') || a === '-') { o.paths.push(a); continue; }
    if (a === '--') onlyPaths = true;
    else if (a === '--fix') o.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.split('=')[1] : rest[++i];
      if (v !== 'text' && v !== 'json') throw new UsageError(t.badFormat(String(v)));
      o.format = v;
    } else if (a === '--locale') i++;
    else if (a.startsWith('--locale=')) continue;
    else throw new UsageError(t.badOption(a));
  }
  if (!o.paths.length) throw new UsageError(t.noPaths);
  return o;
}

interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
  fixed: FixChange[];
  refused: Refusal[];
  error?: string;
}

function reason(e: unknown, locale: Locale): string {
  const t = cliText(locale);
  const code = (e as { code?: string }).code;
  if (e instanceof InputError) return e.message === 'binary' ? t.binary : t.encoding;
  if (code === 'ENOENT') return t.notFound;
  if (code === 'EACCES' || code === 'EPERM') return t.denied;
  if (code === 'ETOOLARGE') return t.tooLarge(((e as { size: number }).size / 1048576).toFixed(1));
  if (code === 'ENOTFILE' || code === 'EISDIR') return t.notFile;
  if (code === 'ECHANGED') return t.changed;
  return String((e as Error).message ?? e);
}

function checkFile(path: string, o: Options): FileReport {
  const bytes = readInput(path);
  const decoded = decode(bytes);
  let text = decoded.text;
  const report: FileReport = { path, diagnostics: [], fixed: [], refused: [] };
  if (o.fix) {
    const result = recompute(text);
    report.refused = result.refused;
    if (result.edits.length) {
      const fixedText = applyEdits(text, result.edits);
      if (!encode(text, decoded).equals(bytes)) throw Object.assign(new Error(cliText(o.locale).noRoundTrip), { code: 'EROUNDTRIP' });
      writeAtomic(path, encode(fixedText, decoded), bytes);
      text = fixedText;
      report.fixed = result.changes;
    }
  }
  report.diagnostics = analyzeText(text).diagnostics;
  return report;
}

function toJson(r: FileReport, locale: Locale) {
  const out: Record<string, unknown> = {
    path: r.path,
    diagnostics: r.diagnostics.map((d) => {
      const j: Record<string, unknown> = { rule: d.rule, severity: d.severity, message: pick(d.message, locale), range: d.range };
      if (ARITHMETIC_RULES.has(d.rule)) Object.assign(j, { expected: d.expected, actual: d.actual });
      return j;
    }),
  };
  if (r.fixed.length || r.refused.length) {
    out.fixed = r.fixed.map((c) => ({ rule: c.rule, range: c.range, cell: locale === 'en' ? c.labelEn : c.label, old: c.old, new: c.new }));
    out.refused = r.refused.map((x) => ({ range: x.range, reason: pick(x.reason, locale) }));
  }
  if (r.error) out.error = r.error;
  return out;
}

function main(argv: string[]): number {
  let o: Options | 'help' | 'version';
  const locale = localeOf(argv);
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`disclosure-report: ${e.message}\n\n${cliText(locale).usage}\n`);
    return 2;
  }
  if (o === 'help') {
    process.stdout.write(cliText(locale).usage + '\n');
    return 0;
  }
  if (o === 'version') {
    process.stdout.write((typeof __VERSION__ === 'string' ? __VERSION__ : 'dev') + '\n');
    return 0;
  }
  const t = cliText(o.locale);
  const { files, errors } = walk(o.paths);
  let bad = errors.length > 0;
  for (const { path, error } of errors) process.stderr.write(t.unreadable(path, reason(error, o.locale)) + '\n');
  const reports: FileReport[] = [];
  let errorsFound = 0;
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixes = 0;
  for (const path of files) {
    let r: FileReport;
    try {
      r = checkFile(path, o);
    } catch (e) {
      bad = true;
      process.stderr.write(t.unreadable(path, reason(e, o.locale)) + '\n');
      reports.push({ path, diagnostics: [], fixed: [], refused: [], error: reason(e, o.locale) });
      continue;
    }
    reports.push(r);
    fixes += r.fixed.length;
    for (const d of r.diagnostics) counts[d.severity]++;
    errorsFound += r.diagnostics.filter((d) => d.severity === 'error').length;
    if (o.format === 'text') printText(r, o.locale);
  }
  if (o.format === 'json') {
    process.stdout.write(JSON.stringify({ version: 1, files: reports.map((r) => toJson(r, o.locale)) }, null, 2) + '\n');
  } else {
    process.stdout.write(t.summary(files.length, counts.error, counts.warning, counts.information + counts.hint, fixes) + '\n');
  }
  return bad ? 2 : errorsFound ? 1 : 0;
}

function printText(r: FileReport, locale: Locale) {
  const t = cliText(locale);
  const lines: string[] = [];
  const at = (p: { line: number; character: number }) => `${r.path}:${p.line + 1}:${p.character + 1}`;
  for (const c of r.fixed) lines.push(`${at(c.range.start)}: ${t.fixed} ${c.rule} ${locale === 'en' ? c.labelEn : c.label}: ${c.old} → ${c.new}`);
  for (const x of r.refused) lines.push(`${at(x.range.start)}: ${t.notFixed}: ${pick(x.reason, locale)}`);
  for (const d of r.diagnostics) lines.push(`${at(d.range.start)}: ${d.severity} ${d.rule} ${pick(d.message, locale)}`);
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}




try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`disclosure-report: internal error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 2;
}
