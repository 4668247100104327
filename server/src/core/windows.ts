// Where in a report its identity is read: the lines at the top that may hold the title, and the
// lines with text at the end that may hold the signature. The readers (years/identity.ts
// readTitle, prose/scope.ts readOffice) and the incremental carry of the prose results
// (rules/carry.ts: an edit outside these windows leaves them as they were) share these numbers.

/** Lines above the first heading that may hold the title. */
export const TITLE_SCAN = 12;

/** Lines above the first heading where the title's year is the report's year (analyze.ts; within TITLE_SCAN). */
export const TITLE_YEAR_LINES = 10;

/** Lines with text at the end of a report read for the office's signature. */
export const SIGNATURE_LINES = 3;
