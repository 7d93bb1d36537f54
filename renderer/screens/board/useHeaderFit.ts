import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** The title keeps at least this much of the header (px), or a fifth of it on a narrow screen. */
const TITLE_ROOM = 200;

/**
 * Which of the header's controls go into its "More" menu, by measuring, not by breakpoints:
 * the header tries everything in line and, while the title is squeezed below its room (or
 * anything spills out of the header), tucks away controls in `order` before the browser paints.
 * It starts over when the header's width or what it holds (`content`) changes.
 *
 * One measure says how many to tuck: the room missing against the widths of the controls still
 * in line (found by `parts`, a selector per control), each counted whole with its gap. That
 * over-counts what tucking frees (a control may only shrink, "More" takes room), so it never
 * tucks more than tucking one at a time would, and the next measure tucks on if it is still
 * crowded. Tucking one per measure laid the page out again for each: 14 layouts when a board
 * with a long title opened at 1,280 px.
 */
export function useHeaderFit(
  header: RefObject<HTMLElement | null>,
  title: RefObject<HTMLElement | null>,
  order: string[],
  parts: Readonly<Record<string, string>>,
  content: string,
): ReadonlySet<string> {
  const [width, setWidth] = useState(0);
  // Fonts that arrive late change every width: measure again from the start once they are in.
  const [fonts, setFonts] = useState(() => document.fonts?.status === 'loaded');
  const key = `${width}|${fonts}|${content}|${order.join()}`;
  const [fit, setFit] = useState({ key: '', tucked: 0 });
  // A control that grows by itself (a longer figure, a label in another state) asks for a check.
  const [check, setCheck] = useState(0);
  // What was last measured: the same layout needs no new measure.
  const measured = useRef('');
  const tucked = fit.key === key ? fit.tucked : 0;
  const watch = useRef<ResizeObserver | null>(null);
  // Each watched control's width when last seen: a watch reports every control once when it
  // starts watching it, at the width just measured, and that report asks for no new measure
  // (it made a board's header render and lay out again for nothing as it opened).
  const widths = useRef(new WeakMap<Element, number>());
  useLayoutEffect(() => {
    const h = header.current;
    if (!h) return;
    setWidth(h.clientWidth);
    const ro = new ResizeObserver(() => setWidth(h.clientWidth));
    ro.observe(h);
    watch.current = new ResizeObserver((entries) => {
      let grew = false;
      for (const e of entries) {
        const w = e.target.getBoundingClientRect().width;
        if (widths.current.get(e.target) !== w) grew = true;
        widths.current.set(e.target, w);
      }
      if (grew) setCheck((n) => n + 1);
    });
    void document.fonts?.ready.then(() => setFonts(true));
    return () => {
      ro.disconnect();
      watch.current?.disconnect();
    };
  }, [header]);
  // After every render: tuck away more while it is still crowded.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose after every render: it watches what was laid out, and stops once it fits
  useLayoutEffect(() => {
    const h = header.current;
    const t = title.current;
    if (!h || width === 0) return;
    // A control shown for the first time is watched from now on, from the width it has now.
    for (const child of h.children)
      if (!widths.current.has(child)) {
        widths.current.set(child, child.getBoundingClientRect().width);
        watch.current?.observe(child);
      }
    const stamp = `${key}#${tucked}#${check}`;
    if (measured.current === stamp) return;
    measured.current = stamp;
    const room = Math.min(TITLE_ROOM, h.clientWidth / 5);
    const titleShort = t ? Math.min(t.scrollWidth, room) - (t.clientWidth + 1) : 0;
    const spill = h.scrollWidth - (h.clientWidth + 1);
    const crowded = titleShort > 0 || spill > 0;
    // Fitting as it is needs no new state: with a new key nothing is tucked, as before.
    if (crowded && tucked < order.length) setFit({ key, tucked: tucked + tucksToFree(h, order.slice(tucked), parts, Math.max(titleShort, 0) + Math.max(spill, 0)) });
  });
  return useMemo(() => new Set(order.slice(0, tucked)), [order, tucked]);
}

/**
 * How many of `next` (the controls still in line, in tucking order) to tuck to free `missing`
 * px: at least one, and no more than their whole widths with a gap each can free. A pixel of
 * slack is on the side of tucking fewer: rounding must not tuck one too many.
 */
function tucksToFree(h: HTMLElement, next: string[], parts: Readonly<Record<string, string>>, missing: number): number {
  let freed = 0;
  for (let i = 0; i < next.length; i++) {
    for (const el of h.querySelectorAll(parts[next[i]])) {
      const gap = el.parentElement ? parseFloat(getComputedStyle(el.parentElement).columnGap) || 0 : 0;
      freed += el.getBoundingClientRect().width + gap;
    }
    if (freed + 2 >= missing) return i + 1;
  }
  return next.length;
}
