// Issue 9, defect 9: dist/index.html opened from disk must not be a blank page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The markup inside `<div id="root">` (to its matching `</div>`): what shows until the app mounts. */
function rootInner(html: string): string {
  const open = '<div id="root">';
  const start = html.indexOf(open);
  if (start < 0) return '';
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = start + open.length;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(start + open.length, m.index);
  }
  return '';
}

function fallbackOf(html: string) {
  const inner = rootInner(html);
  return {
    text: inner
      .replace(/<!--[^]*?-->/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    langs: [...inner.matchAll(/\blang="([^"]+)"/g)].map((m) => m[1]),
    scripts: (inner.match(/<script\b/g) ?? []).length,
  };
}

describe('index.html fallback inside #root', () => {
  it('says in zh-CN and en how to serve the folder, with no script', () => {
    const f = fallbackOf(readFileSync(resolve(ROOT, 'index.html'), 'utf8'));
    expect(f.langs).toEqual(expect.arrayContaining(['zh-CN', 'en']));
    expect(f.text).toContain('npx vite preview');
    expect(f.text).toMatch(/static (file )?server/);
    expect(f.text).toContain('静态');
    expect(f.text).toContain('dist');
    expect(f.scripts).toBe(0);
  });
});
