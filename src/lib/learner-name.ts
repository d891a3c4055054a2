/** Longer names are cut: a certificate line and a CSV cell, not a paragraph. */
export const MAX_NAME = 80;

/** A name as kept: trimmed, inner whitespace collapsed, at most MAX_NAME characters; null when blank. */
export function cleanName(raw: string | null | undefined): string | null {
  const name = (raw ?? '').replace(/\s+/gu, ' ').trim();
  return name ? Array.from(name).slice(0, MAX_NAME).join('') : null;
}
