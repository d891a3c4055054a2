import { useEffect, type ReactNode } from 'react';
import { loadMotion, whenIdle } from './motion';

/**
 * Motion for the screens that animate (classroom stage, authoring preview): framer-motion's parts (the
 * motion kit) load in idle time once the screen has painted; until then the parts render without it.
 * The children are rendered as they are (no provider is added later, so nothing remounts).
 */
export function MotionScope(props: { children: ReactNode }) {
  useEffect(() => whenIdle(() => void loadMotion(), 0), []);
  return props.children;
}
