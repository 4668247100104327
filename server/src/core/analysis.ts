// The analysis: what the core found in one report, as an immutable snapshot (the model makes a
// new one after each edit). Rules, the fixer, the table view and the edges read it.

import type { Diagnostic } from './diagnostics.js';
import type { Format } from './format/index.js';
import type { Heading, Table } from './model.js';
import type { ReportIdentity } from './years/identity.js';
import type { ClaimReading } from './prose/types.js';

export interface Section {
  heading: Heading;
  /** Last line of the section (inclusive). */
  endLine: number;
}

export interface Analysis {
  lineCount: number;
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  diagnostics: Diagnostic[];
  reportYear: number | null;
  /** The official format the report is in (2019 where its table 二 is; else 2021): its identities are the ones evaluated. */
  format: Format;
  /**
   * Which office's report for which year: from the title, the period statement, then the file
   * name the model was given (core/years reportIdentity). Pairing, the prose scope and export read it.
   */
  identity: ReportIdentity;
  /**
   * Every number the prose states for a table figure (core/prose), with the cells it was
   * compared with and whether it agrees, even when it does: what a hover on it shows.
   */
  claims: ClaimReading[];
}
