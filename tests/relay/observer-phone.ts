// One phone in a process of its own that joins a room and only watches: it notes when each `state`
// frame arrives, on an event loop nothing else shares (the load bench's 200 voting phones share one
// Node process, whose busy loop reads frames late and in bunches, as a real phone's would not).
// `node --import tsx tests/relay/observer-phone.ts <ws url> <room> <key>`, forked with an IPC channel:
// it sends `{ joined: true }` once joined and answers 'report' with `{ times, seqs }` (ms of its own
// performance clock, the state's seq).
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { newToken, parseServerFrame } from '../../src/engine/relay-protocol';

export interface ObserverReport {
  times: number[];
  seqs: number[];
}

const [url, room, key] = process.argv.slice(2);
if (!url || !room || !key || !process.send) {
  console.error('observer-phone: <ws url> <room> <key>, forked with an IPC channel');
  process.exit(2);
}
const report: ObserverReport = { times: [], seqs: [] };
const ws = new WebSocket(url);
ws.on('open', () => ws.send(JSON.stringify({ t: 'join', room, phone: newToken(), key })));
ws.on('message', (data) => {
  const f = parseServerFrame(String(data));
  if (f?.t === 'joined') process.send!({ joined: true });
  else if (f?.t === 'state') {
    report.times.push(performance.now());
    report.seqs.push(f.state.seq);
  }
});
ws.on('close', () => process.exit(1));
process.on('message', (m) => {
  if (m === 'report') process.send!(report);
});
process.on('disconnect', () => process.exit(0));
