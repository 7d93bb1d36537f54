import { create } from 'zustand';

/**
 * The board's status line for a screen reader (aria-live="polite"): what the last keyboard action
 * did, as one sentence. `n` counts announcements so the same sentence twice ("Moved") is read again.
 */
export const useAnnouncement = create<{ text: string; n: number }>(() => ({ text: '', n: 0 }));

export function announce(text: string): void {
  useAnnouncement.setState((s) => ({ text, n: s.n + 1 }));
}
