import { Meters } from '../../components/Meters';
import { emotionForMood } from '../../components/Portrait';
import { votingTeams } from '../../engine/classroom-session';
import { TIMEOUT_ID } from '../../engine/model';
import { useMessages } from '../../lib/i18n';
import { stageMessages } from './messages';
import { CustomerLine } from './parts';
import type { StageProps } from './stage-types';
import { TeamBadge, letterOf } from './teams';

/**
 * After a vote: each team's pick and points, the customer's reaction to the room's choice, and the road
 * not taken: every other choice's reply and feedback side by side.
 */
export function Reveal(props: StageProps) {
  const t = useMessages(stageMessages);
  const { session, conversation } = props;
  const s = conversation.scenario;
  const d = session.played.at(-1)!;
  const node = s.nodes[d.node]!;
  const visible = d.visible.map((id) => node.choices.find((c) => c.id === id)).filter((c) => !!c);
  const letter = (id: string) => letterOf(d.visible.indexOf(id));
  const chosen = d.chosen === TIMEOUT_ID ? node.onTimeout : visible.find((c) => c.id === d.chosen);
  const before = session.played.at(-2)?.meters ?? s.meters;
  const deltas = Object.fromEntries(
    Object.entries(d.meters).map(([k, v]) => [k, v - (before[k] ?? v)]),
  );
  const teams = votingTeams(session.config, t('roomName'));
  const others = visible.filter((c) => c.id !== d.chosen);
  const points = (id: string | undefined) => visible.find((c) => c.id === id)?.score ?? 0;
  return (
    <section className="class-reveal" aria-labelledby="reveal-title" data-chosen={d.chosen}>
      <h2 id="reveal-title" className="reveal-title">
        {d.chosen === TIMEOUT_ID ? t('roomSilent') : t('roomChose', { letter: letter(d.chosen) })}
        {d.tieBroken && <span className="reveal-tie"> {t('tieBroken')}</span>}
      </h2>
      {d.chosen !== TIMEOUT_ID && (
        <p className="reveal-choice" lang={s.locale}>
          <span className="choice-letter" aria-hidden="true">
            {letter(d.chosen)}
          </span>
          {visible.find((c) => c.id === d.chosen)?.text}
        </p>
      )}
      <section aria-label={t('picks')} className="reveal-picks">
        <ul>
          {teams.map((team, i) => {
            const pick = d.votes[team.id];
            return (
              <li
                key={team.id}
                data-team={team.id}
                data-pick={pick ?? ''}
                data-points={points(pick)}
              >
                <TeamBadge team={team} index={i} />
                <span className="pick">
                  {pick
                    ? t(points(pick) === 1 ? 'pickLineOne' : 'pickLine', {
                        letter: letter(pick),
                        points: points(pick),
                      })
                    : t('noPick')}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="reveal-reaction" aria-labelledby="reaction-title">
        <h3 id="reaction-title">{t('customerReaction')}</h3>
        <div className="class-top">
          <CustomerLine
            scenario={s}
            say={chosen?.reply ?? t('silence')}
            emotion={emotionForMood(d.meters.mood ?? 50)}
            mood={d.meters.mood ?? 50}
            size={120}
          />
          <Meters meters={d.meters} deltas={deltas} moveKey={session.played.length} />
        </div>
        {chosen?.feedback && (
          <p className="reveal-feedback" lang={s.locale}>
            {chosen.feedback}
          </p>
        )}
      </section>
      {others.length > 0 && (
        <section className="road-not-taken" aria-labelledby="road-title">
          <h3 id="road-title">{t('roadNotTaken')}</h3>
          <ul lang={s.locale}>
            {others.map((c) => (
              <li
                key={c.id}
                data-choice={c.id}
                className={c.score === d.max ? 'is-best' : undefined}
              >
                <p className="road-head">
                  <span className="choice-letter" aria-hidden="true">
                    {letter(c.id)}
                  </span>
                  <span className="visually-hidden">{letter(c.id)}: </span>
                  <span className="road-points">
                    {t(c.score === 1 ? 'pointsOne' : 'points', { n: c.score })}
                    {c.score === d.max && ` · ${t('best')}`}
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
