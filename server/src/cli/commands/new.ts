// `disclosure-report new [--office NAME] [--year YYYY] [--layout pipes|tabs]`: prints a new report
// from the official template (core/draft newDraft) on stdout — the title line, the statistical
// period, the six headings, the three tables with every official label and 0 in every cell — so
// `disclosure-report new --office … > 2025.txt` starts a report that `check` finds clean.
// Defaults: the office is a placeholder to replace (（机关名称）); the year is last calendar year,
// because reports are written in January for the year before; the layout is ` | ` (aligned).

import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { cliText } from '../messages.js';
import { newDraft, type DraftLayout } from '../../core/draft/index.js';

/** The office printed when none is given: plainly a placeholder, and a title that still reads as one. */
export const OFFICE_PLACEHOLDER = '（机关名称）';

/** The year a report written today covers: last calendar year (reports are written in January). */
export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

export const newCommand = defineCommand({
  name: 'new',
  options: {
    office: { type: 'string' },
    year: { type: 'string' },
    layout: { type: 'string', default: 'pipes' },
    eol: { type: 'string', default: 'lf' },
  },
  run({ values, positionals }, { locale, io }) {
    const t = cliText(locale);
    if (positionals.length) throw new UsageError(t.badOption(positionals[0]), 'new');
    const layout = values.layout;
    if (layout !== 'pipes' && layout !== 'tabs') throw new UsageError(t.badLayout(String(layout)), 'new');
    let year = defaultYear();
    if (values.year !== undefined) {
      if (!/^(19|20)\d{2}$/.test(values.year.trim())) throw new UsageError(t.badYear(values.year), 'new');
      year = Number(values.year.trim());
    }
    const eol = values.eol === 'crlf' ? '\r\n' : values.eol === 'lf' ? '\n' : undefined;
    if (!eol) throw new UsageError(t.badEol(String(values.eol)), 'new');
    const office = values.office?.trim() ? values.office : OFFICE_PLACEHOLDER;
    io.out(newDraft({ office, year, layout: layout as DraftLayout, eol }));
    return 0;
  },
});
