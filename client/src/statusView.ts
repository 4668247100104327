// What the status bar entry shows for the active report (no VS Code here, so that it is tested
// in plain node): the error and warning counts, and "not fully checked" when the server says
// the report was not fully verified (rows missing, identities not evaluable), with what could not
// be checked in the tooltip.
import type { CoverageAnswer } from '../../server/src/protocol';
import type { Messages } from './messages';

export interface StatusView {
  text: string;
  tooltip: string;
}

export function statusView(counts: { errors: number; warnings: number }, coverage: CoverageAnswer | null | undefined, msgs: Messages): StatusView {
  const { errors, warnings } = counts;
  let text = `$(error) ${errors} $(warning) ${warnings}`;
  let tooltip = errors + warnings > 0 ? msgs.statusTooltip(errors, warnings) : msgs.statusTooltipClean;
  if (coverage && !coverage.fully) {
    text += ` $(question) ${msgs.statusNotFully}`;
    tooltip = errors + warnings > 0 ? `${tooltip}\n${msgs.statusNotFullyLine(coverage.detail)}` : msgs.statusTooltipPartial(coverage.detail);
  }
  return { text, tooltip };
}
