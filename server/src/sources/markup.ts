// The HTML and XML parser (markup-lib.ts), loaded when a web page or a .docx is first read, not
// with every bundle: a batch of plain-text drafts never parses it (as sources/iconv.ts does for
// the legacy charsets).

import type * as MarkupLib from './markup-lib.js';

let lib: typeof MarkupLib | undefined;

export function markup(): typeof MarkupLib {
  // require, not import(): the readers are synchronous.
  return (lib ??= require('./markup-lib.js') as typeof MarkupLib);
}
