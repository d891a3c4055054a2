// The earlier bench's figures that still make sense: the scenario map of 500 nodes (layout in Node,
// draft → drawn map in Chromium), re-validation after one keystroke in a ~2,000-line file, and the
// fuzz properties at 10,000 cases; CPU time beside wall time everywhere.
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { layoutScenario } from '../../src/components/scenario-map/layout';
import { validateSource } from '../../src/engine/validate';
import { FUZZ_PROPERTIES, FUZZ_SEED } from '../../tests/unit/fuzz-properties';
import { generateScenarioYaml } from '../generate-scenario';
import { forceGc } from './engine';
import { spread, timed, type Spread } from './util';

export interface CpuWall {
  wall: Spread;
  cpu: Spread;
}

function repeat(runs: number, f: () => void): CpuWall {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    forceGc();
    const t = timed(f);
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  return { wall: spread(wall), cpu: spread(cpu) };
}

export function mapLayout500(): { yaml: string; layout: CpuWall } {
  const yaml = generateScenarioYaml(500, { conditions: true, seed: 3 });
  const r = validateSource('generated-500.en.yaml', yaml);
  if (!r.scenario) throw new Error('the generated 500-node scenario does not validate');
  const scenario = r.scenario;
  layoutScenario(scenario);
  return { yaml, layout: repeat(3, () => layoutScenario(scenario)) };
}

/** Opens #/author with the 500-node draft in storage until all 500 map nodes are drawn (wall ms). */
export async function mapInChromium(browser: Browser, appUrl: string, yaml: string, runs = 3) {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 },
    });
    try {
      const page = await context.newPage();
      await page.addInitScript({
        content: `localStorage.setItem('mot:draft', ${JSON.stringify(
          JSON.stringify({ version: 1, fileName: 'generated-500.en.yaml', text: yaml }),
        )});`,
      });
      const t0 = performance.now();
      await page.goto(`${appUrl}#/author`);
      // The map draws when it comes on screen (below the editor at 1280×720): scroll to it, as a
      // trainer does. Its panel is there once the draft has validated.
      await page.locator('[data-author-map]').scrollIntoViewIfNeeded({ timeout: 120_000 });
      await page.waitForFunction(
        () => document.querySelectorAll('[data-author-map] g.map-node').length >= 500,
        undefined,
        { polling: 50, timeout: 120_000 },
      );
      times.push(performance.now() - t0);
    } finally {
      await context.close();
    }
  }
  return spread(times);
}

export function keystroke(): { lines: number; nodes: number; revalidate: CpuWall } {
  let nodes = 60;
  let yaml = generateScenarioYaml(nodes, { conditions: true, seed: 2 });
  while (yaml.split('\n').length < 2_000)
    yaml = generateScenarioYaml(++nodes, { conditions: true, seed: 2 });
  const at = yaml.indexOf('say: ') + 6;
  const edited = `${yaml.slice(0, at)}x${yaml.slice(at)}`;
  validateSource('keystroke.en.yaml', edited);
  return {
    lines: yaml.split('\n').length,
    nodes,
    revalidate: repeat(15, () => validateSource('keystroke.en.yaml', edited)),
  };
}

export interface FuzzFigure {
  name: string;
  cases: number;
  ok: boolean;
  wallMs: number;
  cpuMs: number;
  error?: string;
}

export function fuzz(cases: number): FuzzFigure[] {
  return Object.entries(FUZZ_PROPERTIES).map(([name, run]) => {
    let error: string | undefined;
    const t = timed(() => {
      try {
        run({ numRuns: cases, seed: FUZZ_SEED });
      } catch (e) {
        error = (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 3).join(' ');
      }
    });
    return {
      name,
      cases,
      ok: !error,
      wallMs: t.wallMs,
      cpuMs: t.cpuMs,
      ...(error ? { error } : {}),
    };
  });
}
