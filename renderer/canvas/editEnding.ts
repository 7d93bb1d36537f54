import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * How an in-place editor on the board ends, the same for a card's text (TextEditor) and one's own
 * private card (PrivateCardEditor). Focused before the browser paints, so the first keystrokes of
 * a fast typist land in it. `save` on unmount is the one exit every path takes: whatever unmounts
 * the editor (a click on the paper ends the edit before the textarea could blur, and React sends
 * no blur on unmount) keeps the draft; a layout cleanup runs before the board's own teardown
 * unbinds dispatch. A press anywhere but the editor `finish`es the edit before the press does
 * anything else: blur alone misses a tap on a card or header on a touch screen, where Konva
 * cancels that touch's default and the textarea keeps the focus. Returns the textarea's ref.
 */
export function useEditEnding(save: () => void, finish: () => void) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
    ref.current?.select();
    return save;
  }, [save]);
  useEffect(() => {
    const onPress = (e: PointerEvent) => {
      if (e.target !== ref.current) finish();
    };
    document.addEventListener('pointerdown', onPress, true);
    return () => document.removeEventListener('pointerdown', onPress, true);
  }, [finish]);
  return ref;
}
