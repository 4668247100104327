// Chinese and English everywhere in the client: every string it shows comes from
// client/src/messages.ts through t() (vscode.l10n, or the bundles themselves when
// `disclosureReport.locale` overrides the display language), and every one has its Chinese in
// l10n/bundle.l10n.zh-cn.json, with no English left in it; no other client file hands a string
// literal to a place the user reads (notifications, status bar, quick input, errors, webview
// titles); package.json's contributed strings have both languages. The real editor in zh-CN
// (test/e2e, scenario "zh-CN") looks at what is drawn.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { format, translate } from '../client/src/bundle.ts';

const ROOT = resolve(__dirname, '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const zh: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));

function clientFiles(dir = 'client/src'): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = `${dir}/${f}`;
    return statSync(join(ROOT, p)).isDirectory() ? clientFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The keys of every t('…') call (single-quoted literals; a template or a variable would not be found). */
function keysUsed(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const f of clientFiles()) {
    for (const m of read(f).matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.set(m[1].replace(/\\'/g, "'"), f);
    if (/\bt\(\s*[`"]/.test(read(f))) assert.fail(`${f}: t() with a template or double-quoted literal; use a single-quoted key`);
  }
  return keys;
}

/** Words that stay as they are in Chinese text: names of products, formats and commands. */
const KEPT = /\b(VS Code|Word|WPS|Excel|PDF|CSV|SARIF|docx|html?|pdf|disclosure-report|Git|JSON)\b/g;
/** File names (`.disclosure-report.json`, `a.pdf.txt`) stay as they are too. */
const FILE_NAME = /[\w.-]*\.(?:json|txt|docx|pdf|html?|csv|sarif)\b/g;
const englishIn = (s: string) => s.replace(/\{\d+\}|\{n\}/g, '').replace(FILE_NAME, '').replace(KEPT, '').match(/[A-Za-z]{2,}/g) ?? [];
const placeholders = (s: string) => [...s.matchAll(/\{(\d+|n)\}/g)].map((m) => m[0]).sort();

describe('client strings', () => {
  test('every t() key has its Chinese, with the same placeholders and no English word; every bundle entry is used', () => {
    const used = keysUsed();
    assert.ok(used.size > 60, `only ${used.size} keys found: the scan is broken`);
    for (const [key, file] of used) {
      const c = zh[key];
      assert.ok(c, `${file}: no Chinese for “${key}”`);
      assert.match(c, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, `“${key}”: its Chinese has no Chinese`);
      assert.deepEqual(englishIn(c), [], `“${key}” → “${c}”: English left in the Chinese`);
      assert.deepEqual(placeholders(c), placeholders(key), `“${key}”: placeholders differ`);
    }
    assert.deepEqual(Object.keys(zh).filter((k) => !used.has(k)), [], 'bundle entries no code uses');
  });

  test('no client file but messages.ts and bundle.ts hands a string literal to a place the user reads', () => {
    const sinks = [
      /\b(?:show(?:Information|Warning|Error)Message|setStatusBarMessage|showInputBox|showQuickPick|createOutputChannel)\(\s*['"`][^'"`]*[A-Za-z]{2}/,
      /\bnew Error\(\s*['"`]/,
      /\b(?:title|prompt|placeHolder|label|detail|tooltip|message|description)\s*[:=]\s*['"`][^'"`$]*[A-Za-z]{3}/,
      /\.(?:name|text)\s*=\s*['"`][^'"`$]*[A-Za-z]{3}/,
      // A literal handed to a message as its argument (a review that failed read "无法记录审阅：workspace.applyEdit").
      /\b(?:m|msg|this\.m|words)\.\w+\(\s*['"`][^'"`$]*[A-Za-z]{3}/,
    ];
    const offenders: string[] = [];
    for (const f of clientFiles()) {
      if (/\/(messages|bundle)\.ts$/.test(f)) continue;
      read(f)
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
          if (sinks.some((s) => s.test(line))) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offenders, []);
  });

  test('the zh-CN lookup: translated with arguments, English as the key; an unknown key falls back to itself', () => {
    assert.equal(translate('zh-CN', 'Checked {0} report(s): {1} error(s), {2} warning(s), {3} note(s). See the Problems panel.', 3, 2, 1, 0), '检查了 3 份报告：2 个错误，1 个警告，0 个提示。详见“问题”面板。');
    assert.equal(translate('en', 'Tables: {0}', 'a.txt'), 'Tables: a.txt');
    assert.equal(format('{1}-{0}-{2}', ['a', 'b']), 'b-a-{2}');
  });
});

describe('contributed strings (package.nls)', () => {
  const pkg = read('package.json');
  const en: Record<string, string> = JSON.parse(read('package.nls.json'));
  const cn: Record<string, string> = JSON.parse(read('package.nls.zh-cn.json'));

  test('every %key% of package.json is in both languages; the Chinese has Chinese', () => {
    const keys = [...new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
    assert.ok(keys.length > 30);
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(cn[k], `package.nls.zh-cn.json lacks ${k}`);
      assert.match(cn[k], /[\u4e00-\u9fff]/, `${k}: ${cn[k]}`);
    }
    assert.deepEqual(Object.keys(cn).filter((k) => !(k in en)), []);
  });

  test('every command is under the one category, 年度报告 / Disclosure Report; the bundle folder is declared and packaged', () => {
    const p = JSON.parse(pkg);
    for (const c of p.contributes.commands) assert.equal(c.category, '%category%', c.command);
    assert.equal(en.category, 'Disclosure Report');
    assert.equal(cn.category, '年度报告');
    assert.equal(p.l10n, './l10n');
    assert.match(read('.vscodeignore'), /^!l10n\/\*\*$/m);
  });

  test('command titles in Chinese have no English word but the kept names', () => {
    for (const [k, v] of Object.entries(cn)) if (k.startsWith('command.') || k.startsWith('view.')) assert.deepEqual(englishIn(v), [], `${k}: ${v}`);
  });
});
