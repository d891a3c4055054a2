import { m } from '../../lib/i18n-shell-messages';

/** The words of the library's name question, the "you" line under the cards, and the results link. */
export const learnerMessages = {
  nameQuestion: m('你的名字', '你的名字', 'Your name'),
  nameLabel: m(
    '你的名字（可选，会显示在证书和导出文件中）',
    '你的名字（選填，會顯示在證書和匯出檔案中）',
    'Your name (optional, shown on your certificate and in exports)',
  ),
  nameHint: m(
    '只保存在这台设备上。不填也可以练习。',
    '只儲存在這台裝置上。不填也可以練習。',
    'Kept on this device only. You can practise without it.',
  ),
  saveName: m('保存名字', '儲存名字', 'Save name'),
  skipName: m('跳过', '略過', 'Skip'),
  cancel: m('取消', '取消', 'Cancel'),
  you: m('你', '你', 'You'),
  yourName: m('名字：{name}', '名字：{name}', 'Name: {name}'),
  noName: m('未填写名字', '未填寫名字', 'No name given'),
  editName: m('修改名字', '修改名字', 'Edit name'),
  addName: m('填写名字', '填寫名字', 'Add your name'),
  lmsName: m(
    '名字来自你的学习平台（LMS）。',
    '名字來自你的學習平台（LMS）。',
    'Your name comes from your learning platform (LMS).',
  ),
  toResults: m('查看学员成绩', '查看學員成績', 'Trainees’ results'),
};
