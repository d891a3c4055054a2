// The generated scenarios the engine figures run on (scripts/generate-scenario.ts), within the
// validator's cap (5 MB, 20,000 nodes) when the generator can write them compactly.
import { SIZE_LIMITS, type ValidateOptions } from '../../src/engine/validate';
import { generateScenarioYaml } from '../generate-scenario';

export interface Generated {
  nodes: number;
  yaml: string;
  bytes: number;
  /** The validator's options: its default limits, or none when the file is over the cap. */
  options: ValidateOptions;
  /** Set when the file is past the cap and is validated without limits. */
  note?: string;
}

export function generated(nodes: number, seed = 1): Generated {
  // `compact` is the generator's short form (helper B's, issue 12); older generators ignore it.
  const options = { conditions: true, seed, compact: true };
  const yaml = generateScenarioYaml(nodes, options);
  const bytes = Buffer.byteLength(yaml, 'utf8');
  if (bytes <= SIZE_LIMITS.bytes && nodes <= SIZE_LIMITS.nodes)
    return { nodes, yaml, bytes, options: {} };
  return {
    nodes,
    yaml,
    bytes,
    options: { limits: false },
    note: `the generated ${nodes.toLocaleString('en')}-node file is ${(bytes / 2 ** 20).toFixed(1)} MB, over the validator's ${(SIZE_LIMITS.bytes / 2 ** 20).toFixed(0)} MB cap: validated with { limits: false }`,
  };
}
