// @vitest-environment jsdom
// The classroom session is saved in the one storage pattern (issue 10): a newer version's session was
// wiped by the next save; now it is set aside intact, and every older version's frozen data still reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readStored } from '../../lib/stored';
import { loadFixture } from '../../../tests/fixtures/load';
import { classConfig } from '../../testing/classroom';
import { classroomSpec, useClassroom } from './session-store';

// In a folder of its own: src/lib's fixture test reads only the saved things src/lib defines.
const DIR = join(import.meta.dirname, '../../../tests/fixtures/storage/classroom');
const setAsideKeys = () =>
  Object.keys(localStorage).filter((k) => k.startsWith('mot:set-aside:mot:classroom'));

afterEach(() => {
  useClassroom.getState().end();
  localStorage.clear();
});

describe('the saved classroom session', () => {
  it('reads the frozen session of every version', () => {
    for (let v = 1; v <= classroomSpec.version; v++) {
      const raw = readFileSync(join(DIR, `classroom-v${v}.json`), 'utf8');
      const read = readStored(raw, classroomSpec);
      expect(read.kind, `classroom-v${v}.json`).toBe('ok');
      if (read.kind === 'ok') expect(read.value.session?.id).toBe('session-fixture');
    }
  });

  it('sets a newer version’s session aside intact instead of overwriting it', async () => {
    // Today's shape, saved by a later release: readable-looking, but not this version's to rewrite.
    const today = JSON.parse(readFileSync(join(DIR, 'classroom-v1.json'), 'utf8')) as object;
    const newer = JSON.stringify({ ...today, version: classroomSpec.version + 1 });
    localStorage.setItem('mot:classroom', newer);
    await useClassroom.persist.rehydrate();
    expect(useClassroom.getState().session).toBeNull();
    const aside = setAsideKeys();
    expect(aside).toHaveLength(1);
    expect(localStorage.getItem(aside[0]!)).toBe(newer);

    // A new session started afterwards is saved, and the set-aside copy is still there, unchanged.
    useClassroom.getState().start(classConfig(loadFixture()));
    expect(setAsideKeys()).toEqual(aside);
    expect(localStorage.getItem(aside[0]!)).toBe(newer);
  });

  it('sets a session of the wrong shape aside', async () => {
    localStorage.setItem('mot:classroom', JSON.stringify({ version: 1, state: { session: 'x' } }));
    await useClassroom.persist.rehydrate();
    expect(useClassroom.getState().session).toBeNull();
    expect(setAsideKeys()).toHaveLength(1);
  });
});
