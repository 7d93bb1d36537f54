import { zoomToFit } from '../canvas/zoomToFit';
import { dispatch, redo, undo } from '../operations/dispatch';
import { useUi, type Tool } from './uiStore';

export interface Shortcut {
  /** shown in tooltips and the help sheet */
  keys: string;
  label: string;
  test(e: KeyboardEvent): boolean;
  run(): void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const setTool = (tool: Tool) => () => useUi.setState({ tool });

/** Every keyboard shortcut, in one table: the help sheet and the tooltips read it. */
export const shortcuts: Shortcut[] = [
  { keys: 'V', label: 'Select', test: (e) => !mod(e) && e.key.toLowerCase() === 'v', run: setTool('select') },
  { keys: 'N', label: 'Sticky note', test: (e) => !mod(e) && e.key.toLowerCase() === 'n', run: setTool('note') },
  {
    keys: 'Delete',
    label: 'Delete selection',
    test: (e) => e.key === 'Delete' || e.key === 'Backspace',
    run: () => {
      const { selection } = useUi.getState();
      if (selection.length) dispatch('deleteElements', { ids: selection });
      useUi.setState({ selection: [] });
    },
  },
  { keys: 'Ctrl+Z', label: 'Undo', test: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: undo },
  { keys: 'Ctrl+Shift+Z', label: 'Redo', test: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), run: redo },
  { keys: 'Shift+1', label: 'Zoom to fit', test: (e) => e.shiftKey && e.code === 'Digit1', run: zoomToFit },
  { keys: 'Escape', label: 'Clear selection', test: (e) => e.key === 'Escape', run: () => useUi.setState({ selection: [], tool: 'select' }) },
  { keys: '?', label: 'Keyboard shortcuts', test: (e) => e.key === '?', run: () => useUi.setState((s) => ({ helpOpen: !s.helpOpen })) },
];

export function shortcutFor(label: string): string {
  return shortcuts.find((s) => s.label === label)?.keys ?? '';
}

/** One handler on window; typing in a field is never a shortcut. At most one shortcut runs. */
export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    const hits = shortcuts.filter((s) => s.test(e));
    if (hits.length !== 1) return;
    e.preventDefault();
    hits[0].run();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
