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

// What the core works out of a report's own objects (a table's identities, an identity's finding,
// the last gathering…) is kept on those objects (recent.ts ObjectSlot, RuleMemo.gathered), never
// in a module-wide WeakMap: V8's young-generation collections (Node 20) copy what a long-lived
// WeakMap holds even when its key has died, so every report of a batch outlived its analysis
// (bench/RESULTS.md "Caches that outlived their report"). The WeakMaps left are keyed by the
// format's own objects, which live as long as the process.
const WEAKMAPS_ALLOWED: Record<string, string> = {
  'recent.ts': "perObject: the format's rows, columns and specs",
  'rules/identities.ts': "a plan's declaration: plans are made once per table shape",
  'prose/matcher.ts': "the format's word lists",
};

test("the core's module-wide WeakMaps are keyed by the format's own objects only", () => {
  const found: Record<string, number> = {};
  for (const f of files(CORE)) {
    const n = [...code(readFileSync(f, 'utf8')).matchAll(/new WeakMap\b/g)].length;
    if (n) found[relative(CORE, f).replaceAll('\\', '/')] = n;
  }
  for (const [file, n] of Object.entries(found)) assert.ok(file in WEAKMAPS_ALLOWED && n === 1, `${file}: ${n} WeakMap(s); keep what is worked out of a report's objects on them (recent.ts ObjectSlot)`);
  assert.deepEqual(Object.keys(found).sort(), Object.keys(WEAKMAPS_ALLOWED).sort(), 'the list names WeakMaps that are no longer there');
});
