import { describe, expect, it } from 'vitest';
import { builtIn } from '../testing/scenario';
import { graphHash } from './graph-hash';

describe('graphHash', () => {
  const en = builtIn('angry-customer', 'en').scenario;
  const zh = builtIn('angry-customer', 'zh-CN').scenario;

  it('is the same for translations and unchanged by any text edit', () => {
    expect(graphHash(en)).toMatch(/^[0-9a-f]{16}$/);
    expect(graphHash(zh)).toBe(graphHash(en));
    const node = en.nodes[en.start]!;
    const edited = {
      ...en,
      title: 'Another title',
      nodes: {
        ...en.nodes,
        [node.id]: {
          ...node,
          say: 'A typo fixed',
          choices: node.choices.map((c) => ({ ...c, text: `${c.text}!`, feedback: 'why' })),
        },
      },
    };
    expect(graphHash(edited)).toBe(graphHash(en));
  });

  it('changes with the structure: a score, an effect, a target, the order key, a meter', () => {
    const node = en.nodes[en.start]!;
    const withNode = (patch: object) => ({
      ...en,
      nodes: { ...en.nodes, [node.id]: { ...node, ...patch } },
    });
    const [first, ...rest] = node.choices;
    const variants = [
      withNode({ choices: [{ ...first!, score: first!.score - 1 }, ...rest] }),
      withNode({ choices: [{ ...first!, effects: { mood: 99 } }, ...rest] }),
      withNode({ choices: [...rest, first!] }),
      withNode({ order: 'fixed' }),
      { ...en, meters: { ...en.meters, mood: 1 } },
      { ...en, endings: { ...en.endings, extra: { id: 'extra', title: '', text: '' } } },
    ];
    const hashes = new Set(variants.map(graphHash));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(graphHash(en))).toBe(false);
  });
});
