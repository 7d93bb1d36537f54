import { describe, expect, it } from 'vitest';
import { projectorDisplay, type DisplayInfo } from './projector.js';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, internal: true };
const projector: DisplayInfo = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
const tv: DisplayInfo = { id: 3, bounds: { x: 3360, y: 0, width: 3840, height: 2160 } };

describe('the projector display', () => {
  it('is none with the laptop alone: the big screen stays a mode of the one window', () => {
    expect(projectorDisplay([laptop], 1)).toBeNull();
  });
  it('is the other screen, never the facilitator’s', () => {
    expect(projectorDisplay([laptop, projector], 1)).toBe(projector);
    // the facilitator moved the window onto the projector: the laptop panel shows the big screen
    expect(projectorDisplay([laptop, projector], 2)).toBe(laptop);
  });
  it('prefers an external screen to a built-in one, then the largest', () => {
    expect(projectorDisplay([{ ...laptop, id: 9 }, laptop, projector, tv], 9)).toBe(tv);
    expect(projectorDisplay([tv, laptop, projector], 3)).toBe(projector);
  });
});
