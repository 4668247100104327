// Reading the command line with node:util's parseArgs: the command's name, the options common to
// every command (--locale, --help, --version), and each command's own options, strictly (an
// unknown option or a missing value is a usage error, said in the user's language).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveLocale, type Locale } from '../core/index.js';
import { cliText } from './messages.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** A usage error: said on stderr with a pointer to the help, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point to (absent: the global help). */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionSpecs;

/**
 * `--locale X` or `--locale=X` wherever it stands, read before anything else so that even usage
 * errors speak it. Default Chinese; anything that is not zh* is English.
 */
export function localeOf(argv: string[]): Locale {
  const { values } = parseArgs({ args: argv, options: { locale: { type: 'string' } }, strict: false, allowPositionals: true });
  return typeof values.locale === 'string' ? resolveLocale(values.locale) : 'zh-CN';
}

export interface Split {
  /** The first positional argument, if any. */
  command?: string;
  /** The arguments before it (options common to every command). */
  before: string[];
  /** The arguments after it. */
  after: string[];
}

/** Splits the argument list at the command's name (the first argument that is not an option or an option's value). */
export function splitAtCommand(argv: string[]): Split {
  const { tokens } = parseArgs({ args: argv, options: COMMON_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const first = tokens.find((t) => t.kind === 'positional');
  if (!first || first.kind !== 'positional') return { before: argv, after: [] };
  return { command: first.value, before: argv.slice(0, first.index), after: argv.slice(first.index + 1) };
}

export interface Parsed<O extends OptionSpecs> {
  values: ReturnType<typeof parseArgs<{ options: O & typeof COMMON_OPTIONS; allowPositionals: true }>>['values'];
  positionals: string[];
}

/** Parses `args` strictly against a command's options (plus the common ones). */
export function parseCommand<O extends OptionSpecs>(args: string[], options: O, locale: Locale, command?: string): Parsed<O> {
  try {
    const r = parseArgs({ args, options: { ...options, ...COMMON_OPTIONS }, strict: true, allowPositionals: true });
    return { values: r.values as Parsed<O>['values'], positionals: r.positionals };
  } catch (e) {
    throw usageErrorOf(e, locale, command);
  }
}

/** parseArgs' errors (English, for developers) as the CLI's own messages. */
function usageErrorOf(e: unknown, locale: Locale, command: string | undefined): Error {
  const code = (e as { code?: string }).code;
  const message = String((e as Error).message ?? e);
  const option = /'(-[^' <]+)/.exec(message)?.[1] ?? '';
  const t = cliText(locale);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(t.badOption(option), command);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(t.badValue(option), command);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(t.badOption(message), command);
  return e as Error;
}
