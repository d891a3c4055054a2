import type { ClassTeam } from '../../engine/classroom-model';
import './teams.css';

/**
 * Team colours (Okabe-Ito, colour-blind safe) each with its own pattern; the team's name and number
 * are always shown beside the swatch, so colour is never the only cue.
 */
export const TEAM_PALETTE = [
  { colour: '#E69F00', pattern: 'solid' },
  { colour: '#56B4E9', pattern: 'stripes' },
  { colour: '#009E73', pattern: 'dots' },
  { colour: '#0072B2', pattern: 'grid' },
  { colour: '#CC79A7', pattern: 'diagonal' },
  { colour: '#D55E00', pattern: 'checks' },
  { colour: '#F0E442', pattern: 'waves' },
  { colour: '#999999', pattern: 'cross' },
] as const;

export const paletteFor = (t: Pick<ClassTeam, 'colour'>) =>
  TEAM_PALETTE[t.colour % TEAM_PALETTE.length]!;

/** The coloured, patterned square that stands beside a team's name (decorative: the name is the label). */
export function TeamSwatch(props: { team: Pick<ClassTeam, 'colour'>; size?: number }) {
  const p = paletteFor(props.team);
  return (
    <span
      className="team-swatch"
      data-pattern={p.pattern}
      style={{ backgroundColor: p.colour, width: props.size, height: props.size }}
      aria-hidden="true"
    />
  );
}

/** A team as the room sees it: number key, swatch, name. */
export function TeamBadge(props: { team: ClassTeam; index: number; className?: string }) {
  return (
    <span className={`team-badge ${props.className ?? ''}`} data-team={props.team.id}>
      <span className="team-key" aria-hidden="true">
        {props.index + 1}
      </span>
      <TeamSwatch team={props.team} />
      <span className="team-name">{props.team.name}</span>
    </span>
  );
}
