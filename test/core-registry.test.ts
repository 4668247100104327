// The rule registry is the one list of rules: the package.json severity setting and the README
// rule table are held to it, and every rule id the core reports is in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES, RULE_BY_ID } from '../server/src/core/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The README row of a rule, as the table prints it (`|` in text escaped). */
export function readmeRow(r: (typeof RULES)[number]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return `| \`${r.id}\` | ${r.severity} | ${esc(r.summary.zh)}<br>${esc(r.summary.en)} | \`${esc(r.example)}\` |`;
}

test('rule ids are unique and every rule has a summary in both languages and an example', () => {
  assert.equal(RULE_BY_ID.size, RULES.length);
  for (const r of RULES) {
    assert.ok(r.summary.zh && r.summary.en && r.example, r.id);
    assert.ok(r.scope === 'table' || r.scope === 'document' || r.scope === 'config' || r.scope === 'batch', r.id);
    if (r.scope === 'document') assert.equal(typeof r.check, 'function', r.id);
  }
});

test('the package.json severity setting lists exactly the registry’s rules, in its order', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const names = pkg.contributes.configuration.properties['disclosureReport.severity'].propertyNames.enum;
  assert.deepEqual(names, RULES.map((r) => r.id));
});

test('the README rule table is the registry: every rule, its severity, summary and example', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const head = readme.indexOf('| rule | severity | what it checks | example |');
  assert.ok(head >= 0, 'the README has the rule table');
  const rows: string[] = [];
  for (let i = head + 2; i < readme.length && readme[i].startsWith('|'); i++) rows.push(readme[i]);
  assert.deepEqual(rows, RULES.map(readmeRow));
});
