// For helper F (the projector's and presenter's layout): the live phone strip is one line (about 3 rem
// high, full width of its container, wrapping to two lines when narrow): phones joined, votes in, and
// per team "agreed / tie / no vote" (phones-team) or the spread of answers (phones-each, never names).
// Props: the session and the moment's lettered choices (`moment.choices`). `PhoneAdmits` is the
// presenter's small admit list (phones that typed the code): a short list, about 16 rem wide.
import { phoneStripFigures, votingMode } from '../../engine/classroom-votes';
import type { ClassroomSession } from '../../engine/classroom-model';
import type { ShownChoice } from '../../engine/selectors/classroom';
import { useMessages } from '../../lib/i18n';
import { admitPhone, dismissPhone, usePhoneRoomView } from './phone-room';
import { phoneMessages } from './phone-messages';
import './phones.css';

export function PhoneStrip(props: { session: ClassroomSession; choices: readonly ShownChoice[] }) {
  const t = useMessages(phoneMessages);
  const room = usePhoneRoomView();
  const { session } = props;
  const visible = props.choices.map((c) => c.choice.id);
  const f = phoneStripFigures(session, visible, room.phones);
  const mode = votingMode(session.config);
  const voting = session.phase === 'vote' || session.phase === 'tie';
  return (
    <div
      className="phone-strip"
      data-phone-strip={mode}
      data-joined={f.joined}
      data-votes={f.voted}
    >
      <span className="phone-strip-joined">{t('joined', { n: f.joined })}</span>
      {voting && <span className="phone-strip-votes">{t('votesIn', { n: f.voted })}</span>}
      {voting && mode === 'phones-team' && (
        <ul className="phone-strip-teams">
          {f.teams.map((team) => (
            <li key={team.id} data-team={team.id} data-state={team.state}>
              {session.config.teams.find((x) => x.id === team.id)?.name}:{' '}
              {t(team.state === 'agreed' ? 'agreed' : team.state === 'tie' ? 'tie' : 'silent')}
            </li>
          ))}
        </ul>
      )}
      {voting && mode === 'phones-each' && (
        <ul className="phone-strip-spread" aria-label={t('spread')}>
          {props.choices.map((c) => (
            <li key={c.choice.id} data-choice={c.choice.id}>
              {t('spreadOf', { letter: c.letter, n: f.spread[c.choice.id] ?? 0 })}
            </li>
          ))}
        </ul>
      )}
      {!room.connected && (
        <span className="phone-strip-offline" role="status">
          {t('offline')}
        </span>
      )}
    </div>
  );
}

/** The presenter's admit list: phones that typed the room code wait here to be let in. */
export function PhoneAdmits() {
  const t = useMessages(phoneMessages);
  const { waiting } = usePhoneRoomView();
  if (!waiting.length) return null;
  return (
    <section className="phone-admits" aria-labelledby="phone-admits-title">
      <h2 id="phone-admits-title">{t('admitTitle')}</h2>
      <ul>
        {waiting.map((w) => (
          <li key={w.phone} data-admit={w.phone}>
            <span>{w.label || t('admitUnnamed')}</span>{' '}
            <button
              type="button"
              className="button small"
              data-action="admit-phone"
              onClick={() => admitPhone(w.phone)}
            >
              {t('admit')}
            </button>{' '}
            <button type="button" className="button small" onClick={() => dismissPhone(w.phone)}>
              {t('dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
