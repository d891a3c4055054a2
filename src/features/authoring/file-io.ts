import { downloadFile } from '../../lib/download';

/** Writes the text unchanged (comments and all) to a file the browser downloads. */
export function downloadText(fileName: string, text: string): void {
  downloadFile(fileName || 'scenario.yaml', 'application/yaml', text);
}

/** The first file of a drop or a picker, if any. */
export function firstFile(list: FileList | null | undefined): File | null {
  return list && list.length > 0 ? (list[0] ?? null) : null;
}

export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}
