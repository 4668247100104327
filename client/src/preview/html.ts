// The preview webview's HTML shell: a strict Content-Security-Policy (nothing but the
// extension's own stylesheet and one script carrying a fresh nonce), the stylesheet and the
// script from media/. The tables themselves are drawn by media/preview.js from posted data.

export interface ShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Webview URIs of media/preview.css and media/preview.js. */
  styleUri: string;
  scriptUri: string;
  nonce: string;
  /** `zh-CN` or `en`, for the document's lang attribute. */
  lang: string;
  title: string;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
}

export function previewHtml(o: ShellOptions): string {
  return `<!DOCTYPE html>
<html lang="${escapeAttr(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(o.styleUri)}">
<title>${escapeAttr(o.title)}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** A fresh nonce per page: 128 random bits, hex. */
export function makeNonce(): string {
  // Web Crypto: in Node's extension host and in the browser's alike.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
