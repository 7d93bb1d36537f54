import { create } from 'zustand';
import { useUi } from './uiStore';
import { showPanel } from './typing';

/**
 * The phone layout is for a small screen worked with fingers: narrow AND a coarse pointer. A
 * narrow desktop window (a mouse) keeps the desktop layout squeezed; a tablet keeps it too. Decided
 * by the viewport and the pointer, never by the user agent.
 */
const PHONE_QUERY = '(max-width: 600px) and (pointer: coarse)';

/** The bottom sheets of the phone layout that are not side panels (those are `useUi.panel`). */
export type PhoneSheet = 'tools' | 'follow' | 'vote';

interface PhoneLayout {
  /** this window is laid out for a phone: bottom bar, sheets, reduced header */
  phone: boolean;
  /** the bottom sheet open, if any */
  sheet: PhoneSheet | null;
}

const matches = (): boolean => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(PHONE_QUERY).matches;

export const usePhoneLayout = create<PhoneLayout>(() => ({ phone: matches(), sheet: null }));

/** The one value the components ask: is this window laid out for a phone? */
export const usePhone = (): boolean => usePhoneLayout((s) => s.phone);

/** Keep `phone` in step with the window (a phone turned sideways is wider than 600 px). */
export function bindPhoneLayout(): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(PHONE_QUERY);
  const update = () => usePhoneLayout.setState((s) => ({ phone: query.matches, sheet: query.matches ? s.sheet : null }));
  update();
  query.addEventListener('change', update);
  return () => query.removeEventListener('change', update);
}

/** Open one of the phone's sheets (or none): one sheet at a time, so a side panel open gives way. */
export function openSheet(sheet: PhoneSheet | null): void {
  if (sheet !== null && useUi.getState().panel !== null && !showPanel(null)) return;
  usePhoneLayout.setState({ sheet });
}
