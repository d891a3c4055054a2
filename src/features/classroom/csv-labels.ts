import {
  CLASSROOM_CSV_COLUMNS,
  type ClassroomCsvColumn,
  type ClassroomCsvLabels,
} from '../../engine/classroom';
import { STEPS } from '../../engine/vocabulary';
import { translator, translatorFor, useLocale, type UiLocale } from '../../lib/i18n';
import { m } from '../../lib/i18n-messages';

/** The classroom CSV's words: column headers and the few values it writes in words. */
export const csvMessages = {
  decision: m('序号', '序號', 'Decision'),
  step: m('步骤', '步驟', 'Step'),
  line: m('顾客的话', '顧客的話', 'Customer’s line'),
  team: m('小组', '小組', 'Team'),
  pick: m('小组的选择', '小組的選擇', 'Team’s pick'),
  points: m('得分', '得分', 'Points'),
  max: m('满分', '滿分', 'Max'),
  room: m('全场的选择', '全場的選擇', 'Room’s choice'),
  tieBroken: m('平票裁决', '平票裁決', 'Tie broken'),
  node: m('节点 id', '節點 id', 'node id'),
  pickId: m('小组选择 id', '小組選擇 id', 'pick id'),
  roomId: m('全场选择 id', '全場選擇 id', 'room choice id'),
  yes: m('是', '是', 'yes'),
  no: m('否', '否', 'no'),
  // A moment scored as a timeout: the room's clock ran out, or a team had no pick at the reveal (no
  // vote, or its phones still tied or silent), which scores 0 as a timeout: the row says so.
  timeout: m('超时', '逾時', 'timed out'),
  shown: m('{letter}. {text}', '{letter}. {text}', '{letter}. {text}'),
};

/** The labels `classroomCsv` writes, in a UI language: step names from the app's own messages. */
export function classroomCsvLabels(locale: UiLocale): ClassroomCsvLabels {
  const c = translatorFor(csvMessages, locale);
  const t = translator(locale);
  const header = Object.fromEntries(CLASSROOM_CSV_COLUMNS.map((k) => [k, c(k)])) as Record<
    ClassroomCsvColumn,
    string
  >;
  return {
    header,
    steps: Object.fromEntries(STEPS.map((s) => [s, t(`step_${s}`)])) as ClassroomCsvLabels['steps'],
    yes: c('yes'),
    no: c('no'),
    timeout: c('timeout'),
    // Without variables the template comes back as it is: the engine fills in the letter and the text.
    shown: c('shown'),
  };
}

/** The CSV's labels in the current UI language. */
export function useClassroomCsvLabels(): ClassroomCsvLabels {
  return classroomCsvLabels(useLocale());
}
