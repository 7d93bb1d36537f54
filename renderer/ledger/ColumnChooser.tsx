import { useMemo } from 'react';
import { ledgerColumns, type LedgerColumn, type LedgerContext } from '../../shared/ledger/columns';
import { BarMenu } from './BarMenu';
import { showColumn, useLedgerPrefs } from './ledgerPrefs';

interface Choice {
  key: string;
  label: string;
}

/** The registry's columns as the chooser lists them, in the table's order, under the headings people think in. */
function choices(all: readonly LedgerColumn[]): { heading: string; items: Choice[] }[] {
  const one = (group: LedgerColumn['group'][]) => all.filter((c) => group.includes(c.group) && c.key !== 'title').map((c) => ({ key: c.key, label: c.label }));
  return [
    { heading: 'Step', items: one(['place', 'step']) },
    { heading: 'Cost', items: one(['cost']) },
    { heading: 'Time', items: one(['time']) },
    {
      heading: 'More',
      items: [
        { key: 'evidence', label: 'Evidence and source of each figure' },
        ...(all.some((c) => c.group === 'scenario') ? [{ key: 'scenario', label: 'Scenarios (each to-be’s figures and saving)' }] : []),
      ],
    },
  ];
}

/**
 * The ledger bar's *Columns* menu (a BarMenu): a checkbox per column of the registry (evidence and
 * scenarios as a block each), remembered on this device. The step's title always shows.
 */
export function ColumnChooser({ ctx }: { ctx: LedgerContext }) {
  const hidden = useLedgerPrefs((s) => s.hidden);
  const all = useMemo(() => ledgerColumns(ctx), [ctx]);
  const sections = useMemo(() => choices(all), [all]);
  // Counted as the list counts them: the evidence is one line there, however many columns it holds.
  const hiddenCount = sections.flatMap((s) => s.items).filter((c) => hidden.includes(c.key)).length;
  return (
    <BarMenu label={`Columns${hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''}`} menuLabel="Columns to show" className="ledger-columns-menu">
      {sections.map((s) =>
        s.items.length === 0 ? null : (
          <fieldset key={s.heading}>
            <legend>{s.heading}</legend>
            {s.items.map((c) => (
              <label key={c.key} className="ledger-check">
                <input type="checkbox" checked={!hidden.includes(c.key)} onChange={(e) => showColumn(c.key, e.target.checked)} />
                {c.label}
              </label>
            ))}
          </fieldset>
        ),
      )}
      <button type="button" className="text-button" disabled={hidden.length === 0} onClick={() => useLedgerPrefs.setState({ hidden: [] })}>
        Show every column
      </button>
    </BarMenu>
  );
}
