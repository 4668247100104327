// What bench/run.mjs needs in-process, bundled by esbuild into bench/out/lib.mjs: the input
// generators and the in-process measurement of incremental edits (ReportModel) against full
// parses (analyzeText), with the same core code the CLI and the server bundle; and the LSP
// client of the tests (test/lsp/client.ts).

import { ReportModel, analyzeText } from '../server/src/core/index.js';
import type { Edit } from './gen.js';

export * from './gen.js';
export { analyzeText, ReportModel };

/** Milliseconds for each edit: `apply` then `analysis`, on a model that has analysed the text once. */
export function timeEdits(text: string, edits: Edit[]): number[] {
  const m = new ReportModel(text);
  m.analysis();
  const out: number[] = [];
  for (const e of edits) {
    const t0 = performance.now();
    m.apply(e);
    m.analysis();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Milliseconds for each full parse of `text` (analyzeText), `n` times. */
export function timeFull(text: string, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    analyzeText(text);
    out.push(performance.now() - t0);
  }
  return out;
}

export { LAYOUTS, composeReport, exampleReport as exampleData } from '../test/helpers/compose.mjs';
/** The Node options the VS Code client starts the server with (the bench starts it the same way). */
export { SERVER_NODE_ARGS } from '../server/src/protocol.js';
/** The one LSP client of the tests, so the real server and the floor server are driven alike. */
export { LspClient, isDiagnosticsFor } from '../test/lsp/client.js';

// e. Sources: the same kind of consistent reports as Word documents (made as the tests make them).
import { makeDocx } from '../test/helpers/sources.js';
import { composeReport } from '../test/helpers/compose.mjs';
import { randomData, rng } from './gen.js';

/** `n` .docx reports, each from its own seed, in the tab layout the .docx helper lays out as Word tables. */
export function docxBatch(n: number, seed = 3): { name: string; bytes: Uint8Array }[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({ name: `r${String(i).padStart(4, '0')}.docx`, bytes: makeDocx(composeReport(randomData(r), 'tab')) }));
}
