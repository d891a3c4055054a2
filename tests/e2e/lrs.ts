// A small LRS for the e2e tests, on node:http (127.0.0.1, a free port). It does what a real one must for
// this app: requires the X-Experience-API-Version header and Basic auth, rejects (400) any statement that
// @learninglocker/xapi-validation finds invalid, stores statements (a resend of the same id and content
// is accepted once, a different statement under a known id is a 409), and plays the cmi5 LMS: it records
// "launched", serves the fetch URL (the session's auth token, once), the LMS.LaunchData state document
// and the cmi5LearnerPreferences agent profile, and checks the cmi5 rules on what it received.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import validate from '@learninglocker/xapi-validation';

export interface Statement {
  id: string;
  actor: Record<string, unknown>;
  verb: { id: string; display?: Record<string, string> };
  object: { id: string; objectType?: string; definition?: Record<string, unknown> };
  result?: {
    response?: string;
    success?: boolean;
    completion?: boolean;
    duration?: string;
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
    extensions?: Record<string, unknown>;
  };
  context?: {
    registration?: string;
    extensions?: Record<string, unknown>;
    contextActivities?: Record<string, Array<{ id: string }>>;
  };
  timestamp?: string;
  stored?: string;
}

export const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const PUBLISHER_ID = 'https://mot-trainer.invalid/course/au-publisher';

export interface Cmi5Launch {
  registration: string;
  sessionId: string;
  activityId: string;
  actor: Record<string, unknown>;
  /** The query string the LMS opens the AU with (no leading "?"). */
  query: string;
}

export interface Cmi5Options {
  activityId?: string;
  actorName?: string;
  masteryScore?: number;
  moveOn?: string;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  languagePreference?: string;
}

interface Session extends Cmi5Launch {
  token: string;
  fetched: boolean;
  launchData: Record<string, unknown>;
  preferences: Record<string, unknown>;
}

export interface Lrs {
  /** The xAPI endpoint (ends in "/"). */
  endpoint: string;
  /** Stored statements, in the order stored. */
  statements: Statement[];
  /** Every statement id of every POST that reached the LRS, in order (resends included). */
  received: string[];
  /** What was rejected, and why (400 invalid, 401, 409). */
  rejected: Array<{ status: number; why: string }>;
  /** The next `n` statement POSTs are stored, but the connection is cut before the answer. */
  dropResponses: (n: number) => void;
  /** Opens a cmi5 session (records "launched") and returns the AU's launch parameters. */
  launch: (o?: Cmi5Options) => Cmi5Launch;
  /** The cmi5 rules broken by a registration's statements (empty when all hold). */
  cmi5Problems: (registration: string) => string[];
  close: () => Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'Access-Control-Expose-Headers': 'X-Experience-API-Version',
};

function send(res: ServerResponse, status: number, body?: unknown) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    'X-Experience-API-Version': '1.0.3',
    ...(text
      ? { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' }
      : {}),
  });
  res.end(text);
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

/** Statement content for comparing a resend (the LRS's own `stored` aside). */
const same = (a: Statement, b: Statement) => {
  const strip = ({ stored: _s, ...rest }: Statement) => JSON.stringify(rest);
  return strip(a) === strip(b);
};

