// The analysis: what the core found in one report, as an immutable snapshot (the model makes a
// new one after each edit). Rules, the fixer, the table view and the edges read it.

import type { Diagnostic } from './diagnostics.js';
import type { Heading, Table } from './model.js';

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
}
