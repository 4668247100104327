// Fuzzing the readers: valid fixtures (.docx made here and saved by LibreOffice, a GBK page, a
// PDF) with random bytes overwritten, inserted or cut, and truncated. Property: readSource
// returns a draft or rejects with a SourceError, nothing else, and always settles. FUZZ_RUNS=<n>
// runs every property n times.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { readSource, SourceError } from '../server/src/sources/index.ts';
import { makeDocx } from './helpers/sources.ts';

const FUZZ = Number(process.env.FUZZ_RUNS) || 0;
const runs = (n: number) => (FUZZ > 0 ? FUZZ : n);
const FIX = join(__dirname, 'fixtures/sources');
const EXAMPLE = readFileSync(join(__dirname, '../examples/wrong-totals.report.txt'), 'utf8');

type Mutation = { kind: 'set' | 'insert' | 'cut'; at: number; bytes: number[] } | { kind: 'truncate'; at: number };

const mutation = (len: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constantFrom('set' as const, 'insert' as const, 'cut' as const), at: fc.nat(len - 1), bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 16 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(len - 1) }),
  );

function mutate(src: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Buffer.from(src);
  for (const m of ms) {
    const at = Math.min(m.at, b.length);
    if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'set') { b = Buffer.from(b); for (let i = 0; i < m.bytes.length && at + i < b.length; i++) b[at + i] = m.bytes[i]; }
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.bytes.length)]);
  }
  return new Uint8Array(b);
}

/** Reads, and fails the case (instead of hanging the run) if it has not settled in 30 s. */
async function settles(path: string, bytes: Uint8Array): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'hung'>((res) => { timer = setTimeout(() => res('hung'), 30_000); });
  const outcome = await Promise.race([readSource(path, bytes).then((r) => { assert.equal(typeof r.text, 'string'); return 'read' as const; }, (e) => e), guard]);
  clearTimeout(timer);
  if (outcome === 'hung') assert.fail(`${path}: did not settle`);
  if (outcome !== 'read') assert.ok(outcome instanceof SourceError, `${path}: threw ${outcome?.stack ?? outcome}`);
}

describe('fuzzing the readers', () => {
  const cases: [string, Uint8Array, number][] = [
    ['made.docx', makeDocx(EXAMPLE, { splitRuns: true }), 150],
    ['saved.docx', new Uint8Array(readFileSync(join(FIX, 'wrong-totals.libreoffice.docx'))), 150],
    ['page.html', new Uint8Array(readFileSync(join(FIX, 'wrong-totals.gbk.html'))), 150],
    ['report.pdf', new Uint8Array(readFileSync(join(FIX, 'wrong-totals.pdf'))), 40],
  ];
  for (const [name, bytes, n] of cases) {
    test(`${name} with random damage: a draft or a SourceError`, async () => {
      await fc.assert(fc.asyncProperty(fc.array(mutation(bytes.length), { minLength: 1, maxLength: 4 }), async (ms) => settles(name, mutate(bytes, ms))), { numRuns: runs(n) });
    });
  }

  test('any bytes under any extension: a draft or a SourceError', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('a.docx', 'a.html', 'a.pdf', 'a.txt', 'a.doc'), fc.uint8Array({ maxLength: 2000 }), async (name, bytes) => settles(name, bytes)), { numRuns: runs(200) });
  });

  test('the zip body of a .docx inflated damaged (deflate streams cut mid-block)', async () => {
    const bytes = makeDocx(EXAMPLE);
    for (let at = 30; at < bytes.length; at += Math.max(1, Math.floor(bytes.length / runs(60)))) await settles('cut.docx', bytes.subarray(0, at));
  });
});
