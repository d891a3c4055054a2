import { describe, expect, test } from 'vitest';
import { isCmi5Launch } from './start';

describe('isCmi5Launch', () => {
  const all = {
    endpoint: 'https://lrs.example.com/xapi/',
    fetch: 'https://lms.example.com/fetch/1',
    actor: '{"objectType":"Agent","account":{"homePage":"https://lms","name":"1"}}',
    registration: '6db352ec-fb61-40f6-95c8-c300417f3a2f',
    activityId: 'https://example.com/au/1',
  };
  test('needs all five launch parameters', () => {
    expect(isCmi5Launch(`?${new URLSearchParams(all)}`)).toBe(true);
    for (const k of Object.keys(all)) {
      const some = Object.fromEntries(Object.entries(all).filter(([x]) => x !== k));
      expect(isCmi5Launch(`?${new URLSearchParams(some)}`), `without ${k}`).toBe(false);
    }
    expect(isCmi5Launch('')).toBe(false);
  });
});
