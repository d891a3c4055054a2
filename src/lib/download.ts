/**
 * Saves a file the browser writes (no server): through a temporary link, the one way every export
 * of the app (history, set-aside data, local data, classroom results, scenario files) downloads.
 */
export function downloadFile(fileName: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads data as an indented JSON file. */
export function downloadJson(fileName: string, data: unknown): void {
  downloadFile(fileName, 'application/json', JSON.stringify(data, null, 2));
}
