import { create } from 'zustand';
import type { MessageKey } from './i18n-messages';

export interface Notice {
  id: number;
  key: MessageKey;
  vars?: Record<string, string>;
}

interface NoticeState {
  notices: Notice[];
  push: (key: MessageKey, vars?: Record<string, string>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Messages for the trainee about their saved data (set aside, changed, unreadable); never persisted. */
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
