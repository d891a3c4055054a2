// Several relay processes serving one room (a hosted relay behind a load balancer): room traffic goes
// over Redis pub/sub on `mot:room:<CODE>`, and the room's key and last state are kept in Redis for 12
// hours (renewed while the room is in use), so a process that has never seen the room can check a
// phone's key and give it the current state. Pub/sub is fire-and-forget: a message published while a
// process was down is lost to it, and correctness rests on phones resending until the state shows
// their vote. Loaded only when REDIS_URL is set (server/classroom-server.ts imports it lazily).
import { createClient } from 'redis';
import { newToken } from '../src/engine/relay-protocol';
import type { Fanout, FanoutMessage } from './relay';

const TTL_SECONDS = 12 * 60 * 60;
const channel = (room: string) => `mot:room:${room}`;
const keyOf = (room: string) => `mot:room:${room}:key`;
const stateOf = (room: string) => `mot:room:${room}:state`;

export interface RedisFanout extends Fanout {
  /** This process's id on the bus. */
  readonly id: string;
  /** Commands that failed (Redis down or restarting), counted rather than thrown. */
  readonly errors: () => number;
  close(): Promise<void>;
}

function isMessage(v: unknown): v is FanoutMessage {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  switch (m.k) {
    case 'hosts':
    case 'peer':
    case 'state':
      return typeof m.text === 'string';
    case 'phone':
      return typeof m.phone === 'string' && typeof m.text === 'string';
    case 'admit':
      return typeof m.phone === 'string';
    case 'presence':
      return typeof m.phones === 'number';
    default:
      return false;
  }
}

export async function redisFanout(
  url: string,
  deliver: (room: string, message: FanoutMessage, from: string) => void,
): Promise<RedisFanout> {
  const id = newToken();
  let errors = 0;
  const failed = () => {
    errors++;
  };
  const pub = createClient({ url });
  const sub = pub.duplicate();
  pub.on('error', failed);
  sub.on('error', failed);
  await Promise.all([pub.connect(), sub.connect()]);
  const subscribed = new Set<string>();

  return {
    id,
    errors: () => errors,
    async load(room) {
      const [key, state] = await pub.mGet([keyOf(room), stateOf(room)]);
      return key ? { key, state: state ?? null } : null;
    },
    async claim(room, key) {
      const set = await pub.set(keyOf(room), key, {
        expiration: { type: 'EX', value: TTL_SECONDS },
        condition: 'NX',
      });
      if (set === 'OK') return key;
      return (await pub.get(keyOf(room))) ?? key;
    },
    saveState(room, text) {
      pub
        .multi()
        .set(stateOf(room), text, { expiration: { type: 'EX', value: TTL_SECONDS } })
        .expire(keyOf(room), TTL_SECONDS)
        .exec()
        .catch(failed);
    },
    touch(room) {
      pub
        .multi()
        .expire(keyOf(room), TTL_SECONDS)
        .expire(stateOf(room), TTL_SECONDS)
        .exec()
        .catch(failed);
    },
    publish(room, message) {
      pub.publish(channel(room), JSON.stringify({ from: id, m: message })).catch(failed);
    },
    subscribe(room) {
      if (subscribed.has(room)) return;
      subscribed.add(room);
      sub
        .subscribe(channel(room), (raw) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw);
          } catch {
            return failed();
          }
          const { from, m } = (parsed ?? {}) as { from?: unknown; m?: unknown };
          if (typeof from !== 'string' || from === id || !isMessage(m)) return;
          deliver(room, m, from);
        })
        .catch(failed);
    },
    unsubscribe(room) {
      if (!subscribed.delete(room)) return;
      sub.unsubscribe(channel(room)).catch(failed);
    },
    async close() {
      await Promise.allSettled([sub.close(), pub.close()]);
    },
  };
}
