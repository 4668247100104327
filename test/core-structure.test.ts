// Invariants of the core's layout: it imports nothing outside server/src/core (no LSP, no
// node:, no VS Code), and the format lives only in its data (core/format/) and the message
// catalogue (core/messages.ts): no Chinese word (a Han character) anywhere else in the core's code,
// comments aside. Full-width forms and punctuation are typography, which the text modules handle.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CORE = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The code without comments (string contents kept; a `//` inside a string or regex is rare enough here to be checked by hand). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.replace(/(^|[^:'"`\\])\/\/.*$/, '$1')).join('\n');
}

test('the format is data at the bottom: core/format/ imports only itself and i18n.ts (no arrow back up)', () => {
  const FORMAT = join(CORE, 'format');
  for (const f of files(FORMAT)) {
    for (const m of code(readFileSync(f, 'utf8')).matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const target = resolve(dirname(f), m[1]).replace(/\.js$/, '.ts');
      assert.ok(!relative(FORMAT, target).startsWith('..') || target === join(CORE, 'i18n.ts'), `${relative(CORE, f)} imports ${m[1]}, above the format`);
    }
  }
});

test('the core imports nothing outside itself', () => {
  for (const f of files(CORE)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      assert.ok(spec.startsWith('.'), `${relative(CORE, f)} imports the package ${spec}`);
      assert.ok(!relative(CORE, resolve(dirname(f), spec)).startsWith('..'), `${relative(CORE, f)} imports ${spec}, outside the core`);
    }
  }
});

test('no Chinese in the core’s code outside the format data and the message catalogue', () => {
  // The format data lives under format/; each module's user-facing sentences in its messages.ts.
  const allowed = (f: string) => relative(CORE, f).startsWith('format') || /(^|\/)messages\.ts$/.test(relative(CORE, f));
  const offending: string[] = [];
  for (const f of files(CORE).filter((x) => !allowed(x))) {
    code(readFileSync(f, 'utf8')).split('\n').forEach((line, i) => {
      if (/[\u3400-\u4dbf\u4e00-\u9fff]/.test(line)) offending.push(`${relative(CORE, f)}:${i + 1}: ${line.trim().slice(0, 60)}`);
    });
  }
  assert.deepEqual(offending, []);
});
