import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneState } from '../../engine/relay-protocol';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import JoinRoute from './JoinRoute';

const KEY = 'k'.repeat(22);

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  onopen: ((e: unknown) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  sent: Array<Record<string, unknown>> = [];
  constructor(public url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
  }
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(frame) }));
  }
}

const state = (over: Partial<PhoneState> = {}): PhoneState => ({
  seq: 1,
  at: '0:vote',
  phase: 'vote',
  rule: 'phones-team',
  locale: 'en',
  teams: [
    { id: 't1', name: 'Red', colour: 0 },
    { id: 't2', name: 'Blue', colour: 1 },
  ],
  choices: [
    { id: 'calm', letter: 'A', text: 'Stay calm' },
    { id: 'argue', letter: 'B', text: 'Argue' },
  ],
  line: 'This is the third time!',
  votes: {},
  tally: {},
  ...over,
});

function open(locale: UiLocale = 'en', withKey = true) {
  const key = withKey ? KEY : undefined;
  const view = render(
    <LocaleContext.Provider value={locale}>
      <JoinRoute code="AB23CD" roomKey={key} />
    </LocaleContext.Provider>,
  );
  const ws = FakeSocket.all.at(-1)!;
  act(() => ws.accept());
  return { ...view, ws, user: userEvent.setup() };
}

const me = () => localStorage.getItem('mot:phone-id')!;

describe('the phone in a class room', () => {
  beforeEach(() => {
    localStorage.clear();
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('joins with the key, asks for a team and nothing else, and shows its vote once the state has it', async () => {
    const { ws, user, container } = open();
    expect(ws.sent[0]).toMatchObject({ t: 'join', room: 'AB23CD', key: KEY });
    ws.receive({ t: 'joined', room: 'AB23CD', key: KEY });
    ws.receive({ t: 'state', state: state() });
    expect(screen.getByRole('heading', { name: 'Which team are you in?' })).toBeInTheDocument();
    expect(container.querySelectorAll('input')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Blue' }));
    expect(screen.getByText('This is the third time!')).toBeInTheDocument();
    await user.click(container.querySelector('[data-choice="calm"]')!);
    expect(ws.sent.at(-1)).toMatchObject({ t: 'vote', at: '0:vote', choice: 'calm', team: 't2' });
    expect(container.querySelector('[data-voted]')).toBeNull();
    ws.receive({ t: 'state', state: state({ seq: 2, votes: { [me()]: 'calm' } }) });
    expect(container.querySelector('[data-voted="calm"]')).not.toBeNull();
    expect(screen.getByText('Voted A. You can change it until the reveal.')).toBeInTheDocument();
  });

  it('asks a split team to agree on one', async () => {
    const { ws, user, container } = open();
    ws.receive({ t: 'joined', room: 'AB23CD', key: KEY });
    ws.receive({ t: 'state', state: state() });
    await user.click(screen.getByRole('button', { name: 'Red' }));
    ws.receive({ t: 'state', state: state({ seq: 2, teamPicks: { t1: 'tie', t2: null } }) });
    expect(container.querySelector('[data-agree]')).toHaveTextContent('agree on one');
  });

  it('shows the refusal of a vote that came after the reveal', async () => {
    const { ws, user, container } = open();
    ws.receive({ t: 'joined', room: 'AB23CD', key: KEY });
    ws.receive({ t: 'state', state: state() });
    await user.click(screen.getByRole('button', { name: 'Red' }));
    await user.click(container.querySelector('[data-choice="argue"]')!);
    ws.receive({
      t: 'state',
      state: state({ seq: 2, at: '1:reveal', phase: 'reveal', revealed: { choice: 'calm' } }),
    });
    ws.receive({ t: 'direct', body: { kind: 'refused', at: '0:vote' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Voting is closed');
    expect(screen.getByText('The room chose A: Stay calm')).toBeInTheDocument();
  });

  it('in one vote each, asks for a name, and shows its own score at the end (zh-CN)', async () => {
    const { ws, user, container } = open('zh-CN');
    ws.receive({ t: 'joined', room: 'AB23CD', key: KEY });
    ws.receive({ t: 'state', state: state({ rule: 'phones-each' }) });
    await user.type(screen.getByLabelText('你的名字'), '小王');
    await user.click(screen.getByRole('button', { name: '加入' }));
    expect(container.querySelector('[data-choice="calm"]')).not.toBeNull();
    ws.receive({
      t: 'state',
      state: state({
        rule: 'phones-each',
        seq: 3,
        at: '3:ending',
        phase: 'ending',
        ended: true,
        revealed: { choice: 'calm', scores: { [me()]: 75, other: 10 } },
      }),
    });
    expect(container.querySelector('[data-score]')).toHaveTextContent('你的得分：75%');
    expect(screen.queryByText(/10/)).toBeNull();
  });

  it('without a key, waits to be admitted', () => {
    const { ws } = open('en', false);
    expect(ws.sent[0]).not.toHaveProperty('key');
    ws.receive({ t: 'waiting' });
    expect(screen.getByRole('status')).toHaveTextContent('the facilitator lets you in');
  });
});
