import { useEffect } from 'react';
import { useUi } from '../state/uiStore';
import { fitBox } from './camera';
import { BIG_SCREEN_TITLE_PX, BIG_SCREEN_WHOLE_MAP_TITLE_PX, cardTypes } from './theme';
import { contentBounds } from './zoom';

/** The big screen has no toolbars: the map may use the whole canvas but for this margin, in screen px. */
const MARGIN = 24;

/**
 * The view the big screen opens with: the whole map with its timeline ladder, as large as the
 * canvas allows (its titles at least BIG_SCREEN_WHOLE_MAP_TITLE_PX). When the map is too big
 * for that, readable wins: the zoom that makes a title BIG_SCREEN_TITLE_PX, from the map's
 * top-left corner where it does not fit (the facilitator pans or presents frame by frame from there).
 */
function frameForBigScreen(): void {
  const { canvasSize } = useUi.getState();
  const box = contentBounds();
  if (!box || canvasSize.width === 0) return;
  const fit = fitBox(box, canvasSize.width, canvasSize.height, MARGIN, 2);
  // Following someone (a presenter) is left as it is: their view wins, as it does anywhere.
  if (fit.scale * cardTypes.bigScreen.title >= BIG_SCREEN_WHOLE_MAP_TITLE_PX) return useUi.setState({ viewport: fit });
  const readable = BIG_SCREEN_TITLE_PX / cardTypes.bigScreen.title;
  // At the readable size, an axis the map still fits in is centred; the other starts at the map's edge.
  const place = (start: number, size: number, room: number) => (size * readable <= room - 2 * MARGIN ? (room - size * readable) / 2 - start * readable : MARGIN - start * readable);
  useUi.setState({ viewport: { scale: readable, x: place(box.x, box.w, canvasSize.width), y: place(box.y, box.h, canvasSize.height) } });
}

/**
 * On the big screen the map is framed when it opens and again whenever the canvas changes size
 * (the header grows, the projector's window is resized) — not when the board changes.
 */
export function useBigScreenFraming(): void {
  const bigScreen = useUi((s) => s.bigScreen);
  useEffect(() => {
    if (!bigScreen) return;
    frameForBigScreen();
    return useUi.subscribe((s, prev) => {
      if (s.canvasSize.width !== prev.canvasSize.width || s.canvasSize.height !== prev.canvasSize.height) frameForBigScreen();
    });
  }, [bigScreen]);
}
