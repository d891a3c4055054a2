/**
 * Names as a list in the UI language: `、` between them in Chinese (狮子队、白鹤队), the language's own
 * list separators elsewhere (Intl.ListFormat: "Lions, Cranes"). No "and": a cell of names, not a sentence.
 */
export function joinNames(locale: string, names: readonly string[]): string {
  if (locale.startsWith('zh')) return names.join('、');
  try {
    return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(names);
  } catch {
    return names.join(', ');
  }
}
