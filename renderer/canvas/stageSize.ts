import Konva from 'konva';
import { useLayoutEffect, type RefObject } from 'react';

/**
 * Gives the Konva stage its size, resizing its layers once per real change. Konva listens to
 * widthChange and to heightChange, and on each reallocates every layer's canvas and its hit
 * canvas and draws them in full: a window taking a new size cost two of those, and a board
 * opening three (0 × 0, the width, then the height), the most expensive work of its first frame
 * on a software-rendered page. So the stage gets no width or height props: here both are set
 * quietly, then the layers are resized and drawn once.
 */
export function useStageSize(ref: RefObject<Konva.Stage | null>, width: number, height: number): void {
  useLayoutEffect(() => {
    const stage = ref.current;
    if (!stage || (stage.width() === width && stage.height() === height)) return;
    stage.off('widthChange.konva heightChange.konva');
    // Without Konva's own batchDraw on each attribute too: _resizeDOM draws every layer now.
    const auto = Konva.autoDrawEnabled;
    Konva.autoDrawEnabled = false;
    stage.size({ width, height });
    Konva.autoDrawEnabled = auto;
    stage._resizeDOM();
  }, [ref, width, height]);
}
