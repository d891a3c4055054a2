import { useEffect, useId, useRef, useState } from 'react';
import { useShellT } from '../../lib/i18n-shell';
import { useLearner } from '../../lib/learner';
import { MAX_NAME, usePrefs } from '../../lib/prefs-store';
import './learner.css';

/** The name form: a text field, save, and skip (the first time) or cancel (when editing). */
function NameForm(props: { first: boolean; onDone: () => void }) {
  const t = useShellT();
  const id = useId();
  const name = usePrefs((s) => s.name);
  const setName = usePrefs((s) => s.setName);
  const skipName = usePrefs((s) => s.skipName);
  const [text, setText] = useState(name ?? '');
  const field = useRef<HTMLInputElement>(null);
  // Editing later opens the field for typing; the first question never steals focus.
  useEffect(() => {
    if (!props.first) field.current?.focus();
  }, [props.first]);
  return (
    <form
      className="name-form"
      data-name-form={props.first ? 'ask' : 'edit'}
      onSubmit={(e) => {
        e.preventDefault();
        setName(text);
        props.onDone();
      }}
    >
      <label htmlFor={`${id}-name`}>{t('nameLabel')}</label>
      <p className="muted small" id={`${id}-hint`}>
        {t('nameHint')}
      </p>
      <div className="name-row">
        <input
          id={`${id}-name`}
          name="name"
          autoComplete="name"
          maxLength={MAX_NAME}
          value={text}
          aria-describedby={`${id}-hint`}
          ref={field}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button primary" data-action="save-name">
          {t('saveName')}
        </button>
        <button
          type="button"
          className="button"
          data-action={props.first ? 'skip-name' : 'cancel-name'}
          onClick={() => {
            if (props.first) skipName();
            props.onDone();
          }}
        >
          {props.first ? t('skipName') : t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** Asked once, optionally, above the cards: the trainee's name for certificates and exports. */
export function NameQuestion() {
  const t = useShellT();
  const asked = usePrefs((s) => s.nameAsked);
  const learner = useLearner();
  if (asked || learner.source === 'lms') return null;
  return (
    <section className="panel name-question" aria-label={t('nameQuestion')}>
      <NameForm first onDone={() => {}} />
    </section>
  );
}

/** The "you" line under the cards: the name in use, and a way to change it. */
export function YourName() {
  const t = useShellT();
  const asked = usePrefs((s) => s.nameAsked);
  const learner = useLearner();
  const [editing, setEditing] = useState(false);
  const titleId = useId();
  if (!asked && learner.source !== 'lms') return null;
  return (
    <section className="library-foot your-name" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('you')}</h2>
      {editing ? (
        <NameForm first={false} onDone={() => setEditing(false)} />
      ) : (
        <p className="name-line">
          <span data-learner-name={learner.name ?? ''}>
            {learner.name === null ? t('noName') : t('yourName', { name: learner.name })}
          </span>
          {learner.source === 'lms' ? (
            <span className="muted small">{t('lmsName')}</span>
          ) : (
            <button
              type="button"
              className="button small"
              data-action="edit-name"
              onClick={() => setEditing(true)}
            >
              {learner.name === null ? t('addName') : t('editName')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
