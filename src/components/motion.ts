import { useReducedMotion } from 'framer-motion';

/**
 * framer-motion's reducedMotion="user" drops transforms but still fades; with reduced motion asked
 * for, things simply appear: `initial={false}` renders the end state at once.
 */
export function useEntrance<T>(initial: T): T | false {
  return useReducedMotion() ? false : initial;
}
