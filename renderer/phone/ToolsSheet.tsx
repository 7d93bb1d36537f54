import { command } from '../commands/commands';
import { runCommand } from '../commands/runCommand';
import { useCommandContext } from '../commands/useCommandContext';
import { openSheet } from '../state/phoneLayout';
import { Icon } from '../toolbar/icons';
import { BottomSheet } from './BottomSheet';

/** What the bottom bar has no room for, from the same command table as the desktop's toolbar and menus. */
const rest = [
  'tool.select',
  'tool.hand',
  'tool.text',
  'tool.connector',
  'tool.frame',
  'undo',
  'redo',
  'ledger',
  'stepDetails',
  'dashboard',
  'zoomToFit',
  'timelineLadder',
  'heatByCost',
  'heatByWait',
  'export',
];

/** "Tools" on the phone's bottom bar: the other tools and views, one large row each; picking one closes the sheet. */
export function ToolsSheet() {
  const ctx = useCommandContext();
  return (
    <BottomSheet label="All tools" onClose={() => openSheet(null)}>
      <div className="sheet-rows">
        {rest.map((name) => {
          const c = command(name);
          if (!c.when(ctx)) return null;
          const icon = typeof c.icon === 'function' ? c.icon(ctx) : c.icon;
          return (
            <button
              key={name}
              type="button"
              className="sheet-row"
              aria-pressed={c.checked?.(ctx)}
              onClick={() => {
                openSheet(null);
                runCommand(name, { source: 'menu' });
              }}
            >
              <span className="row-icon">{icon && <Icon name={icon} />}</span>
              {c.label}
            </button>
          );
        })}
      </div>
    </BottomSheet>
  );
}
