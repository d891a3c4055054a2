// The one place dates are written: local calendar dates for file names and display, ISO 8601 timestamps
// with the local UTC offset in saved and exported data (a UTC date slice is the wrong day east of UTC).

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** The local calendar date as YYYY-MM-DD, for file names (`mot-attempts-2026-12-01.json`). */
export function localDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An ISO 8601 timestamp in local time with its offset, for data: `2026-12-01T18:40:05.123+08:00`. */
export function isoTimestamp(d: Date = new Date()): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `.${pad(d.getMilliseconds(), 3)}${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date (with the time when asked) as the UI language writes it, through Intl.DateTimeFormat. */
export function formatDate(
  d: Date | string | number,
  locale: string,
  options: { time?: boolean; timeZone?: string } = {},
): string {
  const key = `${locale}|${options.time ? 't' : ''}|${options.timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(options.time ? { timeStyle: 'short' } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    formats.set(key, f);
  }
  return f.format(d instanceof Date ? d : new Date(d));
}
