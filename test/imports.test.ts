// The import graph of the sources (server/src, client/src), read from the files themselves: no
// import cycle anywhere; no LSP feature module imports another (what they share lives in a
// service or a module beside them); only the Node entry of the server imports
// 'vscode-languageserver/node' or node: modules, so that a browser entry can reuse the rest; the
// client shares the server's names through server/src/protocol.ts and nothing else of the server;
// node:fs is imported by sources/files.ts alone (besides the pdf.js loaders' look for their files),
// and every file the CLI and the server read or write goes through the one runtime (host/).
// Run: node test/run.mjs test/imports.test.ts
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = resolve(__dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports or re-exports (type-only imports included: they are edges too). */
function specifiers(code: string): string[] {
  const out: string[] = [];
  const noComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const re = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of noComments.matchAll(re)) out.push(m[1] ?? m[2]);
  return out;
}

/** A relative specifier resolved to a source file (`./x.js` → `x.ts`), or undefined for packages. */
function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && /\.(ts|mts|json)$/.test(c)) ?? candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const files = [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))];
const graph = new Map<string, { local: string[]; packages: string[] }>();
for (const f of files) {
  const local: string[] = [];
  const packages: string[] = [];
  for (const s of specifiers(readFileSync(f, 'utf8'))) {
    const r = resolveLocal(f, s);
    if (r) local.push(r);
    else if (!s.startsWith('.')) packages.push(s);
    else assert.fail(`${relative(ROOT, f)} imports ${s}, which does not resolve`);
  }
  graph.set(f, { local, packages });
}
const rel = (p: string) => relative(ROOT, p);

