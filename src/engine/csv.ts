// CSV as spreadsheets read it (RFC 4180 quoting), and safe to open: a text cell that a spreadsheet would
// run as a formula (a team named `=HYPERLINK(…)`) is written with a leading apostrophe, which Excel,
// LibreOffice and Google Sheets show as text (OWASP's advice for CSV injection). Every CSV writer of the
// app goes through `csvText`.

/** A cell starting like this is a formula (or becomes one after the spreadsheet trims a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text neutralised when it would start a formula, quoted when needed. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, CRLF line ends, ending with one. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
