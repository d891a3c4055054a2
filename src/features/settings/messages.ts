import { m, plural } from '../../lib/i18n-messages';

/** The settings screen's own words. */
export const settingsMessages = {
  title: m('设置', '設定', 'Settings'),
  lrsTitle: m(
    '把练习结果发送到 LRS（xAPI）',
    '把練習結果傳送到 LRS（xAPI）',
    'Send results to an LRS (xAPI)',
  ),
  lrsIntro: m(
    '填写后，本设备上每次正式练习的每个决定和最终成绩都会以 xAPI 语句发送到你的学习记录库（LRS）。离线时语句会先保存在本设备，联网后按顺序补发。',
    '填寫後，本裝置上每次正式練習的每個決定和最終成績都會以 xAPI 陳述傳送到你的學習紀錄庫（LRS）。離線時陳述會先保存在本裝置，連網後依序補發。',
    'Once filled in, every decision and the final score of each attempt on this device are sent to your Learning Record Store as xAPI statements. Offline, they wait on this device and are sent in order when it is back online.',
  ),
  lrsPrivate: m(
    '地址和密钥只保存在这台设备的浏览器里，不会写进应用文件（任何人都能读取应用文件）。',
    '位址和金鑰只保存在這台裝置的瀏覽器裡，不會寫進應用程式檔案（任何人都能讀取應用程式檔案）。',
    "The endpoint and key are kept in this device's browser only, never in the app's files (which anyone can read).",
  ),
  endpoint: m('LRS 地址（xAPI endpoint）', 'LRS 位址（xAPI endpoint）', 'LRS endpoint (xAPI)'),
  endpointHint: m(
    '例如 https://lrs.example.com/xapi/',
    '例如 https://lrs.example.com/xapi/',
    'For example https://lrs.example.com/xapi/',
  ),
  endpointInvalid: m(
    '请输入以 http:// 或 https:// 开头的地址，不要把用户名或密码写在地址里。',
    '請輸入以 http:// 或 https:// 開頭的位址，不要把使用者名稱或密碼寫在位址裡。',
    'Enter an address starting with http:// or https://, without a user name or password in it.',
  ),
  username: m('密钥（用户名）', '金鑰（使用者名稱）', 'Key (username)'),
  secret: m('密码（secret）', '密碼（secret）', 'Secret'),
  save: m('保存', '儲存', 'Save'),
  saved: m(
    '已保存：之后的练习会发送到这个 LRS。',
    '已儲存：之後的練習會傳送到這個 LRS。',
    'Saved: attempts from now on are sent to this LRS.',
  ),
  remove: m('停止发送并删除设置', '停止傳送並刪除設定', 'Stop sending and remove'),
  removed: m(
    '已删除：不再发送任何结果。',
    '已刪除：不再傳送任何結果。',
    'Removed: no results are sent anywhere.',
  ),
  cspBlocked: m(
    '这个版本的应用不能连接 {origin}：它的安全策略只允许连接{allowed}。请让部署应用的人在构建时把这个地址加入 VITE_CONNECT_SRC。',
    '這個版本的應用程式不能連線 {origin}：它的安全政策只允許連線{allowed}。請讓部署應用程式的人在建置時把這個位址加入 VITE_CONNECT_SRC。',
    'This build of the app cannot reach {origin}: its security policy only allows {allowed}. Ask whoever deploys the app to add it to VITE_CONNECT_SRC when building.',
  ),
  ownOrigin: m('它自己的网址', '它自己的網址', 'its own address'),
  test: m('发送一条测试语句', '傳送一則測試陳述', 'Send a test statement'),
  testing: m('正在发送…', '正在傳送…', 'Sending…'),
  testOk: m('LRS 已接受测试语句。', 'LRS 已接受測試陳述。', 'The LRS accepted the test statement.'),
  testFailed: m('发送失败：{error}', '傳送失敗：{error}', 'It failed: {error}'),
  queueTitle: m('等待发送', '等待傳送', 'Waiting to be sent'),
  waiting: m(
    '{count} 条语句等待发送',
    '{count} 則陳述等待傳送',
    plural('n', {
      one: '{count} statement waiting',
      other: '{count} statements waiting',
    }),
  ),
  lastError: m('上次出错：{error}', '上次出錯：{error}', 'Last error: {error}'),
  offline: m(
    '这台设备现在离线，联网后会自动发送。',
    '這台裝置現在離線，連網後會自動傳送。',
    'This device is offline now; they are sent once it is back online.',
  ),
  sendNow: m('立即发送', '立即傳送', 'Send now'),
  notSet: m(
    '还没有设置 LRS：结果只保存在这台设备上。',
    '還沒有設定 LRS：結果只保存在這台裝置上。',
    'No LRS is set up: results stay on this device.',
  ),
};
