import { m } from '../../lib/i18n-messages';

/** The words of the printable certificate and the debrief's button that prints it. */
export const certificateMessages = {
  printCertificate: m('打印证书', '列印證書', 'Print certificate'),
  title: m('训练证书', '訓練證書', 'Certificate of training'),
  practiceTitle: m('练习记录', '練習記錄', 'Practice record'),
  practice: m('练习（教练模式）', '練習（教練模式）', 'Practice — coach mode'),
  trainee: m('学员', '學員', 'Trainee'),
  nameByHand: m('（请手写姓名）', '（請手寫姓名）', '(write your name by hand)'),
  drill: m('情景演练', '情境演練', 'Drill'),
  date: m('日期', '日期', 'Date'),
  certifies: m(
    '兹证明上述学员已在本应用中以考核模式完成该情景演练；成绩由应用按 MOT 五步行为模式自动评定。',
    '茲證明上述學員已在本應用中以考核模式完成該情境演練；成績由應用依 MOT 五步行為模式自動評定。',
    'This certifies that the trainee named above completed this drill in exam mode; the score was computed by the app over the five MOT steps.',
  ),
  certifiesPractice: m(
    '这是一次练习（教练模式：每次回答后即时反馈），记录学员完成了该情景演练，不作为考核成绩。',
    '這是一次練習（教練模式：每次回答後即時回饋），記錄學員完成了該情境演練，不作為考核成績。',
    'A practice run (coach mode: feedback after every answer): it records that the trainee completed this drill, not an assessed result.',
  ),
  signature: m('培训师签名', '培訓師簽名', 'Trainer’s signature'),
};
