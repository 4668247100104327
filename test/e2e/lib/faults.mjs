// The composed reports written into each run's workspace: clean ones, and some with faults
// injected into derived cells (a row's 总计 changed so it no longer adds up).
// Names end in plain `.txt`, so the extension has to recognise them by their content.
// Each scenario opens files of its own: a report that is closed and opened again is a scenario of
// its own (i), so no other scenario depends on it.

const ROW_TOTAL = { compose: { totals: { 't3.new.total': 13 } }, wrong: ['t3.new.total'] };

export const FAULTS = {
  // Correct throughout: the extension must report no error on it.
  'h-clean.txt': { compose: {} },
  // Used by a, b, g when shared/seeds is absent.
  'a-composed.txt': { compose: {} },
  'b-composed.txt': { compose: {} },
  'g-composed.txt': { compose: {} },
  // Row 一 (本年新收): inputs 8+2+0+1+0+1 = 12, 总计 printed as 13.
  'c-row-total.txt': ROW_TOTAL,
  'd-row-total.txt': ROW_TOTAL,
  'e-row-total.txt': ROW_TOTAL,
  'h-row-total.txt': ROW_TOTAL,
  'i-row-total.txt': ROW_TOTAL,
  // The drafting scenarios: a table pasted from Word (unaligned ` | ` cells) to format, a wrong
  // total to find in the preview, a clean report to blank a row of and complete it again.
  'k-pasted.txt': { compose: {} },
  'l-row-total.txt': ROW_TOTAL,
  'm-complete.txt': { compose: {} },
  // Scenario o marks its wrong total as reviewed (written here, so quick open has indexed it).
  'o-reviewed.txt': ROW_TOTAL,
  // Two wrong totals: row 一 (12 printed as 15) and row (一)予以公开 (5+1+0+0+0+1 = 7 printed as 9).
  'f-two-totals.txt': {
    compose: { totals: { 't3.new.total': 15, 't3.granted.total': 9 } },
    wrong: ['t3.new.total', 't3.granted.total'],
  },
  // Like seeds 000 and 001: table 四's result labels cut short (结果 · 其他 · 尚未), eleven label-wording
  // warnings that fix-all rewrites to the official wording (scenario v).
  'v-seed-wording.txt': { compose: { truncatedT4Labels: true } },
};

/** Copies of the first seed that scenarios b and g open (so neither reopens a file a opened). */
export const SEED_COPIES = ['b-', 'g-'];
