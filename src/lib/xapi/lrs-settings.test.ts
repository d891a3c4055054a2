import { describe, expect, test } from 'vitest';
import { readStored, writeStored } from '../stored';
import { isEndpoint, lrsSpec, normalEndpoint } from './lrs-settings';

describe('LRS settings', () => {
  test('an endpoint is an http(s) URL without credentials in it', () => {
    expect(isEndpoint('https://lrs.example.com/xapi/')).toBe(true);
    expect(isEndpoint(' http://127.0.0.1:8080/xapi ')).toBe(true);
    expect(isEndpoint('https://key:secret@lrs.example.com/xapi/')).toBe(false);
    expect(isEndpoint('ftp://lrs.example.com/')).toBe(false);
    expect(isEndpoint('lrs.example.com')).toBe(false);
    expect(normalEndpoint(' https://lrs.example.com/xapi ')).toBe('https://lrs.example.com/xapi/');
  });

  test('version 1 reads back; anything else is set aside', () => {
    const v1 = '{"version":1,"state":{"endpoint":"https://l/x/","username":"k","secret":"s"}}';
    const read = readStored(v1, lrsSpec);
    expect(read).toEqual({
      kind: 'ok',
      value: { endpoint: 'https://l/x/', username: 'k', secret: 's' },
    });
    if (read.kind === 'ok') expect(writeStored(read.value, lrsSpec)).toBe(v1);
    expect(readStored('{"version":1,"state":{"endpoint":3}}', lrsSpec).kind).toBe('set-aside');
    expect(readStored('{"version":2,"state":{}}', lrsSpec)).toMatchObject({ reason: 'newer' });
  });
});
