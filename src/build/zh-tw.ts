// Builds a zh-TW scenario from a zh-CN one at build time (OpenCC: Simplified → Traditional with
// Taiwan phrases). Only text a trainee reads is converted: ids, flags, conditions and principles
// stay as written, so the converted scenario has the zh-CN file's graph and graph hash.
import * as OpenCC from 'opencc-js';
import type { Diagnostic } from '../engine/diagnostics';
import type { Choice, Move, Scenario, ScenarioNode } from '../engine/model';
import type { Path } from '../engine/source';
import { validateSource, type ValidationResult } from '../engine/validate';

export const CONVERTED_FROM = 'zh-CN';
export const CONVERTED_TO = 'zh-TW';
/** Appended to every diagnostic about converted text. */
export const CONVERTED_TAG = '(zh-TW, converted)';

/** Simplified Chinese → Traditional Chinese as written in Taiwan, phrases included (软件 → 軟體). */
export const toTaiwan: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'twp' });

function convertMove<T extends Move>(m: T): T {
  const out = { ...m };
  if (m.reply !== undefined) out.reply = toTaiwan(m.reply);
  if (m.feedback !== undefined) out.feedback = toTaiwan(m.feedback);
  if ('text' in m) (out as unknown as Choice).text = toTaiwan((m as unknown as Choice).text);
  return out;
}

function convertNode(n: ScenarioNode): ScenarioNode {
  const out: ScenarioNode = { ...n, say: toTaiwan(n.say), choices: n.choices.map(convertMove) };
  if (n.narration !== undefined) out.narration = toTaiwan(n.narration);
  if (n.note !== undefined) out.note = toTaiwan(n.note);
  if (n.discuss !== undefined) out.discuss = toTaiwan(n.discuss);
  if (n.onTimeout) out.onTimeout = convertMove(n.onTimeout);
  return out;
}

/** The zh-TW edition of a normalised zh-CN scenario: text fields converted, everything else as is. */
export function convertScenario(s: Scenario): Scenario {
  const out: Scenario = {
    ...s,
    locale: CONVERTED_TO,
    title: toTaiwan(s.title),
    summary: toTaiwan(s.summary),
    customer: { ...s.customer, name: toTaiwan(s.customer.name), role: toTaiwan(s.customer.role) },
    nodes: Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, convertNode(n)])),
    endings: Object.fromEntries(
      Object.entries(s.endings).map(([id, e]) => [
        id,
        { ...e, title: toTaiwan(e.title), text: toTaiwan(e.text) },
      ]),
    ),
  };
  if (s.briefing !== undefined) out.briefing = toTaiwan(s.briefing);
  return out;
}

/** Where the text fields of a scenario file stand, as paths into the file. */
export function textPaths(file: unknown): Path[] {
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const f = obj(file);
  const paths: Path[] = [['title'], ['summary'], ['briefing'], ['customer', 'name']];
  paths.push(['customer', 'role']);
  for (const [id, node] of Object.entries(obj(f.nodes))) {
    const n = obj(node);
    for (const k of ['say', 'narration', 'note', 'discuss']) paths.push(['nodes', id, k]);
    const choices = Array.isArray(n.choices) ? n.choices : [];
    choices.forEach((_, i) => {
      for (const k of ['text', 'reply', 'feedback']) paths.push(['nodes', id, 'choices', i, k]);
    });
    for (const k of ['reply', 'feedback']) paths.push(['nodes', id, 'onTimeout', k]);
  }
  for (const id of Object.keys(obj(f.endings)))
    for (const k of ['title', 'text']) paths.push(['endings', id, k]);
  return paths;
}

interface Piece {
  /** Offsets in the zh-CN text. */
  from: number;
  to: number;
  /** Offsets in the converted text. */
  newFrom: number;
  newTo: number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/**
 * Checks the converted text of a zh-CN file as the validator would check a zh-TW file, and reports
 * what it finds at the zh-CN file's own lines and columns, tagged "(zh-TW, converted)".
 */
export function convertedDiagnostics(source: ValidationResult): Diagnostic[] {
  const src = source.source;
  const text = src.text;
  const edits: Array<{ from: number; to: number; text: string }> = [];
  for (const path of textPaths(src.doc.toJS())) {
    const range = src.rangeOf(path);
    if (!range) continue;
    edits.push({ from: range[0], to: range[1], text: toTaiwan(text.slice(range[0], range[1])) });
  }
  const locale = src.rangeOf(['locale']);
  if (locale) edits.push({ from: locale[0], to: locale[1], text: CONVERTED_TO });
  edits.sort((a, b) => a.from - b.from);

  let out = '';
  let at = 0;
  const pieces: Piece[] = [];
  for (const e of edits) {
    if (e.from < at) continue;
    out += text.slice(at, e.from);
    pieces.push({ from: e.from, to: e.to, newFrom: out.length, newTo: out.length + e.text.length });
    out += e.text;
    at = e.to;
  }
  out += text.slice(at);

  const newStarts = lineStarts(out);
  const oldStarts = lineStarts(text);
  // Converted offset → zh-CN offset: exact outside the converted pieces and inside pieces whose
  // length did not change; a piece that grew or shrank maps to its own start.
  const back = (line: number, column: number): number => {
    const offset = (newStarts[line - 1] ?? 0) + column - 1;
    let shift = 0;
    for (const p of pieces) {
      if (offset < p.newFrom) break;
      if (offset <= p.newTo) {
        if (p.to - p.from === p.newTo - p.newFrom) return p.from + (offset - p.newFrom);
        return offset === p.newTo ? p.to : p.from;
      }
      shift = p.to - p.newTo;
    }
    return offset + shift;
  };
  const position = (offset: number) => {
    let line = 0;
    while (line + 1 < oldStarts.length && oldStarts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - oldStarts[line]! + 1 };
  };

  return validateSource(source.file, out).diagnostics.map((d) => {
    const start = position(back(d.line, d.column));
    const end = position(back(d.endLine, d.endColumn));
    return {
      ...d,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: `${d.message} ${CONVERTED_TAG}`,
    };
  });
}
