import { focusBoard, focusWhenShown } from '../canvas/boardFocus';
import { openMenuFromKeyboard } from '../canvas/openMenu';
import { stepFrame, zoomBy, zoomTo100, zoomToFit, zoomToSelection } from '../canvas/zoom';
import { useUi } from '../state/uiStore';
import { finishTyping, showPanel } from '../state/typing';
import { toggleLedger, useLedger } from '../ledger/ledgerStore';
import { onePicked } from './context';
import { always, type Command } from './types';

const isStep = (ctx: Parameters<Command['when']>[0]) => onePicked(ctx)?.kind === 'step';

/** Zoom, frames, panels, the big screen and help. */
export const viewCommands: Command[] = [
  { name: 'zoomToFit', label: 'Zoom to fit', keys: ['Shift+1'], group: 'View', icon: 'fit', when: always, perform: zoomToFit },
  { name: 'zoomToSelection', label: 'Zoom to selection', keys: ['Shift+2'], group: 'View', icon: 'target', when: (ctx) => ctx.onCanvas.length > 0, perform: zoomToSelection },
  { name: 'zoomTo100', label: 'Zoom to 100%', keys: ['Shift+0'], group: 'View', when: always, perform: zoomTo100 },
  { name: 'zoomIn', label: 'Zoom in', keys: ['+', '='], group: 'View', icon: 'plus', when: always, perform: () => zoomBy(1.25) },
  { name: 'zoomOut', label: 'Zoom out', keys: ['-'], group: 'View', icon: 'minus', when: always, perform: () => zoomBy(0.8) },
  { name: 'nextFrame', label: 'Next frame', keys: ['PageDown'], group: 'View', when: always, perform: () => stepFrame(1) },
  { name: 'previousFrame', label: 'Previous frame', keys: ['PageUp'], group: 'View', when: always, perform: () => stepFrame(-1) },
  {
    name: 'snapping',
    label: 'Snapping on/off',
    keys: ['G'],
    group: 'View',
    icon: 'snap',
    when: always,
    checked: (ctx) => ctx.snapping,
    perform: () => useUi.setState((s) => ({ snapping: !s.snapping })),
  },
  // Heat: by cost or by waiting time, one at a time; the same key again turns it off.
  {
    name: 'heatByCost',
    label: 'Heat by cost on/off',
    keys: ['M'],
    group: 'View',
    when: always,
    checked: (ctx) => ctx.heat === 'cost',
    perform: () => useUi.setState((s) => ({ heat: s.heat === 'cost' ? null : 'cost' })),
  },
  {
    name: 'heatByWait',
    label: 'Heat by waiting time on/off',
    keys: ['W'],
    group: 'View',
    when: always,
    checked: (ctx) => ctx.heat === 'wait',
    perform: () => useUi.setState((s) => ({ heat: s.heat === 'wait' ? null : 'wait' })),
  },
  // The ledger beside the canvas (or in its place on a phone): the board as a table.
  {
    name: 'ledger',
    label: 'Ledger (the board as a table)',
    keys: ['L'],
    group: 'View',
    icon: 'table',
    when: always,
    checked: () => useLedger.getState().open,
    perform: () => finishTyping() && toggleLedger(),
  },
  {
    name: 'timelineLadder',
    label: 'Timeline ladder on/off',
    keys: ['Shift+L'],
    group: 'View',
    when: always,
    checked: (ctx) => ctx.ladder,
    perform: () => useUi.setState((s) => ({ ladder: !s.ladder })),
  },
  { name: 'openMenu', label: 'Menu for the selection', keys: ['Shift+F10', 'ContextMenu'], group: 'View', when: always, perform: openMenuFromKeyboard },
  {
    name: 'stepDetails',
    label: 'Step details',
    keys: ['I'],
    group: 'Panels',
    // The key also closes the panel, whatever is selected then.
    when: (ctx) => isStep(ctx) || (ctx.source !== 'menu' && ctx.panel === 'inspector'),
    checked: (ctx) => ctx.panel === 'inspector',
    // From the right-click menu it opens (the menu offers no "close"); the key and the button toggle.
    perform: (ctx) => {
      if (!showPanel(ctx.source !== 'menu' && useUi.getState().panel === 'inspector' ? null : 'inspector')) return;
      // Asked for from the keyboard, the details take the focus (Escape gives it back to the board).
      if (ctx.source !== 'button' && useUi.getState().panel === 'inspector') focusWhenShown('.side-panel.inspector');
      else if (ctx.source === 'key') focusBoard();
    },
  },
  {
    name: 'dashboard',
    label: 'Cost dashboard',
    keys: ['D'],
    group: 'Panels',
    when: always,
    checked: (ctx) => ctx.panel === 'dashboard',
    perform: (ctx) => {
      if (!showPanel(useUi.getState().panel === 'dashboard' ? null : 'dashboard')) return;
      if (ctx.source === 'key') focusWhenShown(useUi.getState().panel === 'dashboard' ? '.side-panel.dashboard' : '[data-board-region]');
    },
  },
  { name: 'export', label: 'Export', keys: ['Mod+E'], whileTyping: true, group: 'Panels', when: always, perform: () => useUi.setState({ exporting: true }) },
  {
    name: 'bigScreen',
    label: 'Big screen on/off',
    keys: ['B'],
    group: 'Big screen',
    when: always,
    checked: (ctx) => ctx.bigScreen,
    perform: () => useUi.setState((s) => ({ bigScreen: !s.bigScreen })),
  },
  { name: 'joinInfo', label: 'Join info (big screen)', keys: ['J'], group: 'Big screen', when: always, perform: () => useUi.setState((s) => ({ joinInfo: !s.joinInfo })) },
  { name: 'help', label: 'Keyboard shortcuts', keys: ['?'], group: 'Help', icon: 'help', when: always, perform: () => useUi.setState((s) => ({ helpOpen: !s.helpOpen })) },
];
