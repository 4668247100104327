// The published reports and the real drafts of ../shared, made into a .docx and a saved web
// page (with the format's merged cells) by the test helper: read back, each gives the same
// findings at the same cell keys as its text. Skipped where ../shared is absent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSource } from '../server/src/sources/index.ts';
import { findings } from './helpers/findings.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';
import { makeDocx, makeHtml } from './helpers/sources.ts';

describe('shared reports through .docx and .html', { skip: SKIP_SHARED }, () => {
  for (const dir of ['real', 'seeds'] as const) {
    for (const { name, text } of sharedFiles(dir)) {
      test(`${dir}/${name}`, async () => {
        const expected = findings(text);
        assert.deepEqual(findings((await readSource('r.docx', makeDocx(text, { splitRuns: true }))).text), expected, '.docx');
        assert.deepEqual(findings((await readSource('r.html', new TextEncoder().encode(makeHtml(text)))).text), expected, '.html');
      });
    }
  }
});
