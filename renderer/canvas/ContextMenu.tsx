import { useEffect, useLayoutEffect, useRef } from 'react';
import { canWrite } from '../../shared/session';
import { currentView } from '../board/boardView';
import { copySelection, pasteFromMenu } from '../ui/clipboard';
import { deleteSelection, duplicateSelection, editSelection, reorder, selectAll, toggleLock } from '../ui/selectionActions';
import { shortcutFor } from '../ui/shortcuts';
import { useUi } from '../ui/uiStore';
import { createAt } from './gestures';
import { zoomToFit, zoomToSelection } from './zoom';

interface Item {
  label: string;
  keys?: string;
  run(): void;
}

/** What the menu offers for the current selection (or for the paper, when nothing is selected). */
function itemsFor(at: { x: number; y: number }): Item[] {
  const { selection, role } = useUi.getState();
  const writable = !!role && canWrite(role);
  const view = currentView();
  const picked = selection.map((id) => view.elements[id]).filter((e) => !!e);
  const keyed = (label: string, run: () => void, keys = shortcutFor(label)): Item => ({ label, keys, run });
  if (picked.length === 0) {
    return [
      ...(writable
        ? [
            { label: 'Paste here', keys: 'Ctrl+V', run: () => void pasteFromMenu(at) },
            { label: 'New step here', run: () => createAt('step', at.x, at.y) },
            { label: 'New sticky note here', run: () => createAt('note', at.x, at.y) },
          ]
        : []),
      keyed('Select all', selectAll),
      keyed('Zoom to fit', zoomToFit),
    ];
  }
  const one = picked.length === 1 ? picked[0] : null;
  const onCanvas = picked.some((e) => view.boxes.has(e.id));
  const items: Item[] = [];
  if (writable && one && !one.locked) items.push(keyed('Edit text', editSelection));
  if (one?.kind === 'step') items.push(keyed('Step details', () => useUi.setState({ panel: 'inspector' })));
  if (onCanvas) items.push({ label: 'Copy', keys: 'Ctrl+C', run: () => copySelection(false) });
  if (writable && onCanvas) {
    items.push({ label: 'Cut', keys: 'Ctrl+X', run: () => copySelection(true) });
    items.push(keyed('Duplicate', duplicateSelection), keyed('Bring to front', () => reorder('front')), keyed('Send to back', () => reorder('back')));
  }
  if (role === 'facilitator') items.push(keyed('Lock / unlock', toggleLock));
  if (onCanvas) items.push(keyed('Zoom to selection', zoomToSelection));
  if (writable) items.push(keyed('Delete selection', deleteSelection));
  return items;
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
    return () => {
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
  const items = itemsFor(menu.at);
  const run = (item: Item) => {
    useUi.setState({ menu: null });
    item.run();
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
        <button key={item.label} type="button" role="menuitem" onClick={() => run(item)}>
          <span>{item.label}</span>
          {item.keys && <kbd>{item.keys}</kbd>}
        </button>
      ))}
    </div>
  );
}
