import { expect, type Locator, type Page } from '@playwright/test';

// Fingers on a phone's glass for the phone specs: CDP touch events, as the phone's browser gets
// them (no mouse at all).

export type Point = { x: number; y: number };

/** Fingers on the glass, as the phone's browser gets them (CDP touch events: no mouse at all). */
export async function fingers(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: (Point & { id: number })[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p) => ({ x: p.x, y: p.y, id: p.id })) });
  // A tap's two events leave the glass together, as a phone's do (~0.1 s apart), not one after the
  // page has answered the first: at load 10 that answer took over half a second, and the press
  // read as a long-press (the card's menu opened over the button the test tapped next).
  const tap = async (p: Point) => {
    await Promise.all([send('touchStart', [{ ...p, id: 0 }]), send('touchEnd', [])]);
  };
  return {
    tap,
    /**
     * Two taps count as a double tap only when they come quickly enough; on a busy machine the
     * person taps twice again, as they would on a slow phone, until `opened` holds.
     */
    doubleTap: (p: Point, opened: () => Promise<void>) =>
      expect(async () => {
        await tap(p);
        await tap(p);
        await opened();
      }).toPass(),
    /**
     * One finger pressed at `from`, slid to `to` in a few steps, and lifted. `heldMs`: the finger
     * rests that long before it moves, as a slow hand (or a slow phone's first move) does.
     */
    drag: async (from: Point, to: Point, steps = 8, heldMs = 0) => {
      await send('touchStart', [{ ...from, id: 0 }]);
      if (heldMs) await page.waitForTimeout(heldMs);
      for (let i = 1; i <= steps; i++) await send('touchMove', [{ id: 0, x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }]);
      await send('touchEnd', []);
    },
    /** Two fingers land at a and b and spread (or close) to a2 and b2. */
    pinch: async (a: Point, b: Point, a2: Point, b2: Point, steps = 8) => {
      await send('touchStart', [{ ...a, id: 0 }]);
      await send('touchStart', [
        { ...a, id: 0 },
        { ...b, id: 1 },
      ]);
      const at = (p: Point, q: Point, i: number) => ({ x: p.x + ((q.x - p.x) * i) / steps, y: p.y + ((q.y - p.y) * i) / steps });
      for (let i = 1; i <= steps; i++)
        await send('touchMove', [
          { ...at(a, a2, i), id: 0 },
          { ...at(b, b2, i), id: 1 },
        ]);
      await send('touchEnd', [{ ...a2, id: 0 }]);
      await send('touchEnd', []);
    },
    /** A finger held still until `held` holds (the menu opens), then lifted. */
    longPress: async (p: Point, held: () => Promise<void>) => {
      await send('touchStart', [{ ...p, id: 0 }]);
      await held();
      await send('touchEnd', []);
    },
  };
}

/** A finger on the middle of what `target` shows (a button, a field), as a person taps it. */
export async function tapOn(touch: Awaited<ReturnType<typeof fingers>>, target: Locator): Promise<void> {
  const b = await target.boundingBox();
  if (!b) throw new Error(`nothing on the screen to tap: ${String(target)}`);
  await touch.tap({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
}
