/** Scenario text for an attribute (alt, aria-label, title): wrapped in FSI…PDI, the plain-text `<bdi>`. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
