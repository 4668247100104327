// The CLI's command structure: a dispatcher over commands, each with its own --help in Chinese and
// English, arguments read by parseArgs (options anywhere, `--opt=value`, `--` before paths), usage
// errors in the user's language; and output into a pipe whose reader goes away
// (`disclosure-report check … | head`): quiet, no EPIPE trace, the command's own exit code.
// Run: node test/run.mjs test/cli-commands.test.ts
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { localeOf, parseCommand, splitAtCommand, UsageError } from '../server/src/cli/args';
import { cliText } from '../server/src/cli/messages';
import { buildCli } from './lsp/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const EX = join(ROOT, 'examples');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const COMMANDS = ['check', 'text', 'export', 'new'];

before(async () => {
  // Built from the sources when they are newer (lsp/build.ts): a stale bundle would test old code.
  await buildCli();
});

describe('args.ts (in-process)', () => {
  test('the command is the first argument that is neither an option nor an option’s value', () => {
    assert.deepEqual(splitAtCommand(['--locale', 'en', 'check', '--fix', 'a.txt']), { command: 'check', before: ['--locale', 'en'], after: ['--fix', 'a.txt'] });
    assert.deepEqual(splitAtCommand(['--locale=en', '-h']), { before: ['--locale=en', '-h'], after: [] });
    assert.deepEqual(splitAtCommand([]), { before: [], after: [] });
  });

  test('--locale wherever it stands; zh* is Chinese, anything else English, none Chinese', () => {
    assert.equal(localeOf(['check', 'x', '--locale', 'en-US']), 'en');
    assert.equal(localeOf(['--locale=zh-TW', 'check']), 'zh-CN');
    assert.equal(localeOf(['check', 'x']), 'zh-CN');
    assert.equal(localeOf(['check', '--locale']), 'zh-CN');
  });

  test('a command’s options, strictly, with the common ones; errors as UsageError in the locale', () => {
    const options = { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false } } as const;
    const p = parseCommand(['a', '--format=json', 'b', '--fix', '--', '--c'], options, 'zh-CN', 'check');
    assert.deepEqual([p.values.format, p.values.fix, p.positionals], ['json', true, ['a', 'b', '--c']]);
    assert.throws(() => parseCommand(['--nope'], options, 'en', 'check'), (e) => e instanceof UsageError && e.message === 'unknown option: --nope' && e.command === 'check');
    assert.throws(() => parseCommand(['--format'], options, 'zh-CN', 'check'), (e) => e instanceof UsageError && e.message === '选项 --format 缺少取值或取值不对');
  });
});

describe('commands and their help', () => {
  test('every command has a summary and a help in both languages, and the global help lists them', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = cliText(locale);
      assert.deepEqual(Object.keys(t.help).sort(), [...COMMANDS].sort());
      assert.deepEqual(Object.keys(t.summaries).sort(), [...COMMANDS].sort());
      const global = run('--help', '--locale', locale);
      assert.equal(global.status, 0);
      for (const c of COMMANDS) {
        assert.ok(global.stdout.includes(t.summaries[c]), `${locale} global help lists ${c}`);
        const own = run(c, '--help', '--locale', locale);
        assert.equal(own.status, 0, own.stderr);
        assert.equal(own.stdout, t.help[c] + '\n');
        assert.equal(run(c, '-h', '--locale', locale).stdout, own.stdout);
        assert.equal(run('--locale', locale, '--help', c).stdout, own.stdout, 'the help of the command named after --help');
      }
    }
    assert.match(run('check', '--help').stdout, /^用法：disclosure-report check/);
    assert.match(run('check', '--help', '--locale', 'en').stdout, /^Usage: disclosure-report check/);
  });

  test('no arguments: the global help, exit 0; --version prints the version', () => {
    const r = run();
    assert.equal(r.status, 0);
    assert.match(r.stdout, /用法：disclosure-report <命令>/);
    const v = run('--version');
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('usage errors: exit 2, the message in the user’s language, then the command’s usage', () => {
    const cases: [string[], RegExp, RegExp][] = [
      [['check', '--nope', 'x.txt'], /^disclosure-report: 未知选项：--nope\n\n用法：disclosure-report check/, /^disclosure-report: unknown option: --nope\n\nUsage: disclosure-report check/],
      [['check', '--format'], /^disclosure-report: 选项 --format 缺少取值或取值不对/, /^disclosure-report: option --format is missing its value/],
      [['check', '--format', 'xml', 'x.txt'], /^disclosure-report: --format 只能是 text、json、sarif 或 csv，而不是 xml/, /^disclosure-report: --format is text, json, sarif or csv, not xml/],
      [['check', '--fix=yes', 'x.txt'], /^disclosure-report: 选项 --fix 缺少取值或取值不对/, /^disclosure-report: option --fix/],
      [['check'], /^disclosure-report: 请给出要检查的文件或目录/, /^disclosure-report: name the files or directories to check/],
      [['lint', 'x'], new RegExp(`^disclosure-report: 未知命令：lint（可用命令：${COMMANDS.join(', ')}）\n\n用法：disclosure-report <命令>`), new RegExp(`^disclosure-report: unknown command: lint \\(commands: ${COMMANDS.join(', ')}\\)`)],
    ];
    for (const [args, zh, en] of cases) {
      const a = run(...args);
      assert.equal(a.status, 2, args.join(' '));
      assert.match(a.stderr, zh);
      assert.equal(a.stdout, '');
      const b = run(...args, '--locale', 'en');
      assert.equal(b.status, 2);
      assert.match(b.stderr, en);
    }
  });

  test('options anywhere, --opt=value, and `--` before paths that look like options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-args-'));
    copyFileSync(join(EX, 'wrong-totals.report.txt'), join(dir, '--fix'));
    const a = run('check', join(EX, 'wrong-totals.report.txt'), '--format=json', '--locale=en');
    assert.equal(a.status, 1);
    assert.equal(JSON.parse(a.stdout).files.length, 1);
    const b = run('--locale', 'en', 'check', '--format', 'json', '--', join(dir, '--fix'));
    assert.equal(b.status, 1, b.stderr);
    assert.equal(JSON.parse(b.stdout).files[0].path, join(dir, '--fix'));
    assert.equal(readFileSync(join(dir, '--fix'), 'utf8'), readFileSync(join(EX, 'wrong-totals.report.txt'), 'utf8'), 'a path after -- is a path, not --fix');
  });
});

