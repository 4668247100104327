// The CLI's entry point (bundled as dist/cli.js, the bin `disclosure-report`): reads the command
// line (args.ts, node:util's parseArgs), dispatches to the command (commands/*.ts), prints help
// and usage errors in the user's language, and writes to stdout/stderr through a sink that goes
// quiet when the reader has gone (`disclosure-report check … | head`: no EPIPE trace; the
// command still finishes, --fix included, and exits with its own code).

import { localeOf, parseCommand, splitAtCommand, UsageError } from './args.js';
import type { Command, Output } from './command.js';
import { check } from './commands/check.js';
import { exportCommand } from './commands/export.js';
import { text } from './commands/text.js';
import { newCommand } from './commands/new.js';
import { cliText } from './messages.js';
import { smallerInliningBudget } from '../host/jit.js';

declare const __VERSION__: string | undefined;

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [check, text, exportCommand, newCommand];

/** A stream that stops writing, silently, once its reader has gone (EPIPE) or it was destroyed. */
function sink(stream: NodeJS.WriteStream): (text: string) => void {
  let gone = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') gone = true;
    else throw e;
  });
  return (text) => {
    if (gone || !text || stream.destroyed) return;
    try {
      stream.write(text);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') gone = true;
      else throw e;
    }
  };
}

function globalHelp(locale: ReturnType<typeof localeOf>): string {
  const t = cliText(locale);
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 3;
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${t.summaries[c.name] ?? ''}\n    ${t.help[c.name]?.split('\n')[0].replace(/^\S+[:：]\s*/, '') ?? ''}`).join('\n');
  return t.usage.replace('%COMMANDS%', list);
}

export async function main(argv: string[], io: Output): Promise<number> {
  const locale = localeOf(argv);
  const t = cliText(locale);
  const version = () => io.out((typeof __VERSION__ === 'string' ? __VERSION__ : 'dev') + '\n');
  try {
    const { command: name, before, after } = splitAtCommand(argv);
    const common = parseCommand(before, {}, locale).values;
    if (!name) {
      if (common.version && !common.help) version();
      else if (argv.length && !common.help) throw new UsageError(t.noCommand(COMMANDS.map((c) => c.name).join(', ')));
      else io.out(globalHelp(locale) + '\n');
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(t.badCommand(name, COMMANDS.map((c) => c.name).join(', ')));
    const options = after.includes('--') ? after.slice(0, after.indexOf('--')) : after;
    if (common.help || options.includes('-h') || options.includes('--help')) {
      io.out(t.help[command.name] + '\n');
      return 0;
    }
    const parsed = parseCommand(after, command.options, locale, command.name);
    if (parsed.values.version || common.version) {
      version();
      return 0;
    }
    return await command.run(parsed, { locale, io });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const help = e.command ? t.help[e.command] : globalHelp(locale);
    io.err(`disclosure-report: ${e.message}\n\n${help}\n`);
    return 2;
  }
}

smallerInliningBudget();
const io: Output = { out: sink(process.stdout), err: sink(process.stderr), errIsTTY: !!process.stderr.isTTY };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    io.err(`disclosure-report: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
