// CSV as RFC 4180 writes it: fields parted by commas, records by CRLF, a field holding a comma,
// a quote, CR or LF quoted with its quotes doubled; the whole in UTF-8 with a BOM, so that Excel
// and WPS open the Chinese as Chinese.

/** One field, quoted when it must be. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The document: header and records, CRLF after each, a BOM first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
