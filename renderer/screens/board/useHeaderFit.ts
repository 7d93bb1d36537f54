import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** The title keeps at least this much of the header (px), or a fifth of it on a narrow screen. */
const TITLE_ROOM = 200;

/**
 * Which of the header's controls go into its "More" menu, by measuring, not by breakpoints:
 * the header tries everything in line, and while the title is squeezed below its room (or
 * anything spills out of the header) it tucks away one more control, in `order`, before the
 * browser paints. It starts over when the header's width or what it holds (`content`) changes.
 * It measures only then, or when a control changed its own size: each measure forces the
 * browser to lay the page out, and the header renders on every change of presence, connection
 * or figures (a board opening measured it a dozen times).
 */
export function useHeaderFit(header: RefObject<HTMLElement | null>, title: RefObject<HTMLElement | null>, order: string[], content: string): ReadonlySet<string> {
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
  useLayoutEffect(() => {
    const h = header.current;
    if (!h) return;
    setWidth(h.clientWidth);
    const ro = new ResizeObserver(() => setWidth(h.clientWidth));
    ro.observe(h);
    watch.current = new ResizeObserver(() => setCheck((n) => n + 1));
    void document.fonts?.ready.then(() => setFonts(true));
    return () => {
      ro.disconnect();
      watch.current?.disconnect();
    };
  }, [header]);
  // After every render: one more control tucked away while it is still crowded.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose after every render: it watches what was laid out, and stops once it fits
  useLayoutEffect(() => {
    const h = header.current;
    const t = title.current;
    if (!h || width === 0) return;
    // A control shown for the first time is watched from now on; the watch reports its size
    // once at the start, which asks for a measure.
    for (const child of h.children) watch.current?.observe(child);
    const stamp = `${key}#${tucked}#${check}`;
    if (measured.current === stamp) return;
    measured.current = stamp;
    const room = Math.min(TITLE_ROOM, h.clientWidth / 5);
    const squeezed = t ? t.clientWidth + 1 < Math.min(t.scrollWidth, room) : false;
    const crowded = squeezed || h.scrollWidth > h.clientWidth + 1;
    if (crowded && tucked < order.length) setFit({ key, tucked: tucked + 1 });
    else if (fit.key !== key) setFit({ key, tucked });
  });
  return useMemo(() => new Set(order.slice(0, tucked)), [order, tucked]);
}
