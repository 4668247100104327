// The server setup (lsp/server.ts: startServer(connection)) bundles for a browser worker: nothing
// in its import graph needs Node (no node: built-ins, no vscode-languageserver/node). Only the
// Node entry (lsp/node.ts) does, and bundling that for the browser fails, which shows the check
// can fail. Run: node test/run.mjs test/lsp/browser.test.ts
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { bundleOptions } from '../../esbuild.mjs';
import { ROOT } from './client';

const bundle = (entry: string) =>
  esbuild.build({ absWorkingDir: ROOT, entryPoints: [join(ROOT, entry)], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', define: { __VERSION__: '"test"' } });

describe('a browser entry can follow', () => {
  test('lsp/server.ts and everything it imports bundle for the browser', async () => {
    const r = await bundle('server/src/lsp/server.ts');
    assert.deepEqual(r.errors, []);
    const code = r.outputFiles[0].text;
    assert.ok(code.includes('function startServer'));
    assert.doesNotMatch(code, /\brequire\(["'](node:)?(fs|child_process|net|os|path)["']\)|from ["']node:/);
  });

  test('lsp/node.ts does not (it is the Node entry)', async () => {
    await assert.rejects(bundle('server/src/lsp/node.ts'));
  });

  test('the shipped web bundles build as esbuild.mjs makes them: the worker server and the web client, with no Node module left', async () => {
    for (const name of ['web-server', 'web-client'] as const) {
      const r = await esbuild.build({ ...bundleOptions(name), write: false, sourcemap: false });
      assert.deepEqual(r.errors, [], name);
      const code = r.outputFiles[0].text;
      assert.doesNotMatch(code, /\brequire\(["'](node:)?(fs|child_process|net|os|path|crypto|module|url)["']\)|from ["']node:/, name);
    }
    // package.json points VS Code for the Web at the web client.
    const pkg = JSON.parse((await import('node:fs')).readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.browser, `./${bundleOptions('web-client').outfile}`);
  });
});
