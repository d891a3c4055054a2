import { create } from 'zustand';

/**
 * A new version of the app waiting in the service worker. It is applied only when the trainer says
 * so (`apply`): a reload in the middle of a class would throw a drill off the projector.
 */
export interface UpdateState {
  /** Set when a new version is ready: installs it and reloads this window. */
  apply: (() => void) | null;
  /** "Later": hidden in this window until it is next opened. */
  dismissed: boolean;
  offer: (apply: () => void) => void;
  dismiss: () => void;
}

export const useUpdate = create<UpdateState>((set) => ({
  apply: null,
  dismissed: false,
  offer: (apply) => set({ apply, dismissed: false }),
  dismiss: () => set({ dismissed: true }),
}));
