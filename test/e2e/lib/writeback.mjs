// The Word documents of the write-back scenarios (y: written back; z: the write refused; y2: no
// cell can be written, its one wrong total a non-breaking hyphen): the
// unit tests' example report (test/helpers/compose.mjs, consistent throughout) with two derived
// totals printed wrong, made into a .docx by the unit tests' maker (test/helpers/sources.ts, run
// through tsx: lib/docx.ts). Written with the workspace, so that quick open lists them.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeReport, exampleReport } from '../../helpers/compose.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');

export const WRITEBACK_FOLDER = 'writeback';
/** Scenario y's document (its fixes written back) and scenario z's (the write refused). */
export const WRITTEN_DOCX = 'y-write-back.docx';
export const REFUSED_DOCX = 'z-refused.docx';
/** Scenario y2's document: consistent but for 行政复议's 总计, printed as Word's non-breaking hyphen (no text to replace). */
export const HYPHEN_DOCX = 'y2-hyphen.docx';
export const HYPHEN_CELL = { key: 't4.review.total', correct: 2 };

/** The derived cells printed wrong: row 一's 总计 (12+3+0+1+2+0 = 18) and 行政复议's 总计 (1+0+0+1 = 2). */
export const WRONG = { 't3.new.total': { printed: 19, correct: 18 }, 't4.review.total': { printed: 3, correct: 2 } };

/** Every cell of the report as it should read (the example report, consistent). */
export const correctCells = () => exampleReport().cells;

/** The report as the documents print it: the example with the WRONG cells. */
function printed() {
  const r = exampleReport();
  for (const [k, { printed: v }] of Object.entries(WRONG)) r.cells[k] = v;
  return composeReport(r, 'tab');
}

/** Writes the documents into `<workspace>/writeback/`; returns their paths by name. */
export function writeWritebackDocs(workspace) {
  const dir = join(workspace, WRITEBACK_FOLDER);
  mkdirSync(dir, { recursive: true });
  const paths = { [WRITTEN_DOCX]: join(dir, WRITTEN_DOCX), [REFUSED_DOCX]: join(dir, REFUSED_DOCX), [HYPHEN_DOCX]: join(dir, HYPHEN_DOCX) };
  const text = printed();
  const hyphen = exampleReport();
  hyphen.cells[HYPHEN_CELL.key] = '-';
  const docs = { [paths[WRITTEN_DOCX]]: text, [paths[REFUSED_DOCX]]: text, [paths[HYPHEN_DOCX]]: { text: composeReport(hyphen, 'tab'), noBreakHyphen: true } };
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'docx.ts')], {
    cwd: repo,
    input: JSON.stringify(docs),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lib/docx.ts failed (exit ${r.status}): ${r.stderr || r.error}`);
  return paths;
}

const writable = (path) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Makes `path` a file this user cannot write, as Word's lock or a read-only share would; returns
 * { how, undo }. chmod 0444 does for a user; root writes a 0444 file anyway, so then the immutable
 * attribute (`chattr +i`: ext4, xfs, btrfs; needs CAP_LINUX_IMMUTABLE), which refuses root too.
 * Throws when neither holds here.
 */
export function makeUnwritable(path) {
  const mode = statSync(path).mode & 0o7777;
  chmodSync(path, 0o444);
  const restoreMode = () => chmodSync(path, mode);
  if (!writable(path)) return { how: 'chmod 0444', undo: restoreMode };
  const set = spawnSync('chattr', ['+i', path], { encoding: 'utf8' });
  const undo = () => {
    spawnSync('chattr', ['-i', path]);
    restoreMode();
  };
  if (set.status === 0 && !writable(path)) return { how: 'chmod 0444 and chattr +i (run as root)', undo };
  undo();
  throw new Error(`cannot make ${path} unwritable here: chmod 0444 leaves it writable (root) and chattr +i ${set.status === 0 ? 'did not refuse the write' : `failed: ${(set.stderr || String(set.error)).trim()}`}`);
}
