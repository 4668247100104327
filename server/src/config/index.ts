// The workspace configuration file `.disclosure-report.json` (severities, reviewed findings):
// reading it (load.ts), applying it to a report's diagnostics (apply.ts), adding a reviewed entry
// (edit.ts). Shared by the CLI and the language server; no file system, no LSP.
export { CONFIG_FILE, EMPTY_CONFIG, knownRule, MAX_CONFIG_BYTES, MAX_CONFIG_PROBLEMS, parseConfig, positionAt, positionsIn, reviewedPositions, type ConfigProblem, type ConfigSeverity, type LoadedConfig, type ProjectConfig, type ReviewedEntry } from './load.js';
export { REVIEWED_STALE, applyConfig, fingerprint, normalizePath, reviewedEntry, staleDiagnostic, type Applied, type Checkable, type ReportTarget, type StaleDiagnostic } from './apply.js';
export { addReviewedEdits, entryText, newConfigText, removeReviewedEdits, withReviewed } from './edit.js';
