import type { ReactNode } from 'react';
import { useSwipeDown } from './swipeDown';
import { keepTyping } from '../state/typing';

/**
 * A sheet rising from the bottom of a phone's screen over a dimmed board. It closes by a tap on
 * the board above it, a swipe down on its top edge, or its × button. It sits above the on-screen
 * keyboard (--keyboard-inset, set by keyboardInView.ts).
 */
export function BottomSheet({ label, onClose, children, className = '' }: { label: string; onClose(): void; children: ReactNode; className?: string }) {
  const swipe = useSwipeDown(onClose, (t) => t.closest('.bottom-sheet'));
  return (
    <>
      <div className="sheet-backdrop" data-testid="sheet-backdrop" onClick={onClose} />
      <section className={`bottom-sheet ${className}`} role="dialog" aria-label={label} {...swipe}>
        <header>
          <h2>{label}</h2>
          <button type="button" className="close" aria-label={`Close ${label.toLowerCase()}`} title="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </section>
    </>
  );
}

/**
 * The side panels (step details, dashboard, vote results) as bottom sheets: the panel draws
 * itself; this adds the dimmed board behind it that closes it on a tap, and the swipe down.
 * The backdrop shows only while a panel is there (styles: .sheet-frame:has(.side-panel)). Every
 * way it closes (`onClose`: showPanel(null)) finishes what is typed in its field first.
 */
export function PanelSheet({ onClose, children }: { onClose(): void; children: ReactNode }) {
  const swipe = useSwipeDown(onClose, (t) => t.closest('.side-panel'));
  return (
    <div className="sheet-frame" {...swipe}>
      <div className="sheet-backdrop" data-testid="sheet-backdrop" onMouseDown={keepTyping} onClick={onClose} />
      {children}
    </div>
  );
}
