// The rules that look beyond one report's arithmetic: which office and year a report is, last
// year's report among the inputs, this year's tables and prose against last year's, and the
// content of sections 五 and 六. Pure functions; the registry, the CLI and the editor wire them.
export { reportIdentity, readTitle, parseTitle, periodYear, identityFromFileName, officeKey, sameOffice, type ReportIdentity, type OfficeSource, type YearSource } from './identity.js';
export { findPrevious, type Pairing, type PairingInput, type PairingReason } from './pairing.js';
export { carryoverMismatch, validCountChain, sideFromCells, T3_COLUMN_KEYS, T2_CHAIN_ROWS, type YearSide, type CellPlace } from './crossYear.js';
export { compareYears, sectionContent, type YearReport, type CompareOptions } from './compare.js';
export { proseRepeated, proseLines, sentences, sentenceKey, MIN_SENTENCE, type ProseLine, type ProseInput, type ProseRepeatedOptions } from './prose.js';
export { sectionEmpty, sectionFee, sectionText, type SectionHeading } from './sections.js';
export { finding, type Finding, type RelatedLocation, type RepeatedDetails, type RepeatedPassage, type YearsRuleId } from './findings.js';
export type { YearRecord } from './record.js';
