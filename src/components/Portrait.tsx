import type { Emotion } from '../engine/vocabulary';

const BUILT_IN = /^[a-z]+-\d+$/;

/** The customer's face: a built-in portrait with an expression, or a file under public/. */
export function portraitUrl(portrait: string | undefined, emotion: Emotion): string {
  const p = portrait ?? 'woman-1';
  if (BUILT_IN.test(p)) return `${import.meta.env.BASE_URL}portraits/${p}-${emotion}.svg`;
  return `${import.meta.env.BASE_URL}${p.replace(/^\/+/, '')}`;
}

// The expression for a mood is the engine's (one home for every derived fact); kept importable from here.
export { emotionForMood } from '../engine/selectors/moment';

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
