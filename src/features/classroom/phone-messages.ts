import { m, plural } from '../../lib/i18n-shell-messages';

/** The words of the phones' join panel, live strip and admit list on the classroom windows. */
export const phoneMessages = {
  joinTitle: m('用手机加入', '用手機加入', 'Join on your phone'),
  joinScan: m(
    '扫描二维码，或打开网址并输入房间码：',
    '掃描 QR 碼，或打開網址並輸入房間碼：',
    'Scan the QR code, or open the address and type the code:',
  ),
  qrLabel: m('加入房间的二维码', '加入房間的 QR 碼', 'QR code to join the room'),
  roomCode: m('房间码', '房間碼', 'Room code'),
  noRelay: m('手机服务器未连接', '手機伺服器未連線', 'The phones’ server is not reachable'),
  joined: m(
    '已加入 {n} 部手机',
    '已加入 {n} 部手機',
    plural('n', { one: '{n} phone joined', other: '{n} phones joined' }),
  ),
  votesIn: m(
    '已投票 {n}',
    '已投票 {n}',
    plural('n', { one: '{n} vote in', other: '{n} votes in' }),
  ),
  agreed: m('已统一', '已統一', 'agreed'),
  tie: m('平票', '平票', 'tie'),
  silent: m('未投票', '未投票', 'no vote yet'),
  spread: m('回答分布', '回答分布', 'Spread of answers'),
  spreadOf: m('{letter}：{n}', '{letter}：{n}', '{letter}: {n}'),
  offline: m(
    '手机连接中断，正在重连…',
    '手機連線中斷，正在重連…',
    'Phones disconnected, reconnecting…',
  ),
  admitTitle: m('等待加入的手机', '等待加入的手機', 'Phones waiting to join'),
  admitUnnamed: m('一部手机', '一部手機', 'A phone'),
  admit: m('允许加入', '允許加入', 'Let in'),
  dismiss: m('忽略', '忽略', 'Ignore'),
};