/** The cycles of a graph (one per strongly connected component of more than one node, or a self-loop). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc);
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('the import graph of server/src and client/src', () => {
  test('the scanner sees imports, re-exports, type-only and dynamic imports', () => {
    assert.deepEqual(specifiers(`import a from './a.js';\nimport type { B } from "./b.js";\nexport * from './c.js';\nexport { d } from './d.js';\nconst e = await import('./e.js');\n// import x from './commented.js';\nimport './side.js';`), ['./a.js', './b.js', './c.js', './d.js', './e.js', './side.js']);
    assert.ok(graph.size > 20, `only ${graph.size} source files found`);
    assert.ok([...graph.values()].some((x) => x.local.length > 0));
  });

  test('no import cycle (type-only imports count)', () => {
    const g = new Map([...graph].map(([f, x]) => [f, x.local]));
    assert.deepEqual(cycles(g).map((c) => c.map(rel).sort()), []);
    // The checker finds a cycle when there is one.
    assert.equal(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])).length, 1);
  });

  test('no LSP feature module imports another feature module', () => {
    const features = join(ROOT, 'server/src/lsp/features');
    const featureFiles = files.filter((f) => dirname(f) === features);
    assert.ok(featureFiles.length >= 10, `features found: ${featureFiles.map(rel)}`);
    const offending = featureFiles.flatMap((f) => graph.get(f)!.local.filter((t) => dirname(t) === features).map((t) => `${rel(f)} → ${rel(t)}`));
    assert.deepEqual(offending, []);
  });

  test('every feature module is registered by the server (server.ts lists them)', () => {
    const server = join(ROOT, 'server/src/lsp/server.ts');
    const featureFiles = files.filter((f) => dirname(f) === join(ROOT, 'server/src/lsp/features'));
    for (const f of featureFiles) assert.ok(graph.get(server)!.local.includes(f), `${rel(f)} is not imported by server.ts`);
  });

  test('only the Node entry (lsp/node.ts) of the server imports vscode-languageserver/node or node: modules', () => {
    const lsp = files.filter((f) => rel(f).startsWith('server/src/lsp/'));
    const offending = lsp.filter((f) => !f.endsWith('/lsp/node.ts')).flatMap((f) => graph.get(f)!.packages.filter((p) => p === 'vscode-languageserver/node' || p.startsWith('node:')).map((p) => `${rel(f)} → ${p}`));
    assert.deepEqual(offending, []);
  });

  test('node:fs is imported by one module, sources/files.ts (the Node file access under the Node runtime, host/nodeRuntime.ts); the pdf.js loaders and --jobs’s thread starter only look for their own files beside the bundle', () => {
    const fsUsers = files.filter((f) => graph.get(f)!.packages.some((p) => /^(node:)?fs(\/promises)?$/.test(p))).map(rel).sort();
    assert.deepEqual(fsUsers, ['server/src/cli/jobs.ts', 'server/src/sources/files.ts', 'server/src/sources/pdf-cmaps.ts', 'server/src/sources/pdf.ts']);
    // Those three only ask whether a file of the bundle is there.
    for (const f of ['server/src/cli/jobs.ts', 'server/src/sources/pdf-cmaps.ts', 'server/src/sources/pdf.ts']) {
      assert.deepEqual(readFileSync(join(ROOT, f), 'utf8').match(/import [^;]* from 'node:fs';/g), [`import { existsSync } from 'node:fs';`], f);
    }
    // The scanner sees both spellings.
    assert.deepEqual(specifiers(`import { stat } from 'node:fs/promises';\nimport * as fs from 'fs';`), ['node:fs/promises', 'fs']);
  });

  test('files are read and written through the one runtime (host/runtime.ts): sources/files.ts only under the Node runtime, the CLI\'s walk and `export --output`; the Node runtime only in the CLI and the Node entry', () => {
    const importers = (target: string) => files.filter((f) => graph.get(f)!.local.includes(join(ROOT, target))).map(rel).sort();
    assert.deepEqual(importers('server/src/sources/files.ts'), ['server/src/cli/commands/export.ts', 'server/src/cli/inputs.ts', 'server/src/host/nodeRuntime.ts']);
    // inputs.ts takes only the walk of it (reading goes through the runtime).
    assert.match(readFileSync(join(ROOT, 'server/src/cli/inputs.ts'), 'utf8'), /^import \{ walk \} from '\.\.\/sources\/files\.js';$/m);
    assert.deepEqual(importers('server/src/host/nodeRuntime.ts'), ['server/src/cli/commands/check.ts', 'server/src/cli/config.ts', 'server/src/cli/inputs.ts', 'server/src/lsp/node.ts']);
    assert.deepEqual(importers('server/src/host/clientRuntime.ts'), ['server/src/lsp/browser.ts']);
  });

  test('outside the core, code reaches it only through its API modules: core/index.ts, and core/draft, core/years and core/format’s index.ts (the client’s detect.ts: core/format/f2021.ts; protocol.ts: types)', () => {
    const rel = (f: string) => relative(ROOT, f);
    const api = new Set(['server/src/core/index.ts', 'server/src/core/draft/index.ts', 'server/src/core/years/index.ts', 'server/src/core/format/index.ts']);
    const offending = files
      // protocol.ts imports types only (it names the requests' payloads), nothing at run time.
      .filter((f) => !rel(f).startsWith('server/src/core/') && rel(f) !== 'server/src/protocol.ts')
      .flatMap((f) => graph.get(f)!.local.filter((t) => rel(t).startsWith('server/src/core/') && !api.has(rel(t))).map((t) => `${rel(f)} → ${rel(t)}`))
      .filter((x) => x !== 'client/src/detect.ts → server/src/core/format/f2021.ts');
    assert.deepEqual(offending, []);
  });

  test('the server imports nothing of the client; the client imports only protocol.ts and the format data (core/format/f2021.ts, detect.ts) of the server', () => {
    const client = files.filter((f) => rel(f).startsWith('client/src/'));
    const server = files.filter((f) => rel(f).startsWith('server/src/'));
    assert.deepEqual(server.flatMap((f) => graph.get(f)!.local.filter((t) => rel(t).startsWith('client/')).map((t) => `${rel(f)} → ${rel(t)}`)), []);
    const reach = client.flatMap((f) => graph.get(f)!.local.filter((t) => rel(t).startsWith('server/')).map((t) => `${rel(f)} → ${rel(t)}`));
    assert.deepEqual([...new Set(reach)].sort(), ['client/src/detect.ts → server/src/core/format/f2021.ts', ...[...new Set(reach)].filter((x) => x.endsWith('→ server/src/protocol.ts'))].sort());
    // The format data brings nothing of the server at run time: its imports are types only.
    const f2021 = readFileSync(join(ROOT, 'server/src/core/format/f2021.ts'), 'utf8');
    assert.deepEqual(f2021.split('\n').filter((l) => /^import\s/.test(l) && !/^import type\s/.test(l)), []);
  });
});
