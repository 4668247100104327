// The reports of the scenario on the checks beyond the sums: an office's report of 2025 (the
// example report's tables),
// whose prose says 共收到政府信息公开申请25件 while its table 三 has 18 (or 20 with 上年结转), and its
// report of 2024 beside it, whose 结转下年度继续办理 (1, 1, 0, …) is not 2025's 上年结转 (2, 0, 0, …).
// Composed with the tests' one composer (test/helpers/compose.mjs), keyed by the contract's cells;
// written with the workspace at setup, so that quick open and the workspace index know them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeReport, exampleReport } from '../../helpers/compose.mjs';

export const BEYOND = { current: 'q-2025.txt', previous: 'q-2024.txt' };

const PROSE = '全年共收到政府信息公开申请25件，均已按期答复。';

function texts() {
  // Another office than the new-draft scenario's (青禾县数据资源局), which would pair with it.
  const example = { ...exampleReport(), office: '白石镇人民政府' };
  const lines = composeReport(example).split('\n');
  // After the first paragraph of section 一.
  lines.splice(lines.indexOf('一、总体情况') + 2, 0, PROSE);
  return { current: lines.join('\n'), previous: composeReport({ ...example, year: 2024 }) };
}

/** Writes both reports into the workspace. */
export function writeBeyond(dir) {
  const t = texts();
  writeFileSync(join(dir, BEYOND.current), t.current);
  writeFileSync(join(dir, BEYOND.previous), t.previous);
}

/** 0-based positions in this year's report: the prose number 25, and 上年结转's 自然人 cell. */
export function beyondPositions() {
  const lines = texts().current.split('\n');
  const proseLine = lines.indexOf(PROSE);
  const carriedLine = lines.findIndex((l) => l.startsWith('二、上年结转政府信息公开申请数量'));
  return {
    prose: { line: proseLine, character: PROSE.indexOf('25') },
    carried: { line: carriedLine, character: lines[carriedLine].indexOf(' | ') + 3 },
  };
}
