/** What the mouse wheel does: told apart from a trackpad ('auto'), or always zoom, or always pan. */
export type WheelMode = 'auto' | 'zoom' | 'pan';

const KEY = 'brownpaper.wheel';

export function savedWheelMode(): WheelMode {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'zoom' || v === 'pan' ? v : 'auto';
  } catch {
    return 'auto';
  }
}

export function saveWheelMode(mode: WheelMode): void {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // private mode: the choice lasts for this page only
  }
}
