// The e2e suite's LRS (tests/e2e/lrs.ts) refuses what a real LRS refuses and catches broken cmi5 order,
// so the cmi5 and xAPI browser tests cannot pass against a harness that accepts anything.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VERB, startLrs, type Lrs } from '../e2e/lrs';

let lrs: Lrs;
beforeAll(async () => {
  lrs = await startLrs('k', 's');
});
afterAll(() => lrs.close());

const AUTH = `Basic ${Buffer.from('k:s').toString('base64')}`;
const HEADERS = {
  Authorization: AUTH,
  'X-Experience-API-Version': '1.0.3',
  'Content-Type': 'application/json',
};
const statement = (id: string, verb = 'answered', extra: Record<string, unknown> = {}) => ({
  id,
  actor: { objectType: 'Agent', account: { homePage: 'http://127.0.0.1', name: 'd' } },
  verb: { id: VERB(verb), display: { 'en-US': verb } },
  object: { objectType: 'Activity', id: 'urn:mot:x:y' },
  ...extra,
});
const post = (body: unknown, headers: Record<string, string> = HEADERS) =>
  fetch(`${lrs.endpoint}statements`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('the harness LRS', () => {
  test('requires the version header and Basic auth', async () => {
    const { 'X-Experience-API-Version': _v, ...noVersion } = HEADERS;
    expect(
      (await post([statement('0b1c2d3e-0000-4000-8000-000000000001')], noVersion)).status,
    ).toBe(400);
    expect(
      (
        await post([statement('0b1c2d3e-0000-4000-8000-000000000001')], {
          ...HEADERS,
          Authorization: 'Basic bm86bm8=',
        })
      ).status,
    ).toBe(401);
  });

  test('rejects an invalid statement, stores a valid one once, refuses a conflicting one', async () => {
    const bad = statement('0b1c2d3e-0000-4000-8000-000000000002', 'answered', {
      result: { score: { scaled: 2 } },
    });
    expect((await post([bad])).status).toBe(400);
    const good = statement('0b1c2d3e-0000-4000-8000-000000000003');
    expect((await post([good])).status).toBe(200);
    expect((await post([good])).status).toBe(200);
    expect(lrs.statements.filter((s) => s.id === good.id)).toHaveLength(1);
    expect(lrs.received.filter((id) => id === good.id)).toHaveLength(2);
    const other = statement(good.id, 'completed');
    expect((await post([other])).status).toBe(409);
  });

  test('serves a cmi5 session and finds its broken rules', async () => {
    const launch = lrs.launch({ masteryScore: 0.5, languagePreference: 'zh-TW' });
    const q = new URLSearchParams(launch.query);
    const fetchUrl = q.get('fetch')!;
    const token = (
      (await (await fetch(fetchUrl, { method: 'POST' })).json()) as Record<string, string>
    )['auth-token'];
    expect(token).toBeTruthy();
    // The fetch URL works once.
    expect(await (await fetch(fetchUrl, { method: 'POST' })).json()).toHaveProperty('error-code');
    const state = await fetch(
      `${lrs.endpoint}activities/state?${new URLSearchParams({
        stateId: 'LMS.LaunchData',
        activityId: launch.activityId,
        agent: JSON.stringify(launch.actor),
        registration: launch.registration,
      })}`,
      { headers: { ...HEADERS, Authorization: `Basic ${token}` } },
    );
    expect(await state.json()).toMatchObject({ masteryScore: 0.5, launchMode: 'Normal' });
    const prefs = await fetch(
      `${lrs.endpoint}agents/profile?${new URLSearchParams({
        profileId: 'cmi5LearnerPreferences',
        agent: JSON.stringify(launch.actor),
      })}`,
      { headers: { ...HEADERS, Authorization: `Basic ${token}` } },
    );
    expect(await prefs.json()).toEqual({ languagePreference: 'zh-TW' });
    // Only "launched" so far: no initialized, completed, verdict or terminated.
    expect(lrs.cmi5Problems(launch.registration)).toEqual([
      'second is undefined, not initialized',
      '0 completed',
      '0 passed and 0 failed',
      '0 terminated',
      'last is http://adlnet.gov/expapi/verbs/launched, not terminated',
    ]);
  });
});
