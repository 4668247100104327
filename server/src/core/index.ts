// The analysis core's public face. No LSP or VS Code imports anywhere under core/.
export { ReportModel, analyzeText, splitWithEols, type TextChange } from './document.js';
export type { Analysis, Section } from './analyze.js';
export { recompute, applyEdits, tableAt, type FixResult, type FixChange, type Refusal } from './fix.js';
export { identities, holds, numeric, type Identity } from './rules/arithmetic.js';
export { tableRows } from './rules/cells.js';
export {
  RULES, RULE_BY_ID, ARITHMETIC_RULES, pick, resolveLocale,
  type Diagnostic, type Fix, type Localized, type Locale, type RuleId, type Severity, type TextEdit,
} from './diagnostics.js';
export type { Cell, Heading, LabelCell, Position, Range, Table, Table2, Table3, Table4 } from './model.js';
export { SECTIONS, T3_COLUMNS, T4_CELL_LABELS } from './format.js';
export { formatNumber } from './cells.js';
