// The findings of reports as the outputs list them (record.ts), and the two writers the CLI and the
// editor share: SARIF 2.1.0 (sarif.ts) and CSV (csv.ts). No file system, no LSP.
export { placeOf, reportFindings, type FindingRecord, type FindingReview, type ReportFindings } from './record.js';
export { artifactUri, sarifLog, SARIF_SCHEMA, type SarifOptions } from './sarif.js';
export { findingsCsv } from './csv.js';
