import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { BOOT_SCRIPT } from './boot-script';
import { BOOT_SCRIPT_SOURCE, cspFor, inlineScripts, isCspSource, withCspMeta } from './csp';

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('cspFor', () => {
  it("lets only the app's own files and the boot hint run, and nothing else from anywhere", () => {
    const d = directives(cspFor());
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", BOOT_SCRIPT_SOURCE]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    // Inline is allowed for styles only (CodeMirror's <style>, the static fallback's style attributes).
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    for (const [name, sources] of d) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain('*');
      expect(sources, name).not.toContain('http:');
    }
  });

  it('names no directive a <meta> policy ignores (the browser would log an error for each)', () => {
    const names = [...directives(cspFor()).keys()];
    for (const banned of ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'])
      expect(names).not.toContain(banned);
  });

  it("adds a build's endpoints to connect-src only, once each, in the order given", () => {
    const relay = 'wss://relay.example.org:8443';
    const lrs = 'https://lrs.example.com/xapi/';
    const d = directives(cspFor({ connect: [lrs, relay, lrs] }));
    expect(d.get('connect-src')).toEqual(["'self'", lrs, relay]);
    expect(d.get('script-src')).toEqual(["'self'", BOOT_SCRIPT_SOURCE]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('takes host and scheme sources, and refuses anything that could widen or break the policy', () => {
    for (const ok of [
      'https://lrs.example.com',
      'https://lrs.example.com/xapi/',
      'wss://relay.local:8443',
      'http://192.168.1.20:8787',
      'https://*.example.org',
      'https://[::1]:8443',
      'wss:',
      'lrs.example.com',
    ])
      expect(isCspSource(ok), ok).toBe(true);
    for (const bad of [
      '',
      '*',
      "'unsafe-inline'",
      "'self'",
      'https://a.example; script-src *',
      'https://a.example https://b.example',
      'https://a.example,https://b.example',
      'https://a.example/"',
    ]) {
      expect(isCspSource(bad), bad).toBe(false);
      expect(() => cspFor({ connect: [bad] }), bad).toThrow(/not a host or scheme source/);
    }
  });
});

describe('the boot hint’s hash', () => {
  it('is the sha256 of the script’s UTF-8 text, base64, as a browser computes it', () => {
    // A known vector (the CSP specification's own example: `alert('Hello, world.');`).
    expect(BOOT_SCRIPT_SOURCE).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    const hash = createHash('sha256').update("alert('Hello, world.');").digest('base64');
    expect(hash).toBe('qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
    expect(BOOT_SCRIPT_SOURCE).toBe(
      `'sha256-${createHash('sha256').update(BOOT_SCRIPT, 'utf8').digest('base64')}'`,
    );
  });
});

describe('inlineScripts', () => {
  it('finds scripts with code of their own, not external ones, data blocks or comments', () => {
    const html = [
      '<script type="module" crossorigin src="./assets/index.js"></script>',
      '<script type="application/json">{"a":1}</script>',
      '<!-- <script>alert(1)</script> -->',
      '<script></script>',
      '<script>window.x = 1</script>',
      '<script type="module">import "./a.js"</script>',
      '<script type="importmap">{"imports":{}}</script>',
    ].join('\n');
    expect(inlineScripts(html)).toEqual([
      '<script>window.x = 1</script>',
      '<script type="module">import "./a.js"</script>',
      '<script type="importmap">{"imports":{}}</script>',
    ]);
  });

  it("finds none in the app's index.html (its static fallback inside #root is text, not a script)", () => {
    const html = readFileSync(join(import.meta.dirname, '../../index.html'), 'utf8');
    expect(inlineScripts(html)).toEqual([]);
    expect(html).toContain('class="static-fallback"');
  });
});

describe('withCspMeta', () => {
  it('takes a page whose one inline script is the boot hint the policy allows', () => {
    const page2 =
      '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n' +
      `    <script>${BOOT_SCRIPT}</script>\n  </head>\n</html>`;
    expect(withCspMeta(page2, cspFor())).toContain('Content-Security-Policy');
    expect(() => withCspMeta(page2, "default-src 'self'; script-src 'self'")).toThrow(
      /inline script/,
    );
  });

  const page =
    '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>t</title>\n  </head>\n</html>';

  it('puts the policy right after <meta charset>, before anything it governs', () => {
    const out = withCspMeta(page, cspFor());
    const meta = `<meta http-equiv="Content-Security-Policy" content="${cspFor()}" />`;
    expect(out).toContain(`<meta charset="UTF-8" />\n    ${meta}\n    <title>`);
  });

  it('refuses a page with an inline script, and one without a charset meta', () => {
    expect(() =>
      withCspMeta(page.replace('<title>', '<script>x()</script><title>'), cspFor()),
    ).toThrow(/inline script/);
    // One changed character is another script: not allowed by the boot hint's hash.
    expect(() =>
      withCspMeta(page.replace('<title>', `<script>${BOOT_SCRIPT} </script><title>`), cspFor()),
    ).toThrow(/inline script/);
    expect(() => withCspMeta('<html><head></head></html>', cspFor())).toThrow(/charset/);
  });
});
