import { useEffect, useId, useRef, type Dispatch, type SetStateAction } from 'react';
import { MAX_TEAMS, MIN_TEAMS, type ClassTeam } from '../../engine/classroom-model';
import { useMessages } from '../../lib/i18n-shell';
import { setupMessages } from './setup-messages';
import { TEAM_PALETTE, TeamSwatch } from './teams';

/** A team as the form holds it: a null name is the default one ("Team 2"), which follows its row. */
export interface DraftTeam {
  id: string;
  name: string | null;
  colour: number;
}

export const NAME_MAX = 40;
export const DEFAULT_TEAMS = 3;

export const initialTeams = (): DraftTeam[] =>
  Array.from({ length: DEFAULT_TEAMS }, (_, i) => ({ id: `t${i + 1}`, name: null, colour: i }));

/** The teams as the session keeps them: names trimmed and capped, an empty one given its default. */
export function finalTeams(drafts: readonly DraftTeam[], defaultName: (n: number) => string) {
  return drafts.map((d, i): ClassTeam => ({
    id: d.id,
    name: (d.name ?? '').trim().slice(0, NAME_MAX).trim() || defaultName(i + 1),
    colour: d.colour,
  }));
}

/** The teams fieldset: a row per team (number key, swatch, name, colour and pattern), add and remove. */
export function TeamsEditor(props: {
  teams: DraftTeam[];
  setTeams: Dispatch<SetStateAction<DraftTeam[]>>;
  /** The default name of team n, in the session's language (what the projector will show). */
  defaultName: (n: number) => string;
  disabled: boolean;
}) {
  const t = useMessages(setupMessages);
  const { teams, setTeams } = props;
  const uid = useId();
  const hintId = `${uid}-hint`;
  const noteId = `${uid}-note`;
  // Ids come from a counter, so removing a team never renames the others.
  const nextId = useRef(teams.length + 1);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target) document.getElementById(target)?.focus();
  }, [teams]);

  const nameId = (id: string) => `${uid}-name-${id}`;
  const update = (id: string, change: Partial<DraftTeam>) =>
    setTeams((ts) => ts.map((x) => (x.id === id ? { ...x, ...change } : x)));
  const add = () => {
    if (teams.length >= MAX_TEAMS) return;
    const used = new Set(teams.map((x) => x.colour));
    const colour = TEAM_PALETTE.findIndex((_, i) => !used.has(i));
    const id = `t${nextId.current++}`;
    focusNext.current = nameId(id);
    setTeams([...teams, { id, name: null, colour: Math.max(0, colour) }]);
  };
  const remove = (index: number) => {
    if (teams.length <= MIN_TEAMS) return;
    const neighbour = teams[index + 1] ?? teams[index - 1];
    focusNext.current = neighbour ? nameId(neighbour.id) : null;
    setTeams(teams.filter((_, i) => i !== index));
  };

  return (
    <fieldset
      className="setup-group setup-teams"
      disabled={props.disabled}
      aria-describedby={props.disabled ? `${noteId} ${hintId}` : hintId}
      data-teams-disabled={props.disabled || undefined}
    >
      <legend>{t('teams')}</legend>
      {props.disabled && (
        <p id={noteId} className="setup-note">
          {t('teamsUnused')}
        </p>
      )}
      <p id={hintId} className="muted small">
        {t('teamsHint')}
      </p>
      <ol className="team-rows">
        {teams.map((team, i) => {
          const n = i + 1;
          const fallback = props.defaultName(n);
          return (
            <li key={team.id} className="team-row" data-team-row={team.id}>
              <span className="setup-team-key" aria-hidden="true">
                {n}
              </span>
              <TeamSwatch team={team} />
              <label className="team-field team-field-name">
                <span className="visually-hidden">{t('nameOf', { n })}</span>
                <input
                  id={nameId(team.id)}
                  type="text"
                  value={team.name ?? fallback}
                  placeholder={fallback}
                  maxLength={NAME_MAX}
                  autoComplete="off"
                  data-team-name={i}
                  onChange={(e) => update(team.id, { name: e.target.value })}
                  onKeyDown={(e) => {
                    // Enter in a name must not start the class by accident.
                    if (e.key === 'Enter') e.preventDefault();
                  }}
                />
              </label>
              <label className="team-field team-field-look">
                <span className="visually-hidden">{t('lookOf', { n })}</span>
                <select
                  value={team.colour}
                  data-team-look={i}
                  onChange={(e) => update(team.id, { colour: Number(e.target.value) })}
                >
                  {TEAM_PALETTE.map((p, c) => (
                    <option key={p.pattern} value={c}>
                      {t('look', {
                        colour: t(`colour${c}` as 'colour0'),
                        pattern: t(`pattern_${p.pattern}`),
                      })}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button small team-remove"
                data-action="remove-team"
                aria-label={t('removeTeam', { n })}
                disabled={teams.length <= MIN_TEAMS}
                onClick={() => remove(i)}
              >
                {t('remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button small"
        data-action="add-team"
        disabled={teams.length >= MAX_TEAMS}
        onClick={add}
      >
        <span aria-hidden="true">+</span> {t('addTeam')}
      </button>
    </fieldset>
  );
}
