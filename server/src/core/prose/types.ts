// The shapes the prose checks exchange: what a prose number claims (a table figure, read one or
// more ways), and what a check finds. Pure data; no Chinese here (that lives in format/prose.ts).

import type { Localized } from '../diagnostics.js';

// What a prose figure can mean (Reading, Target) is part of the format's data: format/spec.ts.
import type { Reading, Target } from '../format/spec.js';
export type { Reading, Target };

export interface Claim {
  /** 0-based line, UTF-16 columns of the number's characters (digits, separators, 万). */
  line: number;
  start: number;
  end: number;
  /** The number as written, and its value. */
  text: string;
  value: number;
  /** For numbers written with 万: half the step of the last written digit (0 for exact counts). */
  tolerance: number;
  target: Target;
  /** Id of the phrasing that recognised it (format/prose.ts). */
  phrasing: string;
}

/** For a hover: what a recognised prose number was compared with, even when it agrees. */
export interface ClaimReading {
  claim: Claim;
  /** Each reading with its value (null: a cell blank or absent). */
  readings: { reading: Reading; value: number | null }[];
  /** true: agrees with a reading; false: differs from every reading; null: not comparable. */
  agrees: boolean | null;
  message: Localized;
}
