/**
 * Items (names, choice letters) as a list in a UI language, for display: `、` between them in Chinese
 * (狮子队、白鹤队; A、B), the language's own separators elsewhere (Intl.ListFormat: "Lions, Cranes").
 * No "and": a cell or a banner's list, not a sentence.
 */
export function joinList(locale: string, items: readonly string[]): string {
  if (locale.startsWith('zh')) return items.join('、');
  try {
    return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(items);
  } catch {
    return items.join(', ');
  }
}
