import { LazyMotion, MotionConfig, domAnimation } from 'framer-motion';
import type { ReactNode } from 'react';

/** Motion for the screens that animate (play, classroom), so the library's first screen does not load it. */
export function MotionScope(props: { children: ReactNode }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        {props.children}
      </LazyMotion>
    </MotionConfig>
  );
}
