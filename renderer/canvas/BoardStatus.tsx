import { command } from '../commands/commands';
import { keysOf } from '../commands/runCommand';
import { useAnnouncement } from '../state/announcer';

/**
 * What a screen reader hears of the board (a <canvas> has nothing to read): how to reach the cards
 * from the keyboard (the board region's description), and a polite status line saying what the
 * last key did ("Selected step ‘Sales call’, lane Customer, stage Order, 1 of 14", "Moved").
 */
export function BoardStatus() {
  const { text, n } = useAnnouncement();
  const key = (name: string) => keysOf(command(name));
  return (
    <>
      <p id="board-keys" className="visually-hidden">
        Tab and Shift+Tab go from card to card, step by step through the lanes and stages, then the notes. Arrow keys move the selected card (Shift: further); {key('editText')} or F2 edits its text;{' '}
        {key('stepDetails')} opens the step’s details; {key('openMenu')} opens its menu; {key('toSelectionBar')} goes to its bar (flags, value class); {key('help')} lists every key.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="board-status" data-n={n}>
        {text}
      </p>
    </>
  );
}
