import {
  AnimatePresence,
  LazyMotion,
  MotionConfig,
  domAnimation,
  m,
  useReducedMotion,
} from 'framer-motion';
import type { ReactNode } from 'react';

// The motion parts that need framer-motion, loaded in idle time after a drill's first moment (see
// motion.ts): never before it, so none of framer-motion's bytes are on the way to that moment. Each
// part carries its own scope, so it can appear anywhere in a tree that rendered without it.

function Scope(props: { children: ReactNode }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        {props.children}
      </LazyMotion>
    </MotionConfig>
  );
}

/**
 * A meter's change badge: rises in, and fades out when it goes (the next move). One that is already
 * on screen when the kit arrives stays as it is (no second entrance).
 */
export function PresenceBadge(props: { badgeKey: string | null; className: string; text: string }) {
  const reduced = useReducedMotion();
  return (
    <Scope>
      <AnimatePresence initial={false}>
        {props.badgeKey !== null && (
          <m.span
            key={props.badgeKey}
            className={props.className}
            initial={reduced ? false : { opacity: 0, y: 6 }}
            animate={{ opacity: 1, y: 0 }}
            exit={{ opacity: 0 }}
            // reducedMotion="user" still fades opacity: with reduced motion the badge just goes.
            transition={{ duration: reduced ? 0 : 0.25 }}
          >
            {props.text}
          </m.span>
        )}
      </AnimatePresence>
    </Scope>
  );
}

/** Slides a non-focusable block in from the side (the coach's note beside the reaction). */
export function SlideIn(props: { className: string; children: ReactNode }) {
  const reduced = useReducedMotion();
  return (
    <Scope>
      <m.div
        className={props.className}
        initial={reduced ? false : { opacity: 0, x: 24 }}
        animate={{ opacity: 1, x: 0 }}
        transition={{ duration: 0.25, delay: 0.15 }}
      >
        {props.children}
      </m.div>
    </Scope>
  );
}
