// What was verified in an open report: the custom request `disclosureReport/coverage` ({ uri })
// answers whether every row of the tables was found and every identity evaluated (core/coverage),
// and if not, what could not be checked, in the user's language. The client's status bar says
// "not fully checked" with it; the code lens says it per table (verdict.ts).

import { coverage, coverageText, fullyChecked, pick, type Analysis, type Locale } from '../../core/index.js';
import { REQUESTS, type CoverageAnswer } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { InvalidParams, onCustom } from '../guard.js';

/** The answer for one analysis. */
export function coverageAnswer(a: Analysis, locale: Locale): CoverageAnswer {
  const c = coverage(a);
  if (fullyChecked(c)) return { fully: true, title: '', detail: '' };
  return { fully: false, title: pick(coverageText.notFully(), locale), detail: pick(coverageText.gaps(c), locale) };
}

export function register(ctx: ServerContext): void {
  onCustom(ctx, REQUESTS.coverage, async (params) => {
    const uri = (params as { uri?: unknown } | null)?.uri;
    if (typeof uri !== 'string') throw new InvalidParams('expected { uri }');
    const doc = ctx.documents.get(uri);
    if (!doc) return null;
    const locale = ctx.settings.locale(await ctx.settings.get(uri));
    return coverageAnswer(ctx.documents.analyzeSafely(doc), locale);
  });
}
