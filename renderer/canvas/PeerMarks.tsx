import { Group, Path, Rect, Text } from 'react-konva';
import { usePresence } from '../state/presence';
import { useBoard } from '../state/boardStore';
import { currentView } from '../state/boardView';
import { useUi } from '../state/uiStore';
import { fontFamily } from './theme';

/**
 * Other people's pointers (with their names) and selections, in their colours, drawn in the
 * overlay layer; in a hall, those of the most active lately (usePresence's `pointers`). Constant size on screen, so alone on the board a zoom does not re-render it.
 */
export function PeerMarks() {
  const peers = usePresence((s) => s.peers);
  // In a hall only the most active lately are drawn, and whoever presents: 400 name tags would bury the board.
  const pointers = usePresence((s) => s.pointers);
  const presenter = useBoard((s) => s.presenter);
  const present = Object.keys(peers).length > 0;
  const scale = useUi((s) => (present ? s.viewport.scale : 1));
  const view = currentView();
  const k = 1 / scale;
  return (
    <Group listening={false}>
      {Object.entries(peers)
        .filter(([id]) => !pointers || pointers.has(Number(id)) || Number(id) === presenter)
        .map(([id, p]) => (
          <Group key={id}>
            {p.selection.map((sid) => {
              const b = view.boxes.get(sid);
              return b ? (
                <Rect key={sid} x={b.x - 6 * k} y={b.y - 6 * k} width={b.w + 12 * k} height={b.h + 12 * k} stroke={p.user.color} strokeWidth={3 * k} dash={[8 * k, 5 * k]} cornerRadius={10 * k} />
              ) : null;
            })}
            {p.cursor && (
              <Group x={p.cursor.x} y={p.cursor.y} scaleX={k} scaleY={k}>
                <Path data="M0 0 L0 18 L5 13 L9 22 L12 21 L8 12 L15 12 Z" fill={p.user.color} stroke="#fff" strokeWidth={1.5} />
                <Group x={14} y={20}>
                  <Rect width={12 + p.user.name.length * 8} height={22} fill={p.user.color} cornerRadius={6} />
                  <Text name="peer-name" x={6} y={4} text={p.user.name} fontSize={14} fontStyle="bold" fill="#fff" fontFamily={fontFamily} />
                </Group>
              </Group>
            )}
          </Group>
        ))}
    </Group>
  );
}
