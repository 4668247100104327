// The prose checks' public face: claims the prose states for table figures (with what they were
// compared with, for hovers), prose-table-mismatch, and enumeration-sum.
export { extractClaims, defaultIsProse, outsideTables, type ExtractOptions } from './claims.js';
export { proseTableMismatch, claimReadings, readClaim, type CellValue } from './compare.js';
export { enumerationSums, enumerationLists, type EnumerationList, type EnumerationOptions } from './enumeration.js';
export { reportContext, readOffice, readYear, type ReportContext } from './scope.js';
export type { Claim, ClaimReading, Reading, Target } from './types.js';
