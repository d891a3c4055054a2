import { learnerNow } from '../learner';

/** The app's origin as an account's home page (an IRL), or a placeholder where the page has none (file:). */
export function homePage(): string {
  const o = typeof location === 'undefined' ? '' : location.origin;
  return /^https?:\/\//.test(o) ? o : 'https://mot-trainer.invalid';
}

/** The learner on this device as an xAPI agent: their name (when given) and an account of the device's id. */
export function deviceAgent() {
  const l = learnerNow();
  return {
    objectType: 'Agent' as const,
    ...(l.name ? { name: l.name } : {}),
    account: { homePage: homePage(), name: l.deviceId },
  };
}
