// The workspace configuration file `.disclosure-report.json` (severities, thresholds, reviewed
// findings): where it is and reading it (find.ts: one search and one reader, over the runtime's
// file system, host/runtime.ts), parsing it (load.ts; its thresholds: thresholds.ts), applying it to
// a report's diagnostics (apply.ts), adding a reviewed entry (edit.ts). Shared by the CLI and the
// language server; no file system of its own, no LSP.
export { CONFIG_FILE, EMPTY_CONFIG, knownRule, MAX_CONFIG_BYTES, MAX_CONFIG_PROBLEMS, parseConfig, positionAt, positionsIn, reviewedPositions, type ConfigProblem, type ConfigSeverity, type LoadedConfig, type ProjectConfig, type ReviewedEntry, type ReviewStatus, REVIEW_STATUSES } from './load.js';
export { REVIEWED_STALE, NOTHING_SETTLED, applyConfig, fingerprint, normalizePath, reviewedEntry, reviewMessage, settledIn, settles, staleDiagnostic, statusOf, statusText, type Applied, type Checkable, type ReportTarget, type Review, type Settled, type StaleDiagnostic } from './apply.js';
export { ConfigFiles, readConfig, type ConfigFile, type ConfigHost } from './find.js';
export { addReviewedEdits, isoDate, entryText, newConfigText, removeReviewedEdits, replaceReviewedEdits, withReviewed } from './edit.js';
export { isPercent, readThresholds, THRESHOLD_DEFAULTS, thresholdOf, type ThresholdRule, type Thresholds } from './thresholds.js';
