import { openMenuFromKeyboard } from '../canvas/openMenu';
import { stepFrame, zoomBy, zoomTo100, zoomToFit, zoomToSelection } from '../canvas/zoom';
import { redo, undo } from '../operations/dispatch';
import { deleteSelection, duplicateSelection, editSelection, nudge, reorder, selectAll, toggleLock } from './selectionActions';
import { useUi, type Tool } from './uiStore';

export interface Shortcut {
  /** shown in tooltips and the help sheet */
  keys: string;
  label: string;
  test(e: KeyboardEvent): boolean;
  run(): void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent, key: string) => !mod(e) && !e.altKey && e.key.toLowerCase() === key;
const setTool = (tool: Tool) => () => useUi.setState({ tool, draft: null });

const toggleBigScreen = () => useUi.setState((s) => ({ bigScreen: !s.bigScreen }));
const toggleHelp = () => useUi.setState((s) => ({ helpOpen: !s.helpOpen }));

/** What the desktop app's menu asks of the page (View ▸ Big screen, Help ▸ Keyboard shortcuts), the same as their keys. */
export const menuCommands = { bigScreen: toggleBigScreen, shortcuts: toggleHelp } as const;

/** Every keyboard shortcut, in one table: the help sheet and the tooltips read it. */
export const shortcuts: Shortcut[] = [
  { keys: 'V', label: 'Select', test: (e) => plain(e, 'v'), run: setTool('select') },
  { keys: 'H', label: 'Hand (pan)', test: (e) => plain(e, 'h'), run: setTool('hand') },
  { keys: 'S', label: 'Process step', test: (e) => plain(e, 's'), run: setTool('step') },
  { keys: 'N', label: 'Sticky note', test: (e) => plain(e, 'n'), run: setTool('note') },
  { keys: 'T', label: 'Text', test: (e) => plain(e, 't'), run: setTool('text') },
  { keys: 'C', label: 'Connector', test: (e) => plain(e, 'c'), run: setTool('connector') },
  { keys: 'F', label: 'Frame', test: (e) => plain(e, 'f'), run: setTool('frame') },
  { keys: 'Enter', label: 'Edit text', test: (e) => e.key === 'Enter' && !mod(e), run: editSelection },
  { keys: 'Delete', label: 'Delete selection', test: (e) => e.key === 'Delete' || e.key === 'Backspace', run: deleteSelection },
  { keys: 'Ctrl+D', label: 'Duplicate', test: (e) => mod(e) && e.key.toLowerCase() === 'd', run: duplicateSelection },
  { keys: 'Ctrl+A', label: 'Select all', test: (e) => mod(e) && e.key.toLowerCase() === 'a', run: selectAll },
  { keys: 'Ctrl+Z', label: 'Undo', test: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: undo },
  { keys: 'Ctrl+Shift+Z', label: 'Redo', test: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), run: redo },
  { keys: 'Ctrl+]', label: 'Bring to front', test: (e) => mod(e) && e.key === ']', run: () => reorder('front') },
  { keys: 'Ctrl+[', label: 'Send to back', test: (e) => mod(e) && e.key === '[', run: () => reorder('back') },
  { keys: 'Ctrl+Shift+L', label: 'Lock / unlock', test: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'l', run: toggleLock },
  { keys: 'Shift+1', label: 'Zoom to fit', test: (e) => e.shiftKey && !mod(e) && e.code === 'Digit1', run: zoomToFit },
  { keys: 'Shift+2', label: 'Zoom to selection', test: (e) => e.shiftKey && !mod(e) && e.code === 'Digit2', run: zoomToSelection },
  { keys: 'Shift+0', label: 'Zoom to 100%', test: (e) => e.shiftKey && !mod(e) && e.code === 'Digit0', run: zoomTo100 },
  { keys: '+', label: 'Zoom in', test: (e) => !mod(e) && (e.key === '+' || e.key === '='), run: () => zoomBy(1.25) },
  { keys: '-', label: 'Zoom out', test: (e) => !mod(e) && e.key === '-', run: () => zoomBy(0.8) },
  { keys: 'I', label: 'Step details', test: (e) => plain(e, 'i'), run: () => useUi.setState((s) => ({ panel: s.panel === 'inspector' ? null : 'inspector' })) },
  { keys: 'D', label: 'Cost dashboard', test: (e) => plain(e, 'd'), run: () => useUi.setState((s) => ({ panel: s.panel === 'dashboard' ? null : 'dashboard' })) },
  { keys: 'PageDown', label: 'Next frame', test: (e) => e.key === 'PageDown', run: () => stepFrame(1) },
  { keys: 'PageUp', label: 'Previous frame', test: (e) => e.key === 'PageUp', run: () => stepFrame(-1) },
  { keys: 'B', label: 'Big screen on/off', test: (e) => plain(e, 'b'), run: () => toggleBigScreen() },
  { keys: 'J', label: 'Join info (big screen)', test: (e) => plain(e, 'j'), run: () => useUi.setState((s) => ({ joinInfo: !s.joinInfo })) },
  { keys: 'G', label: 'Snapping on/off', test: (e) => plain(e, 'g'), run: () => useUi.setState((s) => ({ snapping: !s.snapping })) },
  // Listed for the help sheet; installShortcuts handles the arrows itself (they take a step size).
  { keys: 'Arrows', label: 'Nudge (Shift: 10×)', test: () => false, run: () => {} },
  { keys: 'Shift+F10', label: 'Menu for the selection', test: (e) => (e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu', run: () => openMenuFromKeyboard() },
  { keys: 'Escape', label: 'Clear selection', test: (e) => e.key === 'Escape', run: () => useUi.setState({ selection: [], tool: 'select', draft: null }) },
  { keys: '?', label: 'Keyboard shortcuts', test: (e) => e.key === '?', run: () => toggleHelp() },
];

export function shortcutFor(label: string): string {
  return shortcuts.find((s) => s.label === label)?.keys ?? '';
}

const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** One handler on window; typing in a field is never a shortcut. At most one shortcut runs. */
export function installShortcuts(): () => void {
  const typing = (t: EventTarget | null) => {
    const el = t as HTMLElement | null;
    return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
  };
  const onKey = (e: KeyboardEvent) => {
    if (typing(e.target)) return;
    if (e.code === 'Space') {
      e.preventDefault();
      if (!useUi.getState().spaceHeld) useUi.setState({ spaceHeld: true });
      return;
    }
    if (arrows[e.key] && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const step = e.shiftKey ? 10 : 1;
      nudge(arrows[e.key][0] * step, arrows[e.key][1] * step);
      return;
    }
    const hits = shortcuts.filter((s) => s.test(e));
    if (hits.length !== 1) return;
    e.preventDefault();
    hits[0].run();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.code === 'Space') useUi.setState({ spaceHeld: false });
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('keyup', onKeyUp);
  return () => {
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('keyup', onKeyUp);
  };
}
