// The HTML and XML parser — htmlparser2, its tree builder and its entity decoder: about 190 KB,
// a quarter of the CLI's bundle — in one module that sources/markup.ts requires on the first web
// page or .docx read. In the Node bundles it is a file of its own, dist/markup-lib.js
// (esbuild.mjs), so that starting the CLI or the server does not parse it; the browser worker
// bundles it in.

export { Parser } from 'htmlparser2';
export { DomHandler } from 'domhandler';
export { decodeXML } from 'entities';
