// Check All Reports in the editor finds what `disclosure-report check <folder>` finds: one folder of
// reports (the example drafts, two years of the example office whose carry-over differs, two offices
// whose prose is the same (prose-copied, found over the batch by both), and, where
// ../shared is present, the seeds and the published reports with their pairs of two years), checked
// by the CLI and by the server's workspace check (dist/server.js over stdio) — per file the same
// rules at the same places, last year's pairing included. Both go through one diagnostics service
// on the server's side (lsp/reportDiagnostics.ts diagnosticsFor), so push, pull and the check agree.
// Run: node test/run.mjs test/lsp/check-agrees.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { canonicalUri } from '../../server/src/lsp/files';
import { SERVER_COMMANDS } from '../../server/src/protocol';
import { composeReport as composeKeyed, exampleReport } from '../helpers/compose.mjs';
import { OWN, proseReport } from '../helpers/copied';
import { HAS_SHARED, SHARED } from '../helpers/shared';
import { buildCli, buildServer } from './build';
import { ROOT, TestClient } from './client';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
type Found = { rule: string; severity: string; range: { start: { line: number; character: number } } };
const at = (d: Found) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.rule}`;

describe('Check All Reports agrees with `check <folder>`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-agree-'));
  let c: TestClient;
  before(async () => {
    await Promise.all([buildServer(), buildCli()]);
    for (const name of readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.txt'))) copyFileSync(join(ROOT, 'examples', name), join(dir, name));
    const example = exampleReport();
    mkdirSync(join(dir, 'office'));
    writeFileSync(join(dir, 'office/2024年报告.txt'), composeKeyed({ ...example, year: 2024 }));
    writeFileSync(join(dir, 'office/2025年报告.txt'), composeKeyed(example));
    mkdirSync(join(dir, 'copied'));
    writeFileSync(join(dir, 'copied/a.txt'), proseReport('南岭县卫生健康委员会', 2024, OWN));
    writeFileSync(join(dir, 'copied/b.txt'), proseReport('白石镇人民政府', 2024, OWN));
    if (HAS_SHARED) {
      for (const sub of ['seeds', 'real'] as const) {
        mkdirSync(join(dir, sub));
        for (const name of readdirSync(join(SHARED, sub)).filter((n) => n.endsWith('.txt'))) copyFileSync(join(SHARED, sub, name), join(dir, sub, name));
      }
    } else console.log('# ../shared not present beside the checkout: the folder holds the examples and the composed pair only (CI has it)');
    c = await TestClient.start({ workspaceFolders: [canonicalUri(pathToFileURL(dir).href)] });
  });
  after(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('per file, the same findings at the same places, with last year’s report paired alike', async () => {
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '--locale', 'en', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const files: { path: string; previous?: string; diagnostics: Found[] }[] = JSON.parse(cli.stdout).files;
    assert.ok(files.length >= 3, cli.stderr);
    // The composed pair is paired by the CLI, and its carry-over differs.
    const paired = files.find((f) => f.path.endsWith('2025年报告.txt'))!;
    assert.ok(paired.previous?.endsWith('2024年报告.txt'), JSON.stringify(paired.previous));
    assert.ok(paired.diagnostics.some((d) => d.rule === 'carryover-mismatch'));
    // The two offices with the same prose: prose-copied on both, and on no other report.
    assert.deepEqual(files.filter((f) => f.diagnostics.some((d) => d.rule === 'prose-copied')).map((f) => f.path.split(/[\\/]/).slice(-2).join('/')), ['copied/a.txt', 'copied/b.txt']);

    const summary = await c.request<{ reports: number; cancelled: boolean }>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] });
    assert.equal(summary.cancelled, false);
    const last = new Map<string, PublishDiagnosticsParams>();
    for (const p of c.published) last.set(p.uri, p);
    for (const f of files) {
      const uri = canonicalUri(pathToFileURL(f.path).href);
      const p = last.get(uri);
      assert.ok(p, `the check published ${f.path}`);
      const editor = p.diagnostics.map((d) => at({ rule: String(d.code), severity: SEVERITY[d.severity!], range: d.range }));
      assert.deepEqual(editor, f.diagnostics.map(at), f.path);
      // A file on disk has no version: `data` holds only where, which cell or row, and the suspect.
      for (const d of p.diagnostics) assert.deepEqual(Object.keys((d.data ?? {}) as object).filter((k) => !['at', 'cell', 'row', 'suspect'].includes(k)), [], `${f.path}: data ${JSON.stringify(d.data)}`);
    }
    assert.equal(summary.reports, files.length);
  });
});
