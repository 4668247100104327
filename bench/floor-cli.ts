// The floor for the CLI batch: what any checker must do anyway, in one Node process — find the
// files, read them, decode them (the CLI's own walk and decoder), split them into lines.
import { decode } from '../server/src/sources/encoding.js';
import { readRegularFile, walk } from '../server/src/sources/files.js';
import { byteLimit } from '../server/src/sources/types.js';

const { files } = walk(process.argv.slice(2));
let lines = 0;
for (const f of files) lines += decode(readRegularFile(f, byteLimit('text'))).text.split(/\r\n|\r|\n/).length;
process.stdout.write(`${files.length} files, ${lines} lines\n`);
