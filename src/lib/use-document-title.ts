import { useEffect } from 'react';

/**
 * Sets the page title (WCAG 2.4.2) from its parts, most specific first, joined with " · "; empty parts
 * are skipped. Every route calls it with strings in the UI language, so the title follows the screen.
 */
export function useDocumentTitle(...parts: Array<string | null | undefined | false>): void {
  const title = parts.filter((p): p is string => !!p).join(' · ');
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
