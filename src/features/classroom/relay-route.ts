// The classroom windows' own messages (the log's protocol, the projector's page) over the relay's `peer`
// frames, so a presenter and a projector on two machines stay in step (docs/relay-protocol.md, "The
// windows' log over `peer`"). A body is `{ch, id, m}`, or, for a message too large for one host frame
// (a whole log sent to a window that lacks it), pieces `{ch, id, part, of, text}` of its JSON that the
// receiver joins. The relay sends a `peer` body to the room's other hosts only, never back.
import { HOST_FRAME_LIMIT, utf8Bytes, type Json } from '../../engine/relay-protocol';
import type { RoomTransport, Tagged, WindowRoute } from './transport';

/** Room left in a frame for the envelope (`t`, `room`, `key`, `ch`, `id`, the piece's numbers). */
const ENVELOPE = 1_024;
/**
 * Characters of JSON per piece: a UTF-16 unit is at most 3 bytes of UTF-8 in JSON text (a surrogate
 * pair is 4 for 2; a lone half at a cut is escaped as 6 ASCII, once per piece), and each piece's text
 * is escaped once more in the frame (`"` and `\` doubled): 16 Ki units stay under the host limit.
 */
export const PIECE_CHARS = 16 * 1024;
/** Messages in pieces being joined at once; the oldest is forgotten past this. */
const PENDING_MAX = 8;

type Body =
  | { ch: string; id: string; m: Json }
  | { ch: string; id: string; part: number; of: number; text: string };

export interface RelayRoute {
  route: WindowRoute;
  /** A `peer` frame's body from the relay. */
  receive(body: unknown): void;
}

const isIndex = (v: unknown, below = Infinity): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < below;

/** The windows' route over a host's relay connection: `send` puts a body in a `peer` frame. */
export function relayRoute(send: (body: Json) => boolean, limit = HOST_FRAME_LIMIT): RelayRoute {
  const listeners = new Map<string, Set<(t: Tagged<unknown>) => void>>();
  const pending = new Map<string, { of: number; parts: Array<string | undefined>; got: number }>();

  const deliver = (ch: string, id: string, m: unknown) => {
    for (const f of listeners.get(ch) ?? []) f({ id, m });
  };

  const route: WindowRoute = (ch) => {
    const mine = new Set<(t: Tagged<unknown>) => void>();
    if (!listeners.has(ch)) listeners.set(ch, new Set());
    const all = listeners.get(ch)!;
    const transport: RoomTransport<Tagged<unknown>> = {
      send({ id, m }) {
        const text = JSON.stringify(m);
        if (text === undefined) return;
        if (utf8Bytes(text, limit) + ENVELOPE <= limit) {
          send({ ch, id, m: m as Json } satisfies Body);
          return;
        }
        const of = Math.ceil(text.length / PIECE_CHARS);
        for (let part = 0; part < of; part++)
          send({
            ch,
            id,
            part,
            of,
            text: text.slice(part * PIECE_CHARS, (part + 1) * PIECE_CHARS),
          } satisfies Body);
      },
      subscribe(listener) {
        mine.add(listener);
        all.add(listener);
        return () => {
          mine.delete(listener);
          all.delete(listener);
        };
      },
      close() {
        for (const f of mine) all.delete(f);
        mine.clear();
      },
    };
    return transport;
  };

  function receive(body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    const b = body as Record<string, unknown>;
    if (typeof b.ch !== 'string' || typeof b.id !== 'string') return;
    if ('m' in b) return deliver(b.ch, b.id, b.m);
    if (!isIndex(b.of) || b.of < 1 || !isIndex(b.part, b.of) || typeof b.text !== 'string') return;
    const key = `${b.ch}\n${b.id}`;
    let entry = pending.get(key);
    if (!entry || entry.of !== b.of) {
      entry = { of: b.of, parts: new Array<string | undefined>(b.of), got: 0 };
      pending.set(key, entry);
      if (pending.size > PENDING_MAX) pending.delete(pending.keys().next().value!);
    }
    if (entry.parts[b.part] === undefined) {
      entry.parts[b.part] = b.text;
      entry.got += 1;
    }
    if (entry.got < entry.of) return;
    pending.delete(key);
    let m: unknown;
    try {
      m = JSON.parse(entry.parts.join(''));
    } catch {
      return;
    }
    deliver(b.ch, b.id, m);
  }

  return { route, receive };
}
