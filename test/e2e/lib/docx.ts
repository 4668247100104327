// Writes Word documents for the real-editor suites with the unit tests' own maker
// (test/helpers/sources.ts makeDocx), run under tsx by lib/writeback.mjs: reads
// `{ "<path>": "<draft in the tab layout>" | { "text": …, "noBreakHyphen": true }, … }` as JSON on
// stdin and writes each path. `noBreakHyphen`: the one cell that reads "-" is Word's non-breaking
// hyphen (`<w:noBreakHyphen/>`, read as "-" with no text in the cell to replace).
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { makeDocx } from '../../helpers/sources.ts';

type Doc = string | { text: string; noBreakHyphen?: boolean };
const files = JSON.parse(readFileSync(0, 'utf8')) as Record<string, Doc>;
for (const [path, doc] of Object.entries(files)) {
  const { text, noBreakHyphen } = typeof doc === 'string' ? { text: doc, noBreakHyphen: false } : doc;
  let bytes = makeDocx(text);
  if (noBreakHyphen) {
    const parts = unzipSync(bytes);
    const xml = strFromU8(parts['word/document.xml']);
    const dash = '<w:t xml:space="preserve">-</w:t>';
    if (xml.split(dash).length !== 2) throw new Error(`${path}: expected one cell reading "-"`);
    parts['word/document.xml'] = strToU8(xml.replace(dash, '<w:noBreakHyphen/>'));
    bytes = zipSync(parts);
  }
  writeFileSync(path, bytes);
}
