import type { ComponentProps } from 'react';
import type { FeedbackBody } from '../FeedbackBody';
import { loadLater } from '../load-later';

// The coach's note (and the principle cards it cites) is only read after an answer: its code loads in
// idle time after the first moment (loadFeedback), not on the way to it. Render it under a Suspense
// boundary; once loaded it renders at once.

const later = loadLater<ComponentProps<typeof FeedbackBody>>(() =>
  import('../FeedbackBody').then((m) => m.FeedbackBody),
);

/** FeedbackBody, loaded on demand (suspends until its code is there). */
export const FeedbackBodyLater = later.Component;

/** Loads the coach's note (once; again after a failed load). */
export const loadFeedback = later.preload;
