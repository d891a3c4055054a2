import { useEffect, useId, useRef, useState } from 'react';
import type { PhoneState } from '../../engine/relay-protocol';
import { useMessages } from '../../lib/i18n-shell';
import {
  connectPhone,
  phoneId,
  type PhoneLink,
  type PhoneLinkStatus,
} from '../../lib/relay-client';
import { useDocumentTitle } from '../../lib/use-document-title';
import { joinMessages } from './messages';
import './join.css';

// `#/join/<CODE>` (with `?key=` from the projector's QR code, or typed by hand: then the presenter
// admits the phone): a phone in a class's room. It asks for a team (phones-team) or a name (phones-each)
// and nothing else, shows the customer's line and the choices as large buttons, and keeps the vote
// until the presenter's state shows it. Every figure it shows comes in the presenter's state.

interface Saved {
  key?: string;
  team?: string;
  name?: string;
}

const savedKey = (code: string) => `mot:join:${code}`;

function readSaved(code: string): Saved {
  try {
    const x = JSON.parse(localStorage.getItem(savedKey(code)) ?? 'null') as Saved | null;
    return x && typeof x === 'object' ? x : {};
  } catch {
    return {};
  }
}

function writeSaved(code: string, s: Saved) {
  try {
    localStorage.setItem(savedKey(code), JSON.stringify(s));
  } catch {
    // Private mode: the phone asks again after a reload.
  }
}

