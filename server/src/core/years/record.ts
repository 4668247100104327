// What the cross-year rules read of one report (rules/years.ts yearRecord makes it from an
// analysis): its year, the cells they compare (by key; the first table of each kind, a key's
// first cell), its prose lines and where prose-repeated sits. A batch keeps this of each report
// instead of its analysis (cli/job-transfer.ts): the rules give the same findings from two records
// as from the two analyses (core/analyze.ts crossCheckRecord).

import type { Range } from '../model.js';
import type { CellPlace } from './crossYear.js';
import type { ProseLine } from './prose.js';

export interface YearRecord {
  year: number | null;
  cells: Map<string, CellPlace>;
  prose: ProseLine[];
  anchor: Range | null;
}
