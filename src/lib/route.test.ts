// Issue 10: a malformed hash (`#/play/%`, `#/play/%E4%B8`) threw "URI malformed" and blanked the app.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './route';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'library' }],
    ['#', { name: 'library' }],
    ['#/', { name: 'library' }],
    ['#/play/first-impression', { name: 'play', id: 'first-impression' }],
    ['#/play/first-impression/', { name: 'play', id: 'first-impression' }],
    ['#/play/%E4%B8%AD', { name: 'play', id: '中' }],
    ['#/author', { name: 'author' }],
    ['#/author/', { name: 'author' }],
    ['#/author/first-impression/pack', { name: 'pack', id: 'first-impression' }],
    ['#/classroom', { name: 'classroom', view: 'setup' }],
    ['#/classroom/projector', { name: 'classroom', view: 'projector' }],
    ['#/classroom/presenter/', { name: 'classroom', view: 'presenter' }],
    [
      '#/classroom?scenario=x&teams=3&voting=phones-team&lang=en',
      { name: 'classroom', view: 'setup' },
    ],
    ['#/join/AB23CD', { name: 'join', code: 'AB23CD' }],
    ['#/join/ab23cd/', { name: 'join', code: 'AB23CD' }],
    [
      '#/join/AB23CD?key=abcdefghijklmnopqrstuv',
      { name: 'join', code: 'AB23CD', key: 'abcdefghijklmnopqrstuv' },
    ],
    ['#/join/AB23CD?key=short', { name: 'join', code: 'AB23CD' }],
    ['#/results', { name: 'results' }],
    ['#/results/', { name: 'results' }],
    ['#/settings', { name: 'settings' }],
    ['#/settings/', { name: 'settings' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    '#/play/%',
    '#/play/%E4%B8',
    '#/play/%zz',
    '#/play/%C0%AF',
    '#/play/%ED%A0%80',
    '#/author/%/pack',
    '#/author/%E4%B8/pack',
    '#/play/',
    '#/play/%20',
    '#/play/%00',
    '#/play/a%0Ab',
    '#/play/%2F',
    '#/play/a/b',
    '#/nowhere',
    '#nowhere',
    '#/classroom/backstage',
    '#/join/',
    '#/join/AB23C0',
    '#/join/%',
    '#/join/AB23CD/x',
    '#/results/x',
    '#/settings/lrs',
    '#/%',
    `#/play/${'x'.repeat(300)}`,
  ])('sends %j to the not-found screen, without throwing', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'notFound', path: expect.any(String) as string });
  });

  it('never throws, whatever the hash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc
            .array(fc.constantFrom('%', 'E4', 'B8', '/', 'play', 'author', 'pack', '#', 'a', '?'))
            .map((parts) => `#/${parts.join('')}`),
        ),
        (hash) => {
          const route = parseRoute(hash);
          expect(typeof route.name).toBe('string');
        },
      ),
      { numRuns: 1000, seed: 10 },
    );
  });

  it('reads back every link it writes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/), (id) => {
        expect(parseRoute(href.play(id))).toEqual({ name: 'play', id });
        expect(parseRoute(href.pack(id))).toEqual({ name: 'pack', id });
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