export default function JoinRoute(props: { code: string; roomKey?: string }) {
  const { code } = props;
  const t = useMessages(joinMessages);
  useDocumentTitle(t('title'));
  const [saved, setSaved] = useState<Saved>(() => {
    const s = readSaved(code);
    return props.roomKey ? { ...s, key: props.roomKey } : s;
  });
  const [status, setStatus] = useState<PhoneLinkStatus>('connecting');
  const [state, setState] = useState<PhoneState | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [me] = useState(() => phoneId());
  const [mine, setMine] = useState<{ at: string; choice: string } | null>(null);
  const link = useRef<PhoneLink | null>(null);

  const update = (next: Saved) => {
    setSaved(next);
    writeSaved(code, next);
  };

  useEffect(() => {
    const l = connectPhone({
      room: code,
      ...(saved.key ? { key: saved.key } : {}),
      phone: me,
      label: saved.name ?? saved.team ?? '',
      onState: setState,
      onStatus: setStatus,
      onDirect: (body) => {
        if (body.kind === 'refused') setRefused(body.at);
      },
      onKey: (key) => update({ ...readSaved(code), key }),
    });
    link.current = l;
    return () => l.close();
    // One connection per room code: the key and pick the phone learns later ride on it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, me]);

  const vote = (choice: string) => {
    if (!state) return;
    setMine({ at: state.at, choice });
    setRefused(null);
    link.current?.vote({
      at: state.at,
      choice,
      ...(state.rule === 'phones-team' && saved.team ? { team: saved.team } : {}),
      ...(state.rule === 'phones-each' && saved.name ? { name: saved.name } : {}),
    });
  };

  const connected = status === 'joined' || status === 'open';
  return (
    <div className="join" lang={undefined}>
      <header className="join-head">
        <h1>{t('title')}</h1>
        <p className="join-room">{t('room', { code })}</p>
      </header>
      <main id="main" className="join-main" tabIndex={-1}>
        <p className="join-status" role="status" aria-live="polite">
          {status === 'no-room'
            ? t('noRoom')
            : status === 'waiting'
              ? t('waitingAdmit')
              : status === 'closed' && state
                ? t('offline')
                : !state && (status === 'connecting' || status === 'closed')
                  ? t('connecting')
                  : !state && connected
                    ? t('waitingState')
                    : ''}
        </p>
        {state && (
          <Body
            state={state}
            me={me}
            saved={saved}
            mine={mine}
            refused={refused}
            onSave={update}
            onVote={vote}
          />
        )}
      </main>
    </div>
  );
}

function Body(props: {
  state: PhoneState;
  me: string;
  saved: Saved;
  mine: { at: string; choice: string } | null;
  refused: string | null;
  onSave: (s: Saved) => void;
  onVote: (choice: string) => void;
}) {
  const t = useMessages(joinMessages);
  const { state, me, saved } = props;
  const team = state.teams.find((x) => x.id === saved.team);
  if (state.rule === 'phones-team' && !team)
    return <TeamPicker state={state} onPick={(id) => props.onSave({ ...saved, team: id })} />;
  if (state.rule === 'phones-each' && !saved.name)
    return <NamePicker onName={(name) => props.onSave({ ...saved, name })} />;
  const vote = state.votes[me];
  const pending = props.mine?.at === state.at ? props.mine.choice : undefined;
  const shown = pending ?? vote;
  const letterOf = (id: string | undefined) => state.choices.find((c) => c.id === id)?.letter ?? '';
  const refused = props.refused !== null && (
    <p className="join-refused" role="alert" data-refused="">
      {t('refused')}
    </p>
  );
  const who =
    state.rule === 'phones-team' && team ? (
      <p className="join-who">
        {t('yourTeam', { team: team.name })}{' '}
        <button
          type="button"
          className="join-link"
          onClick={() => props.onSave({ ...saved, team: undefined })}
        >
          {t('changeTeam')}
        </button>
      </p>
    ) : (
      <p className="join-who">{saved.name}</p>
    );
  if (state.phase === 'vote')
    return (
      <section
        className="join-vote"
        aria-labelledby="join-choose"
        data-phase={state.phase}
        data-voted={vote ?? undefined}
      >
        {who}
        <p className="join-line" lang={state.locale}>
          {state.line}
        </p>
        <h2 id="join-choose">{t('choose')}</h2>
        <div className="join-choices">
          {state.choices.map((c) => (
            <button
              key={c.id}
              type="button"
              className="join-choice"
              data-choice={c.id}
              aria-pressed={shown === c.id}
              onClick={() => props.onVote(c.id)}
            >
              <span className="join-letter" aria-hidden="true">
                {c.letter}
              </span>
              <span lang={state.locale}>{c.text}</span>
            </button>
          ))}
        </div>
        <p className="join-note" aria-live="polite">
          {vote && vote === shown
            ? t('voted', { letter: letterOf(vote) })
            : shown
              ? t('sending')
              : ''}
        </p>
        {state.rule === 'phones-team' && team && state.teamPicks?.[team.id] === 'tie' && (
          <p className="join-tie" role="alert" data-agree="">
            {t('tie')}
          </p>
        )}
        {refused}
      </section>
    );
  const revealed = state.revealed;
  const chosen = state.choices.find((c) => c.id === revealed?.choice);
  const score = revealed?.scores?.[me];
  return (
    <section className="join-wait" data-phase={state.phase}>
      {who}
      {refused}
      {state.phase === 'briefing' && <p>{t('briefing')}</p>}
      {state.phase === 'tie' && <p>{t('roomTie')}</p>}
      {revealed && !state.ended && (
        <p className="join-revealed" lang={state.locale}>
          {chosen ? t('revealed', { letter: chosen.letter, text: chosen.text }) : t('timedOut')}
        </p>
      )}
      {state.ended && <p className="join-ended">{t('ended')}</p>}
      {state.ended && state.rule === 'phones-each' && revealed?.scores && (
        <p className="join-score" data-score={score ?? ''}>
          {typeof score === 'number' ? t('yourScore', { score }) : t('noScore')}
        </p>
      )}
      {!state.ended && <p className="join-note">{t('watch')}</p>}
    </section>
  );
}

function TeamPicker(props: { state: PhoneState; onPick: (id: string) => void }) {
  const t = useMessages(joinMessages);
  return (
    <section className="join-pick" aria-labelledby="join-team">
      <h2 id="join-team">{t('pickTeam')}</h2>
      <div className="join-choices">
        {props.state.teams.map((team) => (
          <button
            key={team.id}
            type="button"
            className="join-choice join-team"
            data-team={team.id}
            data-colour={team.colour}
            onClick={() => props.onPick(team.id)}
          >
            {team.name}
          </button>
        ))}
      </div>
    </section>
  );
}

function NamePicker(props: { onName: (name: string) => void }) {
  const t = useMessages(joinMessages);
  const id = useId();
  const [name, setName] = useState('');
  return (
    <form
      className="join-pick"
      onSubmit={(e) => {
        e.preventDefault();
        const n = name.trim().slice(0, 40);
        if (n) props.onName(n);
      }}
    >
      <label htmlFor={id}>{t('yourName')}</label>
      <p id={`${id}-hint`} className="join-note">
        {t('nameHint')}
      </p>
      <input
        id={id}
        aria-describedby={`${id}-hint`}
        value={name}
        maxLength={40}
        autoComplete="given-name"
        data-join-name=""
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="join-choice" disabled={!name.trim()}>
        {t('joinAs')}
      </button>
    </form>
  );
}
