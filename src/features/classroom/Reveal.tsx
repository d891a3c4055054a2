import { Meters } from '../../components/Meters';
import type { RevealOnScreen } from '../../engine/selectors/classroom';
import { useMessages } from '../../lib/i18n';
import { stageMessages } from './messages';
import { CustomerLine } from './parts';
import type { StageProps } from './stage-types';
import { TeamBadge } from './teams';

/**
 * After a vote: each team's pick and points, the customer's reaction to the room's choice, and the road
 * not taken: every other choice's reply and feedback side by side. Letters are the ones the room saw.
 */
export function Reveal(props: StageProps & { reveal: RevealOnScreen }) {
  const t = useMessages(stageMessages);
  const { session, conversation, reveal } = props;
  const s = conversation.scenario;
  const { decision: d, chosen, move } = reveal;
  return (
    <section className="class-reveal" aria-labelledby="reveal-title" data-chosen={d.chosen}>
      <h2 id="reveal-title" className="reveal-title" data-letter={chosen?.letter ?? ''}>
        {chosen ? t('roomChose', { letter: chosen.letter }) : t('roomSilent')}
        {d.tieBroken && <span className="reveal-tie"> {t('tieBroken')}</span>}
      </h2>
      {chosen && (
        <p className="reveal-choice" lang={s.locale}>
          <span className="choice-letter" aria-hidden="true">
            {chosen.letter}
          </span>
          {chosen.choice.text}
        </p>
      )}
      <section aria-label={t('picks')} className="reveal-picks">
        <ul>
          {reveal.picks.map(({ team, index, pick, points }) => (
            <li
              key={team.id}
              data-team={team.id}
              data-pick={pick?.choice.id ?? ''}
              data-letter={pick?.letter ?? ''}
              data-points={points}
            >
              <TeamBadge team={team} index={index} />
              <span className="pick">
                {pick
                  ? t(points === 1 ? 'pickLineOne' : 'pickLine', { letter: pick.letter, points })
                  : t('noPick')}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="reveal-reaction" aria-labelledby="reaction-title">
        <h3 id="reaction-title">{t('customerReaction')}</h3>
        <div className="class-top">
          <CustomerLine
            scenario={s}
            say={move?.reply ?? t('silence')}
            emotion={reveal.emotion}
            mood={reveal.meters.mood ?? 50}
            size={120}
          />
          <Meters meters={reveal.meters} deltas={reveal.deltas} moveKey={session.played.length} />
        </div>
        {move?.feedback && (
          <p className="reveal-feedback" lang={s.locale}>
            {move.feedback}
          </p>
        )}
      </section>
      {reveal.others.length > 0 && (
        <section className="road-not-taken" aria-labelledby="road-title">
          <h3 id="road-title">{t('roadNotTaken')}</h3>
          <ul lang={s.locale}>
            {reveal.others.map(({ choice: c, letter, best }) => (
              <li
                key={c.id}
                data-choice={c.id}
                data-letter={letter}
                className={best ? 'is-best' : undefined}
              >
                <p className="road-head">
                  <span className="choice-letter" aria-hidden="true">
                    {letter}
                  </span>
                  <span className="visually-hidden">{letter}: </span>
                  <span className="road-points">
                    {t(c.score === 1 ? 'pointsOne' : 'points', { n: c.score })}
                    {best && ` · ${t('best')}`}
                  </span>
                </p>
                <p className="road-text">{c.text}</p>
                {c.reply && <blockquote className="road-reply">{c.reply}</blockquote>}
                {c.feedback && <p className="road-feedback">{c.feedback}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
