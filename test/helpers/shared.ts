// Where ../shared (seeds and published reports) is, when this checkout has it beside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(__dirname, '../../../shared');
export const HAS_SHARED = existsSync(join(SHARED, 'seeds'));
export const SKIP_SHARED = HAS_SHARED ? false : '../shared not present beside the checkout: the seed and published-report tests run where it is (CI has it)';

export function sharedFiles(dir: 'seeds' | 'real'): { name: string; text: string }[] {
  if (!HAS_SHARED) return [];
  return readdirSync(join(SHARED, dir))
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SHARED, dir, name), 'utf8') }));
}
