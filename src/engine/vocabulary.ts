/** The five MOT steps, in the order a conversation moves through them. */
export const STEPS = ['atmosphere', 'analyze', 'resolve', 'summarize', 'follow-up'] as const;
export type Step = (typeof STEPS)[number];

/** Expressions a customer's portrait can show. */
export const EMOTIONS = ['calm', 'pleased', 'delighted', 'worried', 'upset', 'angry'] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** Concept ids a choice may cite; each has a card in the app. */
export const PRINCIPLES = [
  'primacy-effect',
  'golden-rule',
  'platinum-rule',
  'iceberg',
  'need-levels',
  'listening-levels',
  'open-questions',
  'empathy',
  'green-needs',
  'red-needs',
  'ownership',
  'summarize',
  'keep-promises',
  'follow-up',
  'tiered-management',
] as const;
export type Principle = (typeof PRINCIPLES)[number];

/** Built-in portraits (public/portraits/<id>-<emotion>.svg); a value with "/" or "." is a file under public/. */
export const PORTRAITS = ['woman-1', 'woman-2', 'man-1', 'man-2', 'man-3'] as const;

export const FORMAT = 'mot-scenario/1';
export const DEFAULT_METERS = { mood: 50, trust: 50 } as const;

/** Position of a step in the model, for ordering checks. */
export function stepRank(step: Step): number {
  return STEPS.indexOf(step);
}
