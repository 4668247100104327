// The analysis core's public face. No LSP or VS Code imports anywhere under core/ (held by
// test/core-structure.test.ts).
export { ReportModel, analyzeText, splitWithEols, type TextChange } from './document.js';
export { LineMemo } from './lineMemo.js';
export { extend } from './shape.js';
export type { Analysis, Section } from './analysis.js';
export { crossCheck, crossCheckRecord, withCrossYear, type CrossCheckOptions } from './analyze.js';
export { yearRecord } from './rules/years.js';
export type { YearRecord } from './years/record.js';
export { claimAt } from './rules/prose.js';
export { proseFingerprint, findCopied, copiedFinding, CopiedBatch, COPIED_DEFAULTS, type ProseFingerprint, type CopiedMatch, type CopiedOptions } from './copied/index.js';
export { reportIdentity, findPrevious, sameOffice, type ReportIdentity, type Pairing } from './years/index.js';
export type { ClaimReading, Claim } from './prose/index.js';
export { recompute, applyEdits, phases, type FixResult, type FixChange, type Refusal, type RecomputeOptions } from './fix.js';
export { fixAll, SAFE_FIX_RULES, type LineSource } from './fixAll.js';
export { identities, holds, numeric, evaluate, possibleIdentities, reportFormat, type Identity } from './rules/identities.js';
export { RULES, RULE_BY_ID, ARITHMETIC_RULES } from './rules/registry.js';
export type { Rule, TableRule, DocumentRule, DocumentContext, PreviousReport } from './rules/rule.js';
export { pick, resolveLocale, type Locale, type Localized } from './i18n.js';
export type { Diagnostic, Finding, Fix, RelatedInfo, RepeatedDetails, RepeatedPassage, RuleId, Severity, Suspect, TextEdit } from './diagnostics.js';
export { asSuspect, suspectFixTitle, suspectNote, suspectOf, type TableSuspect } from './rules/suspect.js';
export type { Cell, Heading, LabelCell, Position, Range, Table, Table2, Table3, Table4 } from './model.js';
export { cellIn, gridColumns, gridRows, keyedCells, rowOfKey, tableAt, type GridRow, type KeyedCell } from './keys.js';
export { cellAt, cellByKey, cellsOf, identitiesAt, readsLikeReport, sameCell, tableCells, tableOf, valueOf, verdict, type Verdict } from './view.js';
export * as format from './format/index.js';
export { SECTIONS, TABLE3, TABLE4, TABLE2_2021, TABLE2_2019, TABLE_NAMES, TABLE_SHORT, FORMAT_2021, FORMAT_2019, type CellKey, type Format } from './format/index.js';
export { formatNumber } from './cells.js';
export { coverageText } from './coverage/messages.js';
export { coverage, tableCoverage, fullyChecked, type OneTableCoverage, type Coverage, type NotEvaluable, type NotEvaluableWhy, type TableCoverage } from './coverage/index.js';
