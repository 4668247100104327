// Writes Word documents for the real-editor suites with the unit tests' own maker
// (test/helpers/sources.ts makeDocx), run under tsx by lib/writeback.mjs: reads
// `{ "<path>": "<draft in the tab layout>", … }` as JSON on stdin and writes each path.
import { readFileSync, writeFileSync } from 'node:fs';
import { makeDocx } from '../../helpers/sources.ts';

const files = JSON.parse(readFileSync(0, 'utf8')) as Record<string, string>;
for (const [path, text] of Object.entries(files)) writeFileSync(path, makeDocx(text));
