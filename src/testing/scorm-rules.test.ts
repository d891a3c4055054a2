import { expect, it } from 'vitest';
import { ruleFor } from './scorm-rules';

// The rules must refuse what the specifications forbid, or the identifier tests would prove nothing.
const ok = (v: '1.2' | '2004', element: string, value: string) => ruleFor(v, element)!(value);

it('1.2: CMIIdentifier, choice responses, timespans', () => {
  expect(ok('1.2', 'cmi.interactions.0.id', '3_door')).toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.id', '3 door')).not.toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.id', '3_开门')).not.toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.id', 'x'.repeat(256))).not.toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.id', '')).not.toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.student_response', 'a')).toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.student_response', 'A')).not.toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.student_response', 'stand-and-greet')).not.toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.correct_responses.1.pattern', '10')).not.toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.latency', '0000:00:05.25')).toBeNull();
  expect(ok('1.2', 'cmi.interactions.0.latency', 'PT5S')).not.toBeNull();
  expect(ok('1.2', 'cmi.core.lesson_status', 'passed')).toBeNull();
  expect(ok('1.2', 'cmi.core.lesson_status', 'unknown')).not.toBeNull();
  expect(ok('1.2', 'cmi.suspend_data', 'x'.repeat(4097))).not.toBeNull();
});

it('2004: URN identifiers, short identifiers, durations, descriptions', () => {
  expect(ok('2004', 'cmi.interactions.0.id', 'urn:mot:first-impression:door')).toBeNull();
  expect(ok('2004', 'cmi.interactions.0.id', 'urn:mot:x:%E5%BC%80')).toBeNull();
  expect(ok('2004', 'cmi.interactions.0.id', 'urn:mot:x:开门')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.id', 'urn:mot:x:door#1')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.id', 'urn:mot:x:a b')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.id', 'door')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.id', `urn:mot:${'x'.repeat(4000)}`)).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.learner_response', 'stand-and-greet')).toBeNull();
  expect(ok('2004', 'cmi.interactions.0.learner_response', 'a[,]b')).toBeNull();
  expect(ok('2004', 'cmi.interactions.0.learner_response', 'a[,]a')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.learner_response', 'door#1')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.learner_response', '')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.learner_response', 'x'.repeat(251))).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.latency', 'PT1H2M3.45S')).toBeNull();
  expect(ok('2004', 'cmi.interactions.0.latency', 'PT3.456S')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.latency', 'PT')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.timestamp', '2026-12-01T09:30:00.0Z')).toBeNull();
  expect(ok('2004', 'cmi.interactions.0.timestamp', '2039-01-01')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.description', '{lang=zh-CN}营造氛围')).toBeNull();
  expect(
    ok('2004', 'cmi.interactions.0.description', `{lang=en}${'x'.repeat(242)}`),
  ).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.description', '{lang=zh CN}x')).not.toBeNull();
  expect(ok('2004', 'cmi.interactions.0.result', 'wrong')).not.toBeNull();
  expect(ok('2004', 'cmi.score.scaled', '0.12345678')).not.toBeNull();
  expect(ok('2004', 'cmi.exit', 'normal')).toBeNull();
});
