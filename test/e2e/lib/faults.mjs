// The composed reports written into each run's workspace: one clean, and some with faults injected
// into derived cells (a row's 总计 changed so it no longer adds up).
// Names end in plain `.txt`, so the extension has to recognise them by their content.

export const FAULTS = {
  // Correct throughout: the extension must report no error on it.
  'composed-clean.txt': { compose: {} },
  // Row 一 (本年新收): inputs 8+2+0+1+0+1 = 12, 总计 printed as 13.
  'composed-row-total.txt': { compose: { totals: { 'request.new.total': 13 } }, wrong: ['request.new.total'] },
  // A copy of the same for the quick fix, so the hover/Problems scenarios keep an unfixed file.
  'composed-quick-fix.txt': { compose: { totals: { 'request.new.total': 13 } }, wrong: ['request.new.total'] },
  // Two wrong totals: row 一 (12 printed as 15) and row (一)予以公开 (5+1+0+0+0+1 = 7 printed as 9).
  'composed-two-totals.txt': {
    compose: { totals: { 'request.new.total': 15, 'request.open.total': 9 } },
    wrong: ['request.new.total', 'request.open.total'],
  },
};
