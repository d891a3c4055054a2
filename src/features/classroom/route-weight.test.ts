// Issue 12: the classroom's setup screen loads none of the stage: the projector and presenter
// views, framer-motion, the mood curve and the podium arrive when a session opens (or are fetched
// in idle time). A byte-free guard: it reads the sources' static imports, not a build.
// Nor the scenario machine: the setup and the session store read the session as data
// (src/engine/classroom-model.ts) and run the window protocol (classroom-room.ts, classroom-log.ts); the
// commands and the log's fold replay the machine (classroom-session.ts, classroom-fold.ts) and come with
// the stage, which hands their rules to the store.
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../testing/import-graph';

describe('#/classroom, the setup', () => {
  const { files, packages } = staticGraph('src/features/classroom/ClassroomRoute.tsx');

  it('loads the setup form and the session store', () => {
    expect(files).toContain('src/features/classroom/Setup.tsx');
    expect(files).toContain('src/features/classroom/session-store.ts');
    // The team swatches' patterns: the setup's team rows show them before the stage's styles arrive.
    expect(files).toContain('src/features/classroom/teams.css');
  });

  it('loads no stage, motion, mood curve, podium or phone relay client', () => {
    expect(packages).not.toContain('framer-motion');
    expect(packages).not.toContain('uqr');
    for (const f of [
      'src/features/classroom/Stage.tsx',
      'src/features/classroom/Projector.tsx',
      'src/features/classroom/Presenter.tsx',
      'src/features/classroom/Podium.tsx',
      'src/features/classroom/stage.css',
      'src/components/MotionScope.tsx',
      'src/components/MoodCurve.tsx',
      // A drill's look is the stage's: the setup's radios are styled in setup.css.
      'src/styles/drill.css',
      // The phones' relay client and QR code come with the stage; the setup only asks whether there
      // is a relay (relay-info.ts).
      'src/lib/relay-client.ts',
      'src/features/classroom/JoinPanel.tsx',
    ])
      expect(files, f).not.toContain(f);
  });

  it('loads the session as data and the window protocol, but no scenario machine', () => {
    for (const f of [
      'src/engine/classroom-model.ts',
      'src/engine/classroom-room.ts',
      'src/engine/classroom-log.ts',
    ])
      expect(files, f).toContain(f);
    expect(packages).not.toContain('xstate');
    expect(packages).not.toContain('@xstate/react');
    for (const f of [
      'src/engine/machine.ts',
      'src/engine/classroom-session.ts',
      'src/engine/classroom-fold.ts',
      // The scoring and the exports of a class (teams' scores, CSV) are the podium's.
      'src/engine/classroom.ts',
      'src/engine/explore.ts',
      'src/engine/condition.ts',
      'src/engine/score.ts',
      'src/engine/value.ts',
      'src/engine/csv.ts',
    ])
      expect(files, f).not.toContain(f);
  });

  it("loads the frame's i18n layer only: the setup's words are its own", () => {
    expect(files).toContain('src/features/classroom/setup-messages.ts');
    for (const f of ['src/lib/i18n.ts', 'src/lib/i18n-messages.ts'])
      expect(files, f).not.toContain(f);
  });
});
