import { useDialog } from '../../ui/useDialog';
import { useMemo, useState } from 'react';
import { compareOrder } from '../../../shared/model/order';
import type { OthersSee, PrivateArea } from '../../../shared/model/privateRound';
import { currentView } from '../../state/boardView';
import { privateRoundAction, usePrivateDialog } from '../../state/privateCards';

const keyOf = (a: PrivateArea) => (a.kind === 'board' ? 'board' : `${a.kind}:${a.id}`);

/** The areas a round can be held on: the whole board, each frame, each lane. */
function areas(): { area: PrivateArea; label: string }[] {
  const view = currentView();
  const lanes = Object.values(view.elements)
    .filter((e) => e.kind === 'lane')
    .sort(compareOrder);
  return [
    { area: { kind: 'board' }, label: 'The whole board' },
    ...view.frames.flatMap((f) => (f.kind === 'frame' ? [{ area: { kind: 'frame' as const, id: f.id }, label: `Frame “${f.name || 'Frame'}”` }] : [])),
    ...lanes.flatMap((l) => (l.kind === 'lane' ? [{ area: { kind: 'lane' as const, id: l.id }, label: `Lane “${l.name || 'Lane'}”` }] : [])),
  ];
}

/** The facilitator starts a private round: where, and what people see of each other's cards meanwhile. */
export function StartPrivateRoundDialog() {
  const { open, area: asked } = usePrivateDialog();
  if (!open) return null;
  return <Dialog asked={asked} />;
}

function Dialog({ asked }: { asked: PrivateArea | null }) {
  const choices = useMemo(areas, []);
  const [key, setKey] = useState(asked ? keyOf(asked) : 'board');
  const [othersSee, setOthersSee] = useState<OthersSee>('placeholders');
  const [busy, setBusy] = useState(false);
  const close = () => usePrivateDialog.setState({ open: false, area: null });
  const dialog = useDialog(close);
  const area = (choices.find((c) => keyOf(c.area) === key) ?? choices[0]).area;
  const start = async () => {
    setBusy(true);
    const ok = await privateRoundAction({ action: 'start', area, othersSee });
    setBusy(false);
    if (ok) close();
  };
  return (
    <div className="export-dialog vote-dialog private-dialog" {...dialog} aria-label="Start a private round">
      <h2>Private round</h2>
      <p className="small">Everyone writes on their own: each person sees only their own new cards here until you reveal them.</p>
      <label>
        Where
        <select value={key} onChange={(e) => setKey(e.target.value)} aria-label="Where">
          {choices.map((c) => (
            <option key={keyOf(c.area)} value={keyOf(c.area)}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="private-others">
        <legend>Others’ cards meanwhile</legend>
        <label className="check">
          <input type="radio" name="others-see" checked={othersSee === 'placeholders'} onChange={() => setOthersSee('placeholders')} /> Blank cards, where they are
        </label>
        <label className="check">
          <input type="radio" name="others-see" checked={othersSee === 'nothing'} onChange={() => setOthersSee('nothing')} /> Not shown at all (only the count)
        </label>
      </fieldset>
      <div className="actions">
        <button type="button" className="text-button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
          Start private round
        </button>
      </div>
    </div>
  );
}
