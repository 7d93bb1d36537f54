import { useEffect, useLayoutEffect, useRef } from 'react';
import { command } from '../commands/commands';
import { commandContext } from '../commands/context';
import { keysOf } from '../commands/runCommand';
import type { CommandContext } from '../commands/types';
import { useUi } from '../state/uiStore';
import { focusBoard } from './boardFocus';

/** What the menu offers on empty paper, and on a selection, in this order (those that apply). */
const onPaper = ['pasteHere', 'newStepHere', 'newNoteHere', 'selectAll', 'zoomToFit', 'privateRound'];
const onSelection = ['editText', 'stepDetails', 'askEstimate', 'copy', 'cut', 'duplicate', 'bringToFront', 'sendToBack', 'lock', 'privateRound', 'zoomToSelection', 'deleteSelection'];

function itemsFor(ctx: CommandContext) {
  const names = ctx.picked.length === 0 ? onPaper : onSelection;
  return names.map(command).filter((c) => c.when(ctx));
}

/**
 * The right-click menu over the board (gestures.ts opens it): what can be done to what was
 * clicked, or to the paper there, with the shortcut beside each. Arrow keys move, Enter runs,
 * Escape or a click elsewhere closes it.
 */
export function ContextMenu() {
  const menu = useUi((s) => s.menu);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const close = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) useUi.setState({ menu: null });
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('wheel', close, true);
    const menuEl = ref.current;
    return () => {
      // Closed from the keyboard (Escape, or an item chosen): the focus goes back to the board, not to the page.
      const a = document.activeElement;
      if (!a || a === document.body || menuEl?.contains(a)) focusBoard();
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('wheel', close, true);
    };
  }, [menu]);
  // Kept inside the canvas: opened near the right or bottom edge, it opens leftwards or upwards
  // by its own size (larger rows on a phone, longer labels in some menus).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!menu || !el) return;
    const { canvasSize } = useUi.getState();
    el.style.left = `${Math.max(0, Math.min(menu.x, canvasSize.width - el.offsetWidth - 4))}px`;
    el.style.top = `${Math.max(0, Math.min(menu.y, canvasSize.height - el.offsetHeight - 4))}px`;
  }, [menu]);
  if (!menu) return null;
  const ctx = commandContext({ at: menu.at, source: 'menu' });
  const items = itemsFor(ctx);
  const run = (item: (typeof items)[number]) => {
    useUi.setState({ menu: null });
    item.perform(ctx);
  };
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label="Board menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={(e) => {
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
        // Keys here belong to the menu, not to the board's shortcuts (Enter would edit the card too).
        e.stopPropagation();
        if (e.key === 'Escape') useUi.setState({ menu: null });
        else if (e.key === 'ArrowDown') buttons[(i + 1) % buttons.length]?.focus();
        else if (e.key === 'ArrowUp') buttons[(i - 1 + buttons.length) % buttons.length]?.focus();
        else return;
        e.preventDefault();
      }}
    >
      {items.map((item) => (
        <button key={item.name} type="button" role="menuitem" onClick={() => run(item)}>
          <span>{item.label}</span>
          {keysOf(item) && <kbd>{keysOf(item)}</kbd>}
        </button>
      ))}
    </div>
  );
}
