import { focusWhenShown } from '../canvas/boardFocus';
import { command } from '../commands/commands';
import { keysOf } from '../commands/runCommand';
import type { LedgerContext } from '../../shared/ledger/columns';
import { usePhone } from '../state/phoneLayout';
import { BarMenu } from './BarMenu';
import { ColumnChooser } from './ColumnChooser';
import { LedgerGrid } from './LedgerGrid';
import { LedgerSplit } from './LedgerSplit';
import { noFilter, toggleLedger, useLedger, type LedgerFilter } from './ledgerStore';
import { useLedgerModel } from './useLedgerModel';

/**
 * The open ledger (L): the board as a table, beside the canvas on a laptop or a projector,
 * instead of it on a phone or a narrow window, with a divider between them that moves. Its bar
 * groups, filters and chooses the columns; below it the grid, and one line saying what the last
 * paste or fill did, or why it (or a read-only cell) was refused — a typed text's refusal shows at its cell. Loaded only when first wanted (LedgerPane.tsx).
 */
export default function OpenLedger() {
  const model = useLedgerModel();
  // A refusal of the text being typed shows at its cell (LedgerGrid's RefusalAtCell); the line here says the rest.
  const error = useLedger((s) => (s.editing ? null : s.error));
  const refused = useLedger((s) => s.error !== null);
  const note = useLedger((s) => s.note);
  const shown = model.sheet.steps.length;
  const all = model.stepCount;
  return (
    <>
      <LedgerSplit />
      <section className="ledger-pane" aria-label="Ledger">
        <header className="ledger-top">
          <h2>Ledger</h2>
          <span className="ledger-count">{shown === all ? `${shown} step${shown === 1 ? '' : 's'}` : `${shown} of ${all} steps`}</span>
          {/* L works from the board; in the table a typed L starts a cell's text, so the hint says where */}
          <button type="button" className="text-button ledger-close" onClick={backToBoard} aria-keyshortcuts={keysOf(command('ledger'))} title={`${keysOf(command('ledger'))} on the board`}>
            Back to the board
          </button>
        </header>
        <LedgerBar lanes={model.lanes} ctx={model.ctx} />
        <div className="ledger-status">
          {error && (
            <p role="alert" id="ledger-error" className="ledger-error">
              {error}
            </p>
          )}
          <p role="status" className="ledger-note">
            {!refused && note ? note : ''}
          </p>
        </div>
        <LedgerGrid model={model} />
      </section>
    </>
  );
}

/** The button takes the keyboard along: the board region gets the focus (on a phone once the canvas is back), not the page's body. */
function backToBoard(): void {
  toggleLedger();
  focusWhenShown('[data-board-region]');
}

function LedgerBar({ lanes, ctx }: { lanes: { id: string; name: string }[]; ctx: LedgerContext }) {
  const groupBy = useLedger((s) => s.groupBy);
  const filter = useLedger((s) => s.filter);
  const phone = usePhone();
  const set = (f: Partial<LedgerFilter>) => useLedger.setState((s) => ({ filter: { ...s.filter, ...f } }));
  const check = (key: 'waste' | 'pain' | 'missing', label: string) => (
    <label className="ledger-check">
      <input type="checkbox" checked={filter[key]} onChange={(e) => set({ [key]: e.target.checked })} />
      {label}
    </label>
  );
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);
  const showAll = filtered && (
    <button type="button" className="text-button" onClick={() => useLedger.setState({ filter: noFilter })}>
      Show all
    </button>
  );
  const grouping = (
    <label>
      Group by{' '}
      <select value={groupBy} onChange={(e) => useLedger.setState({ groupBy: e.target.value as 'lane' | 'stage' })}>
        <option value="lane">lane</option>
        <option value="stage">stage</option>
      </select>
    </label>
  );
  const filters = (
    <>
      <label className="ledger-lane">
        Lane{' '}
        <select value={filter.laneId ?? '*'} onChange={(e) => set({ laneId: e.target.value === '*' ? null : e.target.value })}>
          <option value="*">all</option>
          {lanes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name || 'Unnamed lane'}
            </option>
          ))}
        </select>
      </label>
      {check('waste', 'Only waste')}
      {check('pain', 'Only pain points')}
      {check('missing', 'Only missing figures')}
    </>
  );
  // "Search" alone on a phone: the box shares its line with two menus.
  const search = (
    <input type="search" className="ledger-search" placeholder={phone ? 'Search' : 'Search steps'} aria-label="Search steps" value={filter.search} onChange={(e) => set({ search: e.target.value })} />
  );
  // A phone's 390 px hold the search and two menus on one line; the grouping and the filters, in a
  // row, ran off the screen (the lane's list as wide as its longest name), so they open under Filter.
  if (phone) {
    const on = (filter.laneId ? 1 : 0) + [filter.waste, filter.pain, filter.missing].filter(Boolean).length;
    return (
      <div className="ledger-bar" role="toolbar" aria-label="Group, filter and columns">
        {search}
        <BarMenu label={`Filter${on ? ` (${on} on)` : ''}`} menuLabel="Group and filter" className="ledger-filter-menu">
          {grouping}
          {filters}
          {showAll}
        </BarMenu>
        <ColumnChooser ctx={ctx} />
      </div>
    );
  }
  return (
    <div className="ledger-bar" role="toolbar" aria-label="Group, filter and columns">
      {grouping}
      {search}
      {filters}
      <ColumnChooser ctx={ctx} />
      {showAll}
    </div>
  );
}
