import { useCallback, useRef, useState } from 'react';
import { useCostView, type CostView } from '../state/costView';
import { useDismiss } from '../screens/board/useDismiss';
import { hasTimes, stepsWithoutTimes } from './leadTimeText';

/**
 * What the figures still lack, said once: how many steps miss money or times (a step missing
 * both counts once), and per kind what that means. Neither is counted as zero.
 */
function missingFigures(view: CostView): { steps: number; lines: string[] } {
  const money = view.asIs.missing;
  // Times are missing only once someone started giving them: before that, the board says nothing about time.
  const times = hasTimes(view.asIsTime) ? view.shownTime.lead.missing : [];
  const lines: string[] = [];
  if (money.length) lines.push(`Money: ${money.length} step${money.length === 1 ? '' : 's'} without cost data, not counted as zero`);
  if (times.length) lines.push(`Times: ${stepsWithoutTimes(times.length)}, so the lead time is at least what it shows`);
  return { steps: new Set([...money, ...times]).size, lines };
}

/** The header's one "N missing": hover for what is missing, click to see it listed. */
export function MissingFigures() {
  const view = useCostView();
  const { steps, lines } = missingFigures(view);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);
  if (steps === 0) return null;
  return (
    <span className="missing-figures" ref={root}>
      <button type="button" className="missing" data-testid="missing" title={lines.join('\n')} aria-expanded={open} onClick={() => setOpen(!open)}>
        {steps} missing
      </button>
      {open && (
        <span className="person-menu missing-list" role="note" aria-label="What is missing" data-testid="missing-list">
          {lines.map((l) => (
            <p className="menu-note" key={l}>
              {l}
            </p>
          ))}
        </span>
      )}
    </span>
  );
}

/** The same lines in the header's "More" menu, when the header had no room for the indicator. */
export function MissingMenuNotes() {
  const { lines } = missingFigures(useCostView());
  return (
    <>
      {lines.map((l) => (
        <p className="menu-note" key={l} data-testid="missing-in-menu">
          {l}
        </p>
      ))}
    </>
  );
}
