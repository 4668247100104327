// iconv-lite (GB18030 and the other legacy charsets: 550 KB of tables, 40 % of the CLI's bundle)
// is loaded when a file first needs it, not with every bundle: a batch of UTF-8 drafts never
// parses it. In the Node bundles it is a file of its own, dist/iconv-lite.js (esbuild.mjs); the
// browser worker bundles it in.

import type IconvLite from 'iconv-lite';

let lib: typeof IconvLite | undefined;

export function iconv(): typeof IconvLite {
  // require, not import(): decode and encode are synchronous.
  return (lib ??= require('iconv-lite') as typeof IconvLite);
}
