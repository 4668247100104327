// CSV as RFC 4180 writes it: fields parted by commas, records by CRLF, a field holding a comma,
// a quote, CR or LF quoted with its quotes doubled; the whole in UTF-8 with a BOM, so that Excel
// and WPS open the Chinese as Chinese. A field that a spreadsheet would take for a formula — one
// starting with = + - @, a tab or CR (an office name from a title, a file name) — is neutralised
// as OWASP recommends for CSV injection: an apostrophe before it, shown by Excel and WPS as text.
// A plain number (-3, +1.5) is left as it is.

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** A field that cannot start a formula. */
export function neutralised(s: string): string {
  return FORMULA.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

/** One field, neutralised, and quoted when it must be. */
export function csvField(value: string): string {
  const s = neutralised(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The document: header and records, CRLF after each, a BOM first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
