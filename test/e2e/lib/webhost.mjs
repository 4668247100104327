// Scenario x's workspace: a folder of its own beside the run's workspace, opened in a second
// window whose workspace settings run the extension in code-server's web worker extension host
// (`remote.extensionKind` ["web"]: the `browser` entry, as VS Code for the Web runs it). The main
// window and every other scenario keep the Node extension host.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { composeReport } from './compose.mjs';

export const EXTENSION_ID = 'disclosure-report.disclosure-report';
/** The report the scenario opens (row 一's 总计 printed as 13 for 12), and one it never opens. */
export const WEB_OPENED = 'x-row-total.txt';
export const WEB_UNOPENED = 'x-two-totals.txt';
export const WEB_REPORTS = {
  [WEB_OPENED]: { totals: { 't3.new.total': 13 } },
  [WEB_UNOPENED]: { totals: { 't3.new.total': 15, 't3.granted.total': 9 } },
};

/** Writes the web host's folder beside `workspace` (afresh); returns its path. */
export function prepareWebWorkspace(workspace) {
  const dir = join(dirname(workspace), 'web-host-workspace');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } }, null, 2));
  for (const [name, opts] of Object.entries(WEB_REPORTS)) writeFileSync(join(dir, name), composeReport(opts).text);
  return dir;
}
