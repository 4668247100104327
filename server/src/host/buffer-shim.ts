// Node's Buffer for the browser worker's bundle (esbuild.mjs injects this module there only): the
// sources readers and iconv-lite use Buffer, which a web worker does not have. The `buffer`
// package is the standard implementation of Node's API over Uint8Array.
export { Buffer } from 'buffer';
