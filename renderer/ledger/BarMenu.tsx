import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A menu of the ledger's bar (Columns; on a phone, Filter): a button that opens a list of
 * controls below it, over the table on a phone. A disclosure, not an ARIA menu: Tab and Space
 * work in it as anywhere, the arrows go up and down its checkboxes, Escape or a click elsewhere
 * closes it and the focus goes back to its button.
 */
export function BarMenu({ label, menuLabel, className, children }: { label: string; menuLabel: string; className?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    wrap.current?.querySelector<HTMLElement>('[role="group"] input, [role="group"] select')?.focus();
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
    <div className="ledger-bar-menu" ref={wrap} onKeyDown={onKey} onBlur={(e) => !wrap.current?.contains(e.relatedTarget as Node) && e.relatedTarget && setOpen(false)}>
      <button type="button" ref={button} className="text-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label} ▾
      </button>
      {open && (
        <div id={id} className={`ledger-bar-menu-list${className ? ` ${className}` : ''}`} role="group" aria-label={menuLabel}>
          {children}
        </div>
      )}
    </div>
  );
}
