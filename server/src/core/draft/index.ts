// Drafting in the editor: a new report from the template, table alignment and layout
// conversion, and the table preview's model. Core only (no LSP, no VS Code).
export { newDraft, cleanOffice, type DraftLayout, type DraftOptions } from './template.js';
export { formatTables, convertTable, readPipeRow, withEdits, type PipeRow, type TableLayout } from './layout.js';
export { previewModel, type CellStatus, type PreviewCell, type PreviewFailure, type PreviewMissingCell, type PreviewRow, type PreviewTable, type PreviewTextCell, type PreviewValueCell } from './preview.js';
export { displayWidth, codePointWidth } from './width.js';
export { completionsAt, type DraftCompletion, type DraftCompletionKind, type LineSource } from './completion.js';
