import { create } from 'zustand';
import type { ShellKey } from './i18n-shell-messages';

export interface Notice {
  id: number;
  key: ShellKey;
  vars?: Record<string, string>;
}

interface NoticeState {
  notices: Notice[];
  push: (key: ShellKey, vars?: Record<string, string>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Messages for the trainee about their saved data (set aside, changed, unreadable); never persisted. */
// A notice's words are the app frame's (i18n-shell-messages.ts): the frame shows them over any screen.
export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push: (key, vars) =>
    set((s) =>
      s.notices.some((n) => n.key === key && JSON.stringify(n.vars) === JSON.stringify(vars))
        ? s
        : { notices: [...s.notices, vars ? { id: nextId++, key, vars } : { id: nextId++, key }] },
    ),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
