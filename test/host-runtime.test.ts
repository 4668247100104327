// The one runtime interface (server/src/host/runtime.ts) on Node: by path (the CLI's nodePaths) and
// by `file:` URI (the server's nodeUris) it answers alike — what is where, a folder's entries (a
// link as `other`), a regular file within a limit (a folder or a FIFO refused at once, never waited
// on), a write refused when the file changed — and each refusal reads as the same words
// (sources/fileErrors.ts). The browser's runtime (host/clientRuntime.ts) is run in headless
// Chromium by test/lsp/web-worker.test.ts. Run: node test/run.mjs test/host-runtime.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { nodePaths, nodeUris } from '../server/src/host/nodeRuntime';
import type { Runtime } from '../server/src/host/runtime';
import { canonicalUri } from '../server/src/lsp/files';
import { fileError } from '../server/src/sources/fileErrors';

const dir = mkdtempSync(join(tmpdir(), 'dr-runtime-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'folder'));
writeFileSync(join(dir, 'a.txt'), '本年度');
symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
const fifo = join(dir, 'fifo.txt');
spawnSync('mkfifo', [fifo]);

const RUNTIMES: [string, Runtime, (rel: string) => string][] = [
  ['nodePaths (the CLI)', nodePaths, (rel) => join(dir, rel)],
  ['nodeUris (the server on Node)', nodeUris, (rel) => canonicalUri(pathToFileURL(join(dir, rel)).href)],
];

/** What a read comes to: the bytes as text, or the words of its refusal. */
const outcome = (p: Promise<Uint8Array>) => p.then((b) => Buffer.from(b).toString('utf8'), (e: unknown) => `refused: ${fileError(e).en}`);

describe('the Node runtime, by path and by URI, answers alike', () => {
  const answers = RUNTIMES.map(([name, rt, at]) =>
    (async () => ({
      name,
      kinds: await Promise.all(['a.txt', 'link.txt', 'folder', 'nothing'].map(async (r) => (await rt.stat(at(r)))?.kind ?? 'none')),
      entries: (await rt.readDirectory(at(''))).filter(([n]) => n !== 'fifo.txt').sort(),
      reads: await Promise.all([outcome(rt.readFile(at('a.txt'), 100)), outcome(rt.readFile(at('link.txt'), 100)), outcome(rt.readFile(at('a.txt'), 3)), outcome(rt.readFile(at('folder'), 100)), outcome(rt.readFile(at('nothing'), 100))]),
      fifo: existsSync(fifo) ? await outcome(rt.readFile(at('fifo.txt'), 100)) : 'no mkfifo',
    }))(),
  );

  test('stat, readDirectory and readFile: the same answers and the same words', async () => {
    const [paths, uris] = await Promise.all(answers);
    assert.deepEqual(paths.kinds, ['file', 'file', 'directory', 'none']);
    assert.deepEqual(paths.entries, [['a.txt', 'file'], ['folder', 'directory'], ['link.txt', 'other']]);
    assert.deepEqual(paths.reads, ['本年度', '本年度', 'refused: file too large (0.0 MB; the limit is 0 MB)', 'refused: not a regular file', 'refused: no such file or directory']);
    if (paths.fifo !== 'no mkfifo') assert.equal(paths.fifo, 'refused: not a regular file');
    assert.deepEqual({ ...uris, name: '' }, { ...paths, name: '' });
  });

  test('writeFile replaces the file only while it holds what was read (ECHANGED otherwise, the file untouched)', async () => {
    for (const [name, rt, at] of RUNTIMES) {
      writeFileSync(join(dir, 'w.txt'), 'old');
      await assert.rejects(rt.writeFile(at('w.txt'), Buffer.from('new'), Buffer.from('other')), (e: unknown) => fileError(e).en === 'the file changed while being fixed; nothing written', name);
      assert.equal(readFileSync(join(dir, 'w.txt'), 'utf8'), 'old', name);
      await rt.writeFile(at('w.txt'), Buffer.from('new'), Buffer.from('old'));
      assert.equal(readFileSync(join(dir, 'w.txt'), 'utf8'), 'new', name);
    }
  });

  test('the root is its own parent; nodeUris reaches no other scheme (nothing there, a read refused)', async () => {
    assert.equal(nodePaths.parent('/'), '/');
    assert.equal(nodeUris.parent('file:///'), 'file:///');
    assert.equal(nodeUris.join('file:///w', '报告 2025.txt'), 'file:///w/%E6%8A%A5%E5%91%8A%202025.txt');
    assert.equal(await nodeUris.stat('vscode-vfs://github/o/r/a.txt'), undefined);
    assert.equal(await outcome(nodeUris.readFile('vscode-vfs://github/o/r/a.txt', 100)), 'refused: Only files on disk can be opened');
  });
});
