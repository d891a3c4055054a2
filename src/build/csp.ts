// The Content-Security-Policy of a build, written into its index.html as a <meta> by vite.config.ts.
// One policy per build: the app today; a SCORM package, an LRS endpoint or a classroom relay add the
// origins they talk to through `connect`.
import { createHash } from 'node:crypto';
import { BOOT_SCRIPT } from './boot-script';

export interface CspInput {
  /** Origins (or origin + path) the build's code may `fetch` or open a WebSocket to, besides its own. */
  connect?: readonly string[];
}

// A host-source (`https://lrs.example.com/xapi/`, `wss://relay.local:8443`, `*.example.org`) or a
// scheme-source (`wss:`). Nothing that could end the directive or smuggle in a keyword.
const SCHEME = String.raw`[a-z][a-z0-9+.-]*:`;
const HOST = String.raw`(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|\*|\[[0-9a-f:.]+\]`;
const SOURCE = new RegExp(
  String.raw`^(?:${SCHEME}|(?:${SCHEME}//)?(?:${HOST})(?::(?:\d{1,5}|\*))?(?:/[^\s;,'"]*)?)$`,
  'i',
);

/** Whether `source` may be written into a CSP source list as it is. */
export function isCspSource(source: string): boolean {
  return SOURCE.test(source) && source !== '*';
}

/** A `'sha256-…'` source for an inline script's text, as CSP hashes it (UTF-8, base64). */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The boot hint's script (boot-script.ts): the one inline script the build's pages run. */
export const BOOT_SCRIPT_SOURCE = scriptHash(BOOT_SCRIPT);

/**
 * The build's policy: everything loads from the app's own origin, and the only inline script that
 * runs is the boot hint, allowed by its hash.
 */
export function cspFor(input: CspInput = {}): string {
  const connect = [...new Set(input.connect ?? [])];
  for (const source of connect)
    if (!isCspSource(source))
      throw new Error(`cspFor: ${JSON.stringify(source)} is not a host or scheme source`);
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    // Only the build's own files run, and the boot hint's few lines in index.html (by their hash, so
    // no other inline script can): no eval. (The dev server injects inline scripts for hot reload, so
    // `npm start` serves its page without this policy.)
    ['script-src', "'self'", BOOT_SCRIPT_SOURCE],
    // 'unsafe-inline' for styles only, and only because it is needed: CodeMirror (style-mod) writes
    // its theme into <style> elements at run time, and index.html's static fallback (what a page
    // opened from disk shows, where the stylesheet does not load) is styled by style attributes.
    // React's and framer-motion's `style` go through the CSSOM, which CSP does not restrict.
    ['style-src', "'self'", "'unsafe-inline'"],
    // data: for the SVG squiggles CodeMirror's lint and search draw as CSS backgrounds.
    ['img-src', "'self'", 'data:'],
    // System fonts only (ui-brief): nothing to download.
    ['font-src', "'self'"],
    // 'self' matches ws:/wss: on the app's own host too, so a relay served with the app needs nothing.
    ['connect-src', "'self'", ...connect],
    // The service worker, and the validator's Web Worker.
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * The `<script>` elements of a page that carry code of their own (no `src`): CSP blocks them, unless
 * `allowed` (the policy's hash sources) holds their hash.
 */
export function inlineScripts(html: string, allowed: readonly string[] = []): string[] {
  const found: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = match[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    // Data blocks (`application/json`, …) are not run, so CSP leaves them alone; import maps it does not.
    const data =
      type !== undefined &&
      !/^(module|importmap|text\/javascript|application\/javascript)$/.test(type);
    const code = match[2] ?? '';
    if (!/\bsrc\s*=/i.test(attrs) && !data && code.trim() && !allowed.includes(scriptHash(code)))
      found.push(match[0]);
  }
  return found;
}

/** The hash sources of a policy's script-src. */
function scriptHashes(policy: string): string[] {
  const directive = policy.split(';').find((d) => d.trim().startsWith('script-src '));
  return (directive ?? '')
    .trim()
    .split(/\s+/)
    .filter((s) => s.startsWith("'sha256-"));
}

/**
 * `html` with the policy as a `<meta http-equiv>` right after `<meta charset>`, before anything it
 * governs. Throws when the page has an inline script the policy would block (one whose hash it does not
 * hold) or no charset meta.
 */
export function withCspMeta(html: string, policy: string): string {
  const inline = inlineScripts(html, scriptHashes(policy));
  if (inline.length)
    throw new Error(
      `index.html has ${inline.length} inline script(s) that the policy's script-src blocks: ${inline[0]!.slice(0, 120)}`,
    );
  const charset = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (!charset) throw new Error('index.html has no <meta charset>, where the CSP meta goes');
  const at = charset.index + charset[0].length;
  const attr = policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${attr}" />`;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * `html` (a built index.html) with its CSP meta replaced by `policy`, or added when it has none: how a
 * package that talks to more origins (a cmi5 AU and its LRS) is made from the same build.
 */
export function replaceCspMeta(html: string, policy: string): string {
  const existing =
    /\n?[ \t]*<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="[^"]*"\s*\/?>/gi;
  return withCspMeta(html.replace(existing, ''), policy);
}
