// A file name as the text output shows it: control characters (a newline, ESC, CR…) escaped, so
// that a file named "a\nb.txt: error …" or holding a terminal escape cannot forge output lines
// or drive the terminal. JSON output escapes by itself; CSV quotes.

const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function shown(path: string): string {
  return path.replace(CONTROL, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`.replace(/^\\x(....)$/, '\\u$1'));
}
