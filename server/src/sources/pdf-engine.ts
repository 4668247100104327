// pdf.js, gathered in one module so that it is loaded only when a PDF is read: the readers
// import it with a dynamic import(), and the bundles ship it as a file of its own
// (dist/pdf-engine.mjs, see esbuild.mjs). The worker's message handler runs in this thread
// (pdf.js's "fake worker"): no worker file is fetched or spawned. The modern build, not the
// legacy one: the legacy build brings core-js, which replaces Array.prototype.push with a slow
// script version (a third of a small PDF's time in a profile); the one thing it adds that Node 20
// lacks, Promise.withResolvers, comes from pdf-polyfill.ts.

import './pdf-polyfill.js';
export { getDocument, VerbosityLevel } from 'pdfjs-dist'; // the package's main: build/pdf.mjs
// @ts-expect-error pdf.js ships no types for the worker module
export { WorkerMessageHandler } from 'pdfjs-dist/build/pdf.worker.mjs';
