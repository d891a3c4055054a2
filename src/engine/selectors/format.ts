// Locale-aware display of the engine's figures. The number itself is computed once (score.ts `percent`,
// one decimal, half up); these only write it the way the reader's language does.

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 });
    formatters.set(locale, f);
  }
  return f;
}

/** A score or percentage as the locale writes it: "72.5", "100", never a re-rounded figure. */
export function formatScore(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** A whole number (points, counts) as the locale writes it. */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}
