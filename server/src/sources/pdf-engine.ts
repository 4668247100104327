// pdf.js, gathered in one module so that it is loaded only when a PDF is read: the readers
// import it with a dynamic import(), and the bundles ship it as a file of its own
// (dist/pdf-engine.mjs, see esbuild.mjs). The worker's message handler runs in this thread
// (pdf.js's "fake worker"): no worker file is fetched or spawned.

export { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
// @ts-expect-error pdf.js ships no types for the worker module
export { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
