// What pdf.js's modern build needs that Node 20 lacks (Node 22 has it): Promise.withResolvers.
// Imported before pdf.js wherever it is loaded (pdf-engine.ts; pdf-worker.ts from the sources).

if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (v: T) => void, reject!: (e: unknown) => void;
      const promise = new Promise<T>((a, b) => { resolve = a; reject = b; });
      return { promise, resolve, reject };
    },
  });
}
export {};
