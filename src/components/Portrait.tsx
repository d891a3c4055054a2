import type { Emotion } from '../engine/vocabulary';

const BUILT_IN = /^[a-z]+-\d+$/;

/** The customer's face: a built-in portrait with an expression, or a file under public/. */
export function portraitUrl(portrait: string | undefined, emotion: Emotion): string {
  const p = portrait ?? 'woman-1';
  if (BUILT_IN.test(p)) return `${import.meta.env.BASE_URL}portraits/${p}-${emotion}.svg`;
  return `${import.meta.env.BASE_URL}${p.replace(/^\/+/, '')}`;
}

/** The expression that fits a mood when the scenario names none. */
export function emotionForMood(mood: number): Emotion {
  if (mood >= 80) return 'delighted';
  if (mood >= 60) return 'pleased';
  if (mood >= 45) return 'calm';
  if (mood >= 30) return 'worried';
  if (mood >= 15) return 'upset';
  return 'angry';
}

export function Portrait(props: {
  portrait: string | undefined;
  emotion: Emotion;
  label: string;
  size?: number;
}) {
  const size = props.size ?? 160;
  return (
    <img
      className="portrait"
      src={portraitUrl(props.portrait, props.emotion)}
      alt={props.label}
      width={size}
      height={size}
      data-emotion={props.emotion}
    />
  );
}
