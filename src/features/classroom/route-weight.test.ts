// Issue 12: the classroom's setup screen loads none of the stage: the projector and presenter
// views, framer-motion, the mood curve and the podium arrive when a session opens (or are fetched
// in idle time). A byte-free guard: it reads the sources' static imports, not a build.
// (The scenario machine, xstate, still comes with the session store: the room protocol of
// src/engine/classroom-session.ts imports it.)
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../testing/import-graph';

describe('#/classroom, the setup', () => {
  const { files, packages } = staticGraph('src/features/classroom/ClassroomRoute.tsx');

  it('loads the setup form and the session store', () => {
    expect(files).toContain('src/features/classroom/Setup.tsx');
    expect(files).toContain('src/features/classroom/session-store.ts');
  });

  it('loads no stage, motion, mood curve or podium', () => {
    expect(packages).not.toContain('framer-motion');
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
    ])
      expect(files, f).not.toContain(f);
  });
});
