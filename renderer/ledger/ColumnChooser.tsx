import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ledgerColumns, type LedgerColumn, type LedgerContext } from '../../shared/ledger/columns';
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
 * The ledger bar's *Columns* menu: a checkbox per column of the registry (evidence and
 * scenarios as a block each), remembered on this device. A disclosure, not an ARIA menu:
 * Tab and Space work in it as anywhere, the arrows go up and down the list, Escape or a click
 * elsewhere closes it and the focus goes back to its button. The step's title always shows.
 */
export function ColumnChooser({ ctx }: { ctx: LedgerContext }) {
  const [open, setOpen] = useState(false);
  const hidden = useLedgerPrefs((s) => s.hidden);
  const all = useMemo(() => ledgerColumns(ctx), [ctx]);
  const sections = useMemo(() => choices(all), [all]);
  // Counted as the list counts them: the evidence is one line there, however many columns it holds.
  const hiddenCount = sections.flatMap((s) => s.items).filter((c) => hidden.includes(c.key)).length;
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    wrap.current?.querySelector<HTMLInputElement>('input')?.focus();
    const outside = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', outside, true);
    return () => window.removeEventListener('pointerdown', outside, true);
  }, [open]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const boxes = [...(wrap.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])];
    const at = boxes.indexOf(document.activeElement as HTMLInputElement);
    if (at < 0) return;
    e.preventDefault();
    boxes[(at + (e.key === 'ArrowDown' ? 1 : boxes.length - 1)) % boxes.length].focus();
  };

  return (
    <div className="ledger-columns" ref={wrap} onKeyDown={onKey} onBlur={(e) => !wrap.current?.contains(e.relatedTarget as Node) && e.relatedTarget && setOpen(false)}>
      <button type="button" ref={button} className="text-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Columns{hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''} ▾
      </button>
      {open && (
        <div id={id} className="ledger-columns-menu" role="group" aria-label="Columns to show">
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
        </div>
      )}
    </div>
  );
}
