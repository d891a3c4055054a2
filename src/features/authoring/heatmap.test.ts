import { describe, expect, it } from 'vitest';
import { heatFromFiles } from './heatmap';

const attempt = (scenarioId: string, ending: string, choices: Array<[string, string]>) => ({
  id: Math.random().toString(36),
  scenarioId,
  ending,
  decisions: choices.map(([node, choice]) => ({ node, choice, points: 1, max: 1 })),
});

describe('heatFromFiles', () => {
  it('adds up moves and endings of one scenario across devices, skipping what it cannot read', () => {
    const a = JSON.stringify({
      format: 'mot-attempts/1',
      attempts: [
        attempt('demo', 'happy', [
          ['greet', 'apologise'],
          ['offer', 'replace-today'],
        ]),
        attempt('other', 'x', [['greet', 'apologise']]),
      ],
    });
    const b = JSON.stringify({
      attempts: [
        attempt('demo', 'sad', [
          ['greet', 'timeout'],
          ['offer', 'courier-claim'],
        ]),
      ],
    });
    const heat = heatFromFiles(
      [
        { name: 'a.json', text: a },
        { name: 'b.json', text: b },
        { name: 'broken.json', text: '{nope' },
      ],
      'demo',
    );
    expect(heat).toEqual({
      attempts: 2,
      files: 2,
      moves: {
        'greet:apologise': 1,
        'offer:replace-today': 1,
        'greet:timeout': 1,
        'offer:courier-claim': 1,
      },
      endings: { happy: 1, sad: 1 },
      skipped: ['broken.json'],
    });
  });
});
