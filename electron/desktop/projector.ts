// Which screen the big-screen view goes to when the facilitator's laptop drives a projector.
// Plain data in, so it is tested without Electron; main.ts feeds it electron's `screen`.

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  /** a laptop's built-in panel (Electron sets it on the displays it can tell) */
  internal?: boolean;
}

/**
 * The display for the projector window: never the one the facilitator's window is on; of the
 * others an external one before a built-in one, then the largest. Null with only one screen —
 * the big screen then stays a mode of the facilitator's own window.
 */
export function projectorDisplay(displays: readonly DisplayInfo[], facilitatorDisplayId: number): DisplayInfo | null {
  const others = displays.filter((d) => d.id !== facilitatorDisplayId);
  if (!others.length) return null;
  const area = (d: DisplayInfo) => d.bounds.width * d.bounds.height;
  return [...others].sort((a, b) => Number(!!a.internal) - Number(!!b.internal) || area(b) - area(a) || a.id - b.id)[0];
}

/** The board URL the projector window opens: the same session, as a viewer, in the projector view. */
export function projectorUrl(viewerJoinUrl: string): string {
  return `${viewerJoinUrl}&view=projector`;
}
