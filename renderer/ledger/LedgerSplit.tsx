import { useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useLedgerLayout } from './ledgerLayout';
import { clampShare, splitBounds, useLedgerPrefs } from './ledgerPrefs';

/**
 * The divider between the canvas and the ledger on a laptop or a projector: dragged with a
 * mouse or a finger, or focused and moved with the arrow keys (Home and End to its ends);
 * a double-click puts it back in the middle. Where it is, is this device's (ledgerPrefs.ts).
 * On a phone or a narrow window the ledger takes the canvas's place and there is no divider.
 */
export function LedgerSplit() {
  const layout = useLedgerLayout();
  const share = useLedgerPrefs((s) => s.canvasShare);
  const ref = useRef<HTMLDivElement>(null);

  // The board screen owns the grid the canvas and the ledger sit in; the divider tells it the shares.
  useLayoutEffect(() => {
    const screen = ref.current?.parentElement;
    if (!screen) return;
    screen.style.setProperty('--canvas-share', `${share}fr`);
    screen.style.setProperty('--ledger-share', `${100 - share}fr`);
    return () => {
      screen.style.removeProperty('--canvas-share');
      screen.style.removeProperty('--ledger-share');
    };
  }, [share, layout]);

  if (layout !== ' with-ledger') return null;

  const set = (p: number) => useLedgerPrefs.setState({ canvasShare: clampShare(p) });
  const toPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = ref.current?.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) set(((e.clientX - box.left) / box.width) * 100);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) toPointer(e);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 10 : 2;
    const to: Record<string, number> = { ArrowLeft: share - step, ArrowRight: share + step, Home: splitBounds.min, End: splitBounds.max, Enter: splitBounds.start };
    if (!(e.key in to)) return;
    e.preventDefault();
    e.stopPropagation(); // the board's own arrow keys move cards
    set(to[e.key]);
  };

  return (
    <div
      ref={ref}
      className="ledger-split"
      role="separator"
      aria-orientation="vertical"
      aria-label="Divider between the board and the ledger"
      aria-valuemin={splitBounds.min}
      aria-valuemax={splitBounds.max}
      aria-valuenow={share}
      aria-valuetext={`Board ${share} %, ledger ${100 - share} %`}
      tabIndex={0}
      title="Drag to give the board or the ledger more room (arrow keys too); double-click for half and half"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onDoubleClick={() => set(splitBounds.start)}
      onKeyDown={onKey}
    />
  );
}
