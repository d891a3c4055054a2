import { m } from '../../lib/i18n-messages';

// The map's node panel and the held preview, in the three UI languages (in the route: small). The
// condition wording is the facilitator pack's (pack/messages.ts), word for word.
export const mapPreviewMessages = {
  onlyIf: m('仅当 {cond} 时出现', '僅當 {cond} 時出現', 'Shown only if {cond}'),
  branchIf: m('{to}（当 {cond}）', '{to}（當 {cond}）', '{to} (if {cond})'),
  otherwise: m('{to}（其他情况）', '{to}（其他情況）', '{to} (otherwise)'),
  timeoutMove: m('限时 {n} 秒，沉默时', '限時 {n} 秒，沉默時', 'Silent for {n} s'),
  mapStale: m(
    '文件现在有错误：地图显示最后一次通过检查的版本。',
    '檔案現在有錯誤：地圖顯示最後一次通過檢查的版本。',
    'The file has an error now: the map shows the last version without errors.',
  ),
  previewStale: m(
    '文件现在有错误：试玩停在最后一次通过检查的版本，修正后重新开始。',
    '檔案現在有錯誤：試玩停在最後一次通過檢查的版本，修正後重新開始。',
    'The file has an error now: the preview is held at the last version without errors and restarts once it is fixed.',
  ),
  errorAt: m('第 {line} 行：{message}', '第 {line} 行：{message}', 'Line {line}: {message}'),
};
