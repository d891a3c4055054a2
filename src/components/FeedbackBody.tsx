import type { Principle } from '../engine/vocabulary';
import { useT } from '../lib/i18n';
import { PrincipleList } from './PrincipleList';

/** `full`, `part` or `none`: how a decision's points are coloured (with the figures as text). */
export function pointsClass(points: number, max: number): string {
  return points === max ? 'full' : points === 0 ? 'none' : 'part';
}

/** The coach's note on a decision: points out of the best visible, the feedback, the principles. */
export function FeedbackBody(props: {
  points: number;
  max: number;
  feedback?: string | undefined;
  principles: readonly Principle[];
  /** The scenario's language (the feedback is scenario text). */
  lang?: string | undefined;
}) {
  const t = useT();
  return (
    <>
      <p className="feedback-head">
        <span className="eyebrow">{t('feedback')}</span>
        <span className={`points ${pointsClass(props.points, props.max)}`}>
          {t('points', { p: props.points, max: props.max })}
        </span>
      </p>
      {props.feedback && (
        <p className="feedback-text" lang={props.lang}>
          {props.feedback}
        </p>
      )}
      <PrincipleList principles={props.principles} />
    </>
  );
}
