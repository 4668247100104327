// A new report from the official template: the custom request `disclosureReport/newDraft`
// ({ office, year, layout: 'pipes' | 'tabs', eol? }) answers the draft's text, which the client
// opens as an untitled document.

import { newDraft, type DraftOptions } from '../../core/draft/index.js';
import { REQUESTS } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { InvalidParams, onCustom } from '../guard.js';


/** The draft for a request's params; malformed params are InvalidParams. */
export function draftFor(params: unknown): string {
  const p = (params ?? {}) as Partial<DraftOptions>;
  if (typeof p.office !== 'string') throw new InvalidParams('office must be a string');
  if (!Number.isInteger(p.year) || (p.year as number) < 1900 || (p.year as number) > 2099) throw new InvalidParams('year must be a four-digit year');
  if (p.layout !== 'pipes' && p.layout !== 'tabs') throw new InvalidParams("layout must be 'pipes' or 'tabs'");
  if (p.eol !== undefined && p.eol !== '\n' && p.eol !== '\r\n' && p.eol !== '\r') throw new InvalidParams('eol must be \\n, \\r\\n or \\r');
  return newDraft({ office: p.office, year: p.year as number, layout: p.layout, eol: p.eol });
}

export function register(ctx: ServerContext): void {
  onCustom(ctx, REQUESTS.newDraft, (params) => draftFor(params));
}