describe('output into a pipe that closes early (`check … | head`)', () => {
  // Enough output that the CLI is still writing when the reader goes: 400 reports with errors.
  const dir = mkdtempSync(join(tmpdir(), 'dr-epipe-'));
  const text = readFileSync(join(EX, 'wrong-totals.report.txt'));
  for (let i = 0; i < 400; i++) writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.txt`), text);

  /** Runs the CLI, reads its first chunk of stdout, then closes the read end; resolves on exit. */
  function cutShort(args: string[]): Promise<{ code: number | null; stderr: string; first: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let first = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', (d) => {
        first = String(d);
        child.stdout.destroy();
      });
      child.on('close', (code) => done({ code, stderr, first }));
    });
  }

  for (const format of ['text', 'json']) {
    test(`--format ${format}: no stack trace, nothing on stderr, the exit code says what was found`, async () => {
      const r = await cutShort(['check', '--format', format, dir]);
      assert.ok(r.first.length > 0);
      assert.equal(r.stderr, '', 'nothing on stderr');
      assert.equal(r.code, 1, 'the same exit code as with the whole output read');
    });
  }

  test('through a shell pipe into head', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check "${dir}" | head -n 2`], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim().split('\n').length, 2);
    assert.equal(r.stderr, '');
  });
});

describe('new: a report from the official template', () => {
  const draftChecked = (args: string[]) => {
    const made = run('new', ...args);
    assert.equal(made.status, 0, made.stderr);
    assert.equal(made.stderr, '');
    const dir = mkdtempSync(join(tmpdir(), 'dr-new-'));
    const file = join(dir, 'draft.txt');
    writeFileSync(file, made.stdout);
    const checked = run('check', '--format', 'json', file);
    return { text: made.stdout, checked, report: JSON.parse(checked.stdout) };
  };

  test('`new --office 青禾县数据资源局 --year 2025` prints a draft that check finds clean (exit 0, no diagnostic at all)', () => {
    const { text, checked, report } = draftChecked(['--office', '青禾县数据资源局', '--year', '2025']);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.equal(text.split('\n')[0], '青禾县数据资源局2025年政府信息公开工作年度报告');
    assert.match(text, /统计期限自2025年1月1日起至2025年12月31日止/);
    assert.match(text, /^行政事业性收费 \| +0 \|$/m, 'pipes, aligned (numbers right-aligned), by default');
    const files = report.files ?? report;
    const diagnostics = (Array.isArray(files) ? files : [files]).flatMap((f: { diagnostics: unknown[] }) => f.diagnostics);
    assert.deepEqual(diagnostics, []);
  });

  test('tabs and CRLF, and the defaults (placeholder office, last year) check clean too', () => {
    const tabs = draftChecked(['--layout', 'tabs', '--eol', 'crlf', '--office', '青禾县数据资源局']);
    assert.equal(tabs.checked.status, 0, tabs.checked.stdout);
    assert.match(tabs.text, /\r\n行政事业性收费\t0\r\n/);
    assert.ok(!/[^\r]\n/.test(tabs.text), 'every line ends in CRLF');
    const lastYear = new Date().getFullYear() - 1;
    const plain = draftChecked([]);
    assert.equal(plain.checked.status, 0, plain.checked.stdout);
    assert.equal(plain.text.split('\n')[0], `（机关名称）${lastYear}年政府信息公开工作年度报告`);
  });

  test('bad values are usage errors (exit 2) in the user’s language', () => {
    for (const [args, zh, en] of [
      [['--year', '25'], /--year 应为四位数字的年度/, /--year is a four-digit year/],
      [['--layout', 'grid'], /--layout 只能是 pipes 或 tabs/, /--layout is pipes or tabs/],
      [['--eol', 'cr'], /--eol 只能是 lf 或 crlf/, /--eol is lf or crlf/],
      [['extra.txt'], /未知选项/, /unknown option/],
    ] as [string[], RegExp, RegExp][]) {
      const r = run('new', ...args);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, zh);
      assert.match(r.stderr, /用法：disclosure-report new/);
      const e = run('new', ...args, '--locale', 'en');
      assert.match(e.stderr, en);
    }
  });
});
