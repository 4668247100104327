// What the status bar entry shows for the active report (no VS Code here, so that it is tested
// in plain node): the error and warning counts (with words for screen readers, which would read the
// icons' English names), and "not fully checked" when the server says the report was not fully
// verified (rows missing, identities not evaluable), with what could not be checked in the tooltip.
// Its strings are bundle.ts's statusStrings, through the client's t().
import type { CoverageAnswer } from '../../server/src/protocol';
import { statusStrings, type Translate } from './bundle';

export interface StatusView {
  text: string;
  tooltip: string;
  /** What a screen reader says for the entry (VS Code would read the icons' English names). */
  label: string;
}

export function statusView(counts: { errors: number; warnings: number }, coverage: CoverageAnswer | null | undefined, t: Translate): StatusView {
  const s = statusStrings(t);
  const { errors, warnings } = counts;
  let text = `$(error) ${errors} $(warning) ${warnings}`;
  let tooltip = errors + warnings > 0 ? s.tooltip(errors, warnings) : s.tooltipClean();
  const label = coverage && !coverage.fully ? s.spokenPartial(errors, warnings) : s.spoken(errors, warnings);
  if (coverage && !coverage.fully) {
    text += ` $(question) ${s.notFully()}`;
    tooltip = errors + warnings > 0 ? `${tooltip}\n${s.notFullyLine(coverage.detail)}` : s.tooltipPartial(coverage.detail);
  }
  return { text, tooltip, label };
}