/** Starts the LRS; `key`/`secret` are the Basic-auth credentials of the plain-xAPI mode. */
export async function startLrs(key = 'mot-key', secret = 'mot-secret'): Promise<Lrs> {
  const statements: Statement[] = [];
  const received: string[] = [];
  const rejected: Lrs['rejected'] = [];
  const sessions = new Map<string, Session>();
  let drop = 0;
  const basic = Buffer.from(`${key}:${secret}`).toString('base64');
  let base = '';

  const store = (list: Statement[]): { status: number; body: unknown } => {
    for (const s of list) {
      const warnings = validate(s);
      if (warnings.length) {
        const why = warnings
          .map((w) => `${(w as { path?: string[] }).path?.join('.')}: ${w.message}`)
          .join('; ');
        return { status: 400, body: `invalid statement ${s.id ?? ''}: ${why}` };
      }
      const known = s.id ? statements.find((x) => x.id === s.id) : undefined;
      if (known && !same(known, s)) return { status: 409, body: `conflict on ${s.id}` };
    }
    const ids: string[] = [];
    for (const s of list) {
      const id = s.id ?? randomUUID();
      if (!statements.some((x) => x.id === id))
        statements.push({ ...s, id, stored: new Date().toISOString() });
      ids.push(id);
    }
    return { status: 200, body: ids };
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      if (req.method === 'OPTIONS') return send(res, 204);
      // The cmi5 fetch URL is the LMS's, not the LRS's: no xAPI header, no auth, POST once.
      const fetchMatch = /^\/fetch\/([^/]+)$/.exec(url.pathname);
      if (fetchMatch) {
        const s = sessions.get(decodeURIComponent(fetchMatch[1]!));
        if (req.method !== 'POST' || !s) return send(res, 404, 'no such session');
        if (s.fetched)
          return send(res, 200, { 'error-code': '1', 'error-text': 'already fetched' });
        s.fetched = true;
        return send(res, 200, { 'auth-token': s.token });
      }
      if (!url.pathname.startsWith('/xapi/')) return send(res, 404, 'not found');
      if (!req.headers['x-experience-api-version']) {
        rejected.push({ status: 400, why: 'no X-Experience-API-Version' });
        return send(res, 400, 'X-Experience-API-Version header required');
      }
      const auth = req.headers.authorization ?? '';
      const token = /^Basic (.+)$/.exec(auth)?.[1];
      const session = [...sessions.values()].find((s) => s.token === token);
      if (token !== basic && !session) {
        rejected.push({ status: 401, why: `bad auth ${auth}` });
        return send(res, 401, 'unauthorised');
      }
      const path = url.pathname.slice('/xapi'.length);
      if (path === '/statements' && (req.method === 'POST' || req.method === 'PUT')) {
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          rejected.push({ status: 400, why: 'not JSON' });
          return send(res, 400, 'not JSON');
        }
        const list = (Array.isArray(body) ? body : [body]) as Statement[];
        if (req.method === 'PUT') list[0]!.id = url.searchParams.get('statementId') ?? list[0]!.id;
        received.push(...list.map((s) => s.id));
        const result = store(list);
        if (result.status !== 200) {
          rejected.push({ status: result.status, why: String(result.body) });
          return send(res, result.status, result.body);
        }
        if (drop > 0) {
          drop--;
          res.socket?.destroy();
          return;
        }
        return req.method === 'PUT' ? send(res, 204) : send(res, 200, result.body);
      }
      if (path === '/activities/state' && req.method === 'GET') {
        const s = sessions.get(url.searchParams.get('registration') ?? '');
        if (!s || url.searchParams.get('stateId') !== 'LMS.LaunchData') return send(res, 404);
        return send(res, 200, s.launchData);
      }
      if (path === '/agents/profile' && req.method === 'GET') {
        if (url.searchParams.get('profileId') !== 'cmi5LearnerPreferences') return send(res, 404);
        const agent = url.searchParams.get('agent') ?? '';
        const s = [...sessions.values()].find((x) => JSON.stringify(x.actor) === agent);
        return s ? send(res, 200, s.preferences) : send(res, 404);
      }
      if (path === '/activities/state' && (req.method === 'PUT' || req.method === 'POST'))
        return send(res, 204);
      return send(res, 404, `no ${req.method} ${path}`);
    })().catch((e: unknown) => send(res, 500, String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoint = `${base}/xapi/`;

  const launch = (o: Cmi5Options = {}): Cmi5Launch => {
    const registration = randomUUID();
    const sessionId = randomUUID();
    const activityId = o.activityId ?? 'https://mot-trainer.invalid/course/au';
    const actor = {
      objectType: 'Agent',
      name: o.actorName ?? 'Chen, Mei',
      account: { homePage: 'https://lms.example.com', name: `learner-${registration.slice(0, 8)}` },
    };
    const contextTemplate = {
      contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER_ID }] },
      extensions: { [SESSION_EXT]: sessionId },
    };
    const session: Session = {
      registration,
      sessionId,
      activityId,
      actor,
      token: Buffer.from(`cmi5:${randomUUID()}`).toString('base64'),
      fetched: false,
      launchData: {
        contextTemplate,
        launchMode: o.launchMode ?? 'Normal',
        moveOn: o.moveOn ?? 'CompletedAndPassed',
        ...(o.masteryScore === undefined ? {} : { masteryScore: o.masteryScore }),
      },
      preferences: o.languagePreference ? { languagePreference: o.languagePreference } : {},
      query: '',
    };
    // The LMS records "launched" before the AU runs.
    const launched = store([
      {
        id: randomUUID(),
        actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
        object: { objectType: 'Activity', id: activityId },
        context: {
          registration,
          ...contextTemplate,
          contextActivities: {
            ...contextTemplate.contextActivities,
            category: [{ id: CMI5_CATEGORY }],
          },
          extensions: { ...contextTemplate.extensions },
        } as Statement['context'],
        timestamp: new Date().toISOString(),
      },
    ]);
    if (launched.status !== 200) throw new Error(`launched rejected: ${String(launched.body)}`);
    session.query = new URLSearchParams({
      endpoint,
      fetch: `${base}/fetch/${registration}`,
      actor: JSON.stringify(actor),
      registration,
      activityId,
    }).toString();
    sessions.set(registration, session);
    return session;
  };

  const cmi5Problems = (registration: string): string[] => {
    const s = sessions.get(registration);
    if (!s) return [`no session for ${registration}`];
    const mine = statements.filter(
      (x) =>
        x.context?.registration === registration ||
        JSON.stringify(x.actor) === JSON.stringify(s.actor),
    );
    const verbs = mine.map((x) => x.verb.id);
    const problems: string[] = [];
    const count = (v: string) => verbs.filter((x) => x === VERB(v)).length;
    if (verbs[0] !== VERB('launched')) problems.push(`first is ${verbs[0]}, not launched`);
    if (verbs[1] !== VERB('initialized')) problems.push(`second is ${verbs[1]}, not initialized`);
    if (count('completed') !== 1) problems.push(`${count('completed')} completed`);
    if (count('passed') + count('failed') !== 1)
      problems.push(`${count('passed')} passed and ${count('failed')} failed`);
    if (count('terminated') !== 1) problems.push(`${count('terminated')} terminated`);
    if (verbs[verbs.length - 1] !== VERB('terminated'))
      problems.push(`last is ${verbs[verbs.length - 1]}, not terminated`);
    const regs = new Set(mine.map((x) => x.context?.registration));
    if (regs.size !== 1) problems.push(`registrations: ${[...regs].join(', ')}`);
    const sessionIds = new Set(mine.map((x) => x.context?.extensions?.[SESSION_EXT]));
    if (sessionIds.size !== 1 || !sessionIds.has(s.sessionId))
      problems.push(`session ids: ${[...sessionIds].join(', ')}`);
    for (const x of mine) {
      const categories = (x.context?.contextActivities?.category ?? []).map((c) => c.id);
      const defined = ['launched', 'initialized', 'completed', 'passed', 'failed', 'terminated']
        .map(VERB)
        .includes(x.verb.id);
      if (defined !== categories.includes(CMI5_CATEGORY))
        problems.push(`${x.verb.id}: cmi5 category ${defined ? 'missing' : 'on an allowed one'}`);
      if (defined && x.object.id !== s.activityId)
        problems.push(`${x.verb.id} is about ${x.object.id}, not the AU`);
      if (
        [VERB('completed'), VERB('passed'), VERB('failed')].includes(x.verb.id) &&
        !categories.includes(MOVEON_CATEGORY)
      )
        problems.push(`${x.verb.id} has no moveOn category`);
      const grouping = (x.context?.contextActivities?.grouping ?? []).map((g) => g.id);
      if (!grouping.includes(PUBLISHER_ID)) problems.push(`${x.verb.id}: no publisher grouping`);
    }
    return problems;
  };

  return {
    endpoint,
    statements,
    received,
    rejected,
    dropResponses: (n) => {
      drop = n;
    },
    launch,
    cmi5Problems,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
