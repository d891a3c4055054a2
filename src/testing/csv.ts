// Test-only: reads the CSV the app writes (RFC 4180 quoting, CRLF rows, a final CRLF) back into cells.
import type { ClassroomCsvLabels } from '../engine/classroom';

/** Rows of cells from CSV text; throws when the text does not end with CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length !== 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/**
 * Marked labels for the engine's CSV tests: the engine writes the words it is given (the app builds them
 * from its i18n messages), so a test sees which label went where.
 */
export const CSV_LABELS: ClassroomCsvLabels = {
  header: {
    decision: 'H#',
    step: 'Hstep',
    line: 'Hline',
    team: 'Hteam',
    pick: 'Hpick',
    points: 'Hpoints',
    max: 'Hmax',
    room: 'Hroom',
    tieBroken: 'Htie',
    node: 'Hnode',
    pickId: 'HpickId',
    roomId: 'HroomId',
  },
  steps: {
    atmosphere: 'S1',
    analyze: 'S2',
    resolve: 'S3',
    summarize: 'S4',
    'follow-up': 'S5',
  },
  yes: 'Y',
  no: 'N',
  timeout: '(time)',
  shown: '{letter}) {text}',
};
