// What a CLI command is: a name, its options (read by parseArgs in args.ts), and `run`, which
// gets the parsed arguments and where to write, and returns the exit code. Its help and
// one-line summary are in messages.ts (`help.<name>`, `summaries.<name>`), in both languages.
// main.ts lists the commands and dispatches to them.

import type { Locale } from '../core/index.js';
import type { OptionSpecs, Parsed } from './args.js';

/** Where a command writes: stdout and stderr, which stop quietly when the reader goes away. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (a progress line is shown there only then). */
  errIsTTY?: boolean;
}

export interface CommandContext {
  locale: Locale;
  io: Output;
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  options: O;
  /** Returns the exit code; throws UsageError for bad usage (exit 2, with the usage). */
  run(args: Parsed<O>, ctx: CommandContext): number | Promise<number>;
}

/** Keeps the options' types for `run` (a command is declared as `defineCommand({ … })`). */
export function defineCommand<O extends OptionSpecs>(c: Command<O>): Command<O> {
  return c;
}
