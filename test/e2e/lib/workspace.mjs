// The workspace and user settings both real-editor suites start from (test/e2e in code-server,
// test/electron in VS Code via @vscode/test-electron): copies of shared/seeds when they exist,
// composed reports with injected faults always.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeReport } from './compose.mjs';
import { writeBeyond } from './beyond.mjs';
import { FAULTS, SEED_COPIES } from './faults.mjs';
import { writeWritebackDocs } from './writeback.mjs';

/** User settings: a quiet workbench (no walkthroughs, trust prompts, marketplace or telemetry), messages in English, fix-all on save. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.fontSize': 15,
  // A CJK character exactly two Latin columns wide (Debian's fonts-wqy-zenhei), so that aligned
  // tables look aligned in the screenshots, as the README advises users to set up.
  'editor.fontFamily': "'WenQuanYi Zen Hei Mono', 'Droid Sans Mono', monospace",
  'editor.lightbulb.enabled': 'on',
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'disclosureReport.locale': 'en',
  'editor.codeActionsOnSave': { 'source.fixAll.disclosure-report': 'explicit' },
};

/**
 * Scenario s's PDF, written with the workspace: quick open did not always list a file copied in
 * while code-server ran (1 run in 4 under load).
 */
export const PDF_FOLDER = 'drafts';
export const PDF_NAME = 's-wrong-totals.pdf';
const PDF_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'sources', 'wrong-totals.pdf');

/** A report named `*.report.txt` (the language by file name), for token capture by resource. */
export const COLOURS_FILE = 'b-colours.report.txt';

/**
 * Fills `dir` with the scenarios' files; returns the seed file names copied (empty when
 * `seedsDir` is absent: the scenarios then use composed reports only).
 */
export function prepareWorkspace(dir, seedsDir) {
  mkdirSync(dir, { recursive: true });
  const seeds = [];
  if (seedsDir && existsSync(seedsDir)) {
    for (const f of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
      copyFileSync(join(seedsDir, f), join(dir, f));
      seeds.push(f);
    }
    for (const prefix of SEED_COPIES) if (seeds.length) copyFileSync(join(seedsDir, seeds[0]), join(dir, prefix + seeds[0]));
  }
  for (const [name, fault] of Object.entries(FAULTS)) writeFileSync(join(dir, name), composeReport(fault.compose).text);
  writeBeyond(dir);
  mkdirSync(join(dir, PDF_FOLDER), { recursive: true });
  copyFileSync(PDF_FIXTURE, join(dir, PDF_FOLDER, PDF_NAME));
  writeWritebackDocs(dir);
  if (seeds.length) copyFileSync(join(seedsDir, seeds[0]), join(dir, COLOURS_FILE));
  else writeFileSync(join(dir, COLOURS_FILE), composeReport().text);
  return seeds;
}

/** Writes the user settings into a VS Code user-data-dir. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}
