// Whether the trainer plays the preview: off on a first visit (the editor opens without the run's
// code and without a clock ticking beside it), remembered on this device once they have played.
const KEY = 'mot:author-preview';

export function previewWanted(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function rememberPreview(): void {
  try {
    localStorage.setItem(KEY, 'on');
  } catch {
    // Storage full or blocked: the preview still plays, it is only not remembered.
  }
}
