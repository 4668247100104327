// prose-copied: a report's prose found word for word in another office's report of the same year,
// over a batch (the CLI's `check` over many inputs, the editor's Check All Reports).
export { proseFingerprint, hash53, type ProseFingerprint } from './fingerprint.js';
export { findCopied, COPIED_DEFAULTS, type CopiedMatch, type CopiedOptions, type CopiedPassage } from './batch.js';
export { copiedFinding } from './finding.js';
export { CopiedBatch } from './standing.js';
