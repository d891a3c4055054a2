import type { Cond } from './condition';
import type { Emotion, Principle, Step } from './vocabulary';

// The normalised scenario the app runs: plain JSON, built from a validated file.

export interface Branch {
  when?: Cond;
  goto: string;
}

/** What a choice or a timeout does: effects, flags, then where it leads. */
export interface Move {
  id: string;
  effects: Record<string, number>;
  set: string[];
  reply?: string;
  feedback?: string;
  principles: Principle[];
  next: Branch[];
}

export interface Choice extends Move {
  text: string;
  score: number;
  when?: Cond;
}

export interface ScenarioNode {
  id: string;
  step: Step;
  say: string;
  narration?: string;
  emotion?: Emotion;
  timeLimit?: number;
  onTimeout?: Move;
  note?: string;
  discuss?: string;
  /** `fixed`: the choices keep file order on screen instead of being shuffled. */
  order?: 'fixed';
  choices: Choice[];
}

export interface Ending {
  id: string;
  title: string;
  text: string;
}

export interface Scenario {
  format: string;
  id: string;
  locale: string;
  title: string;
  summary: string;
  difficulty: number;
  minutes: number;
  briefing?: string;
  customer: { name: string; role: string; portrait?: string };
  meters: Record<string, number>;
  start: string;
  nodes: Record<string, ScenarioNode>;
  endings: Record<string, Ending>;
}

/** The id a timeout move is known by in decision logs and paths. */
export const TIMEOUT_ID = 'timeout';

/** Every move a node offers: its choices, then its timeout if it has one. */
export function movesOf(node: ScenarioNode): Array<Choice | Move> {
  return node.onTimeout ? [...node.choices, node.onTimeout] : node.choices;
}

export function isChoice(move: Choice | Move): move is Choice {
  return 'score' in move;
}
