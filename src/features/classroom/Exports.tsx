import { classroomCsv, classroomJson } from '../../engine/classroom';
import { votingTeams } from '../../engine/classroom-session';
import { localDate } from '../../lib/dates';
import { downloadFile } from '../../lib/download';
import { useMessages } from '../../lib/i18n';
import { useClassroomCsvLabels } from './csv-labels';
import { resultsMessages } from './results-messages';
import { useRoomName } from './Scoreboard';
import type { StageProps } from './stage-types';

/** The class's results as files: one CSV row per decision and team in the UI language, or the full JSON (ids). */
export function ClassroomExports(props: StageProps) {
  const r = useMessages(resultsMessages);
  const roomName = useRoomName();
  const csvLabels = useClassroomCsvLabels();
  // The session's seed (0 for a session saved before seeds), so each pick's letter is the one shown.
  const { scenario, seed } = props.conversation;
  const { played, config } = props.session;
  const room = props.here.context.decisions;
  const base = () => `classroom-${scenario.id}-${localDate()}`;
  const teams = () => votingTeams(config, roomName);
  return (
    <div className="results exports" role="group" aria-label={r('exports')}>
      <button
        type="button"
        className="button"
        data-action="export-csv"
        onClick={() =>
          // The byte-order mark lets Excel read the UTF-8 (Chinese team names) correctly.
          downloadFile(
            `${base()}.csv`,
            'text/csv;charset=utf-8',
            `\uFEFF${classroomCsv(scenario, played, teams(), seed, csvLabels)}`,
          )
        }
      >
        {r('exportCsv')}
      </button>
      <button
        type="button"
        className="button"
        data-action="export-json"
        onClick={() =>
          downloadFile(
            `${base()}.json`,
            'application/json',
            JSON.stringify(classroomJson(scenario, room, played, teams(), seed), null, 2),
          )
        }
      >
        {r('exportJson')}
      </button>
    </div>
  );
}
