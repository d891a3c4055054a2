import { describe, expect, test } from 'vitest';
import { cspFor } from '../../src/build/csp';
import { connectVerdict } from '../../src/lib/xapi/csp-allows';

const SELF = 'http://127.0.0.1:4173/index.html';

describe('connectVerdict', () => {
  test("the app's own build: only its own origin", () => {
    const policy = cspFor();
    expect(connectVerdict(policy, 'http://127.0.0.1:4173/xapi/', SELF)).toBe('allowed');
    expect(connectVerdict(policy, 'http://127.0.0.1:9000/xapi/', SELF)).toBe('blocked');
    expect(connectVerdict(policy, 'https://lrs.example.com/xapi/', SELF)).toBe('blocked');
  });

  test('a build with VITE_CONNECT_SRC: its origins, ports and paths', () => {
    const policy = cspFor({
      connect: ['http://127.0.0.1:*', 'https://lrs.example.com/xapi/', '*.example.org'],
    });
    expect(connectVerdict(policy, 'http://127.0.0.1:9000/xapi/', SELF)).toBe('allowed');
    expect(connectVerdict(policy, 'https://lrs.example.com/xapi/statements', SELF)).toBe('allowed');
    expect(connectVerdict(policy, 'https://lrs.example.com/other/', SELF)).toBe('blocked');
    expect(connectVerdict(policy, 'https://lrs.example.com:8443/xapi/', SELF)).toBe('blocked');
    expect(connectVerdict(policy, 'http://a.example.org/x', SELF)).toBe('allowed');
    expect(connectVerdict(policy, 'http://example.org/x', SELF)).toBe('blocked');
    expect(connectVerdict(policy, 'http://localhost:9000/', SELF)).toBe('blocked');
  });

  test('scheme sources; no policy; not a URL', () => {
    expect(connectVerdict(cspFor({ connect: ['https:'] }), 'https://any.lrs/x', SELF)).toBe(
      'allowed',
    );
    expect(connectVerdict(cspFor({ connect: ['https:'] }), 'http://any.lrs/x', SELF)).toBe(
      'blocked',
    );
    expect(connectVerdict(null, 'http://any.lrs/x', SELF)).toBe('no-policy');
    expect(connectVerdict(cspFor(), 'not a url', SELF)).toBe('blocked');
  });
});
