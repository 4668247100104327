// Where pdf.js finds its character maps in the browser worker (dist/web/server.js): the folder
// dist/pdfjs-cmaps/ beside dist/web/, fetched over the URL the worker was loaded from. A worker
// started from a blob: or data: URL has no such place; then pdf.js reads only embedded fonts.

export function cMapUrl(): string | undefined {
  const here = (globalThis as { location?: { href?: string } }).location?.href;
  if (!here || !/^(https?|vscode-[a-z-]+|file):/i.test(here)) return undefined;
  try {
    return new URL('../pdfjs-cmaps/', here).href;
  } catch {
    return undefined;
  }
}
