import type Konva from 'konva';
import { memo } from 'react';
import { Circle, Group, Line, Rect, Text } from 'react-konva';
import type { BoardElement } from '../../shared/model/board';
import type { Box } from '../../shared/model/geometry';
import { gridSize, lineY, type Band, type Grid } from '../../shared/model/grid';
import type { Line as LineRecord } from '../../shared/model/line';
import { dispatch } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import { endedByCancel } from './cancelledPointer';
import { emotionPoints } from './emotion';
import { waitColours } from '../../shared/exchange/look';
import { fontFamily, ink, laneHeaderWidth, lineStroke, selectionStroke, stageHeaderHeight } from './theme';
import { textWidth } from './textLayout';

interface Props {
  grid: Grid;
  /** cost per lane / stage, formatted, for the headers */
  laneTotals: Map<string, string>;
  stageTotals: Map<string, string>;
  /** each stage's lead time, as text, beside its money */
  stageLeads: Map<string, string>;
  /** the board region on screen (culling) */
  visible: Box;
  lines: LineRecord[];
  elements: Record<string, BoardElement>;
  selection: string[];
  editingId: string | null;
  writable: boolean;
}

const HANDLE = 10;

/** The index a band dragged to `pos` (its new start) would take among the others. */
function indexAt(bands: Band[], id: string, pos: number): number {
  const others = bands.filter((b) => b.id !== id);
  return others.filter((b) => b.start + b.size / 2 < pos).length;
}

/** Header type sizes: on the big screen the names and totals grow with the cards, to read from the back of the room. */
const headerType = {
  desk: { name: 20, total: 17, twoLines: 15 },
  // 23 on two lines fills the stage header's height: the map and its ladder fit a 1,080-line projector at about 0.9.
  bigScreen: { name: 25, total: 23, twoLines: 23 },
};

/** The smallest type a header's figure shrinks to before its name gives up more room. */
const smallestFigure = 9;
/** Room a stage's name keeps beside its figures: enough for a few letters and the ellipsis. */
const nameRoom = 60;

/**
 * How a header's figures fit beside its name: as wide as the widest figure needs at its type
 * size (a large sum in de-DE, "61,7 Mio. €/Jahr", is wider than "$600K/yr"), taking room from
 * the name, which ends in an ellipsis; where even that is too narrow, the type shrinks so the
 * whole figure shows. A figure is never cut: a cut number reads as a different one.
 */
function fitFigures(texts: string[], size: number, least: number, most: number): { width: number; size: number } {
  const widest = Math.max(0, ...texts.map((t) => textWidth(t, `bold ${size}px ${fontFamily}`)));
  const width = Math.min(most, Math.max(Math.min(least, most), Math.ceil(widest) + 2));
  if (widest + 2 <= width) return { width, size };
  return { width, size: Math.max(smallestFigure, Math.floor((size * (width - 2)) / widest)) };
}

/** A figure in a lane or stage header (its money, a stage's lead time): one bold line, named for the tests. */
function HeaderFigure({ name, x, y, width, text, size, fill, align }: { name: string; x: number; y: number; width: number; text: string; size: number; fill: string; align: 'left' | 'right' }) {
  return <Text name={name} x={x} y={y} width={width} text={text} fontSize={size} fontStyle="bold" fill={fill} fontFamily={fontFamily} align={align} wrap="none" listening={false} />;
}

const BandHeader = memo(function BandHeader({
  band,
  kind,
  grid,
  total,
  lead,
  selected,
  editing,
  writable,
  locked,
}: {
  band: Band;
  kind: 'lane' | 'stage';
  grid: Grid;
  total: string | undefined;
  lead?: string;
  selected: boolean;
  editing: boolean;
  writable: boolean;
  locked: boolean;
}) {
  const type = useUi((s) => (s.bigScreen ? headerType.bigScreen : headerType.desk));
  const isLane = kind === 'lane';
  const bands = isLane ? grid.lanes : grid.stages;
  const header = isLane
    ? { x: -laneHeaderWidth, y: band.start + 3, w: laneHeaderWidth - 8, h: band.size - 6 }
    : { x: band.start + 4, y: -stageHeaderHeight, w: band.size - 8, h: stageHeaderHeight - 8 };
  const canEdit = writable && !locked;
  // A stage header holds its money and its lead time on two lines at the right; lanes have no lead time.
  const both = !!total && !!lead;
  const figureTexts = [total, lead].filter((t): t is string => !!t);
  const figureSize = both ? type.twoLines : type.total;
  const fit = isLane
    ? fitFigures(figureTexts, figureSize, header.w - 24, header.w - 24)
    : // A stage too narrow to keep room for its name gives its figures the whole header.
      fitFigures(figureTexts, figureSize, type === headerType.desk ? 100 : 130, Math.max(Math.min(type === headerType.desk ? 100 : 130, header.w - 24), header.w - 24 - nameRoom));
  const figuresW = fit.width;
  const twoLinesPad = type === headerType.desk ? 4 : 1;
  return (
    <Group>
      <Group
        id={band.id}
        name="band"
        x={header.x}
        y={header.y}
        draggable={canEdit}
        dragBoundFunc={function (this: Konva.Node, pos) {
          return isLane ? { x: this.getAbsolutePosition().x, y: pos.y } : { x: pos.x, y: this.getAbsolutePosition().y };
        }}
        onMouseDown={(ev) => {
          ev.cancelBubble = true;
          useUi.setState({ selection: [band.id] });
        }}
        // A finger goes through pointer events only (canvas/fingers.ts), the mouse as before.
        onPointerDown={(ev) => {
          if (ev.evt.pointerType !== 'touch') return;
          ev.cancelBubble = true;
          useUi.setState({ selection: [band.id] });
        }}
        onDragEnd={(ev) => {
          const putBack = () => ev.target.position({ x: header.x, y: header.y });
          if (endedByCancel(ev.target)) return putBack();
          // The header sits inset from the band's start; the band's new centre decides its place.
          const start = isLane ? ev.target.y() - 3 : ev.target.x() - 4;
          const moved = dispatch('moveBand', { id: band.id, index: indexAt(bands, band.id, start + band.size / 2) });
          if (!moved) putBack();
        }}
      >
        <Rect width={header.w} height={header.h} fill="rgba(255,250,240,0.88)" cornerRadius={6} stroke={selected ? selectionStroke : undefined} strokeWidth={3} />
        {!editing && (
          <Text
            x={12}
            y={isLane ? 12 : type === headerType.desk ? 6 : 9}
            width={header.w - 24 - (!isLane && (total || lead) ? figuresW : 0)}
            height={isLane ? header.h - 44 : header.h - 12}
            text={band.name || (isLane ? 'Lane' : 'Stage')}
            fontSize={type.name}
            lineHeight={1.2}
            fontStyle="bold"
            fontFamily={fontFamily}
            fill={ink}
            wrap={isLane ? 'word' : 'none'}
            ellipsis
            listening={false}
          />
        )}
        {total && (
          <HeaderFigure
            name="band-total"
            x={isLane ? 12 : header.w - figuresW - 12}
            y={isLane ? header.h - fit.size - 10 : both ? twoLinesPad : (header.h - fit.size) / 2}
            width={isLane ? header.w - 24 : figuresW}
            text={total}
            size={fit.size}
            fill="#8b1e3f"
            align={isLane ? 'left' : 'right'}
          />
        )}
        {lead && (
          // The stage's lead time under its money, in the wait badge's calm colour: time beside money.
          <HeaderFigure
            name="stage-lead"
            x={header.w - figuresW - 12}
            y={both ? header.h - fit.size - twoLinesPad : (header.h - fit.size) / 2}
            width={figuresW}
            text={lead}
            size={fit.size}
            fill={waitColours[0]}
            align="right"
          />
        )}
      </Group>
      {canEdit && (
        <Rect
          name="band-resize"
          x={isLane ? -laneHeaderWidth : band.start + band.size - HANDLE / 2}
          y={isLane ? band.start + band.size - HANDLE / 2 : -stageHeaderHeight}
          width={isLane ? laneHeaderWidth : HANDLE}
          height={isLane ? HANDLE : stageHeaderHeight}
          fill="transparent"
          draggable
          onMouseEnter={(ev) => (ev.target.getStage()!.container().style.cursor = isLane ? 'ns-resize' : 'ew-resize')}
          onMouseLeave={(ev) => (ev.target.getStage()!.container().style.cursor = '')}
          onMouseDown={(ev) => (ev.cancelBubble = true)}
          onPointerDown={(ev) => (ev.cancelBubble = ev.evt.pointerType === 'touch')}
          dragBoundFunc={function (this: Konva.Node, pos) {
            return isLane ? { x: this.getAbsolutePosition().x, y: pos.y } : { x: pos.x, y: this.getAbsolutePosition().y };
          }}
          onDragEnd={(ev) => {
            const putBack = () => ev.target.position(isLane ? { x: -laneHeaderWidth, y: band.start + band.size - HANDLE / 2 } : { x: band.start + band.size - HANDLE / 2, y: -stageHeaderHeight });
            if (endedByCancel(ev.target)) return putBack();
            const edge = isLane ? ev.target.y() + HANDLE / 2 : ev.target.x() + HANDLE / 2;
            const size = Math.max(60, Math.round(edge - band.start));
            if (!dispatch('resizeBand', { id: band.id, size })) putBack();
          }}
        />
      )}
    </Group>
  );
});

function AddBandButton({ kind, x, y }: { kind: 'lane' | 'stage'; x: number; y: number }) {
  const label = kind === 'lane' ? '+ Lane' : '+ Stage';
  const add = () => {
    const id = dispatch('addBand', { kind, name: kind === 'lane' ? 'New lane' : 'New stage' });
    if (id) useUi.setState({ selection: [id], editingId: id });
  };
  return (
    <Group x={x} y={y} name="add-band" onMouseDown={(ev) => (ev.cancelBubble = true)} onPointerDown={(ev) => (ev.cancelBubble = ev.evt.pointerType === 'touch')} onClick={add} onTap={add}>
      <Rect width={kind === 'lane' ? laneHeaderWidth - 8 : 110} height={40} fill="rgba(255,250,240,0.55)" cornerRadius={6} dash={[6, 4]} stroke="rgba(43,33,24,0.5)" />
      <Text x={12} y={11} text={label} fontSize={17} fontStyle="bold" fontFamily={fontFamily} fill={ink} />
    </Group>
  );
}

/** Lanes (rows), stages (columns), their headers, the blueprint's lines and the emotion curve. */
export const GridLayer = memo(function GridLayer({ grid, laneTotals, stageTotals, stageLeads, visible, lines, elements, selection, editingId, writable }: Props) {
  const { w, h } = gridSize(grid);
  // Only the bands on screen get nodes: a 100-stage board would otherwise draw every header each frame.
  const lanesInView = grid.lanes.filter((b) => b.start < visible.y + visible.h && b.start + b.size > visible.y);
  const stagesInView = grid.stages.filter((b) => b.start < visible.x + visible.w && b.start + b.size > visible.x);
  const width = Math.max(w, 600);
  const height = Math.max(h, 400);
  return (
    <Group>
      <Group listening={false}>
        {lanesInView.map((lane) => (
          <Group key={lane.id} y={lane.start}>
            <Rect width={width} height={lane.size} fill={grid.lanes.indexOf(lane) % 2 ? 'rgba(255,255,255,0.07)' : 'rgba(0,0,0,0.035)'} />
            <Line points={[-laneHeaderWidth, lane.size, width, lane.size]} stroke="rgba(60,40,20,0.3)" strokeWidth={2} dash={[10, 8]} />
          </Group>
        ))}
        {stagesInView.map((stage) => (
          <Line key={stage.id} points={[stage.start + stage.size, -stageHeaderHeight, stage.start + stage.size, height]} stroke="rgba(60,40,20,0.22)" strokeWidth={2} />
        ))}
        {grid.lanes
          .filter((l) => elements[l.id]?.kind === 'lane' && (elements[l.id] as { showsEmotion: boolean }).showsEmotion)
          .map((lane) => {
            const pts = emotionPoints(lane, grid, elements);
            return (
              <Group key={`emotion-${lane.id}`}>
                <Line points={[0, lane.start + lane.size / 2, width, lane.start + lane.size / 2]} stroke="rgba(43,33,24,0.35)" strokeWidth={1.5} dash={[4, 6]} />
                {pts.length > 1 && <Line points={pts.flatMap((p) => [p.x, p.y])} stroke="#8b1e3f" strokeWidth={4} tension={0.35} lineCap="round" />}
                {pts.map((p) => (
                  <Circle key={p.stageId} x={p.x} y={p.y} radius={7} fill={p.value >= 0 ? '#2e9e4f' : '#d64545'} stroke="#fff" strokeWidth={2} />
                ))}
              </Group>
            );
          })}
      </Group>
      {lines.map((l) => {
        const y = lineY(l, grid);
        const s = lineStroke[l.style];
        const selected = selection.includes(l.id);
        return (
          <Group key={l.id} id={l.id} name="line" y={y}>
            <Line points={[-laneHeaderWidth, 0, width, 0]} stroke={selected ? selectionStroke : s.stroke} strokeWidth={selected ? 5 : 3} dash={s.dash} hitStrokeWidth={14} />
            {editingId !== l.id && <Text x={10} y={-24} text={l.label} fontSize={17} fontStyle="italic bold" fill={s.stroke} fontFamily={fontFamily} />}
          </Group>
        );
      })}
      {lanesInView.map((b) => (
        <BandHeader
          key={b.id}
          band={b}
          kind="lane"
          grid={grid}
          total={laneTotals.get(b.id)}
          selected={selection.includes(b.id)}
          editing={editingId === b.id}
          writable={writable}
          locked={!!elements[b.id]?.locked}
        />
      ))}
      {stagesInView.map((b) => (
        <BandHeader
          key={b.id}
          band={b}
          kind="stage"
          grid={grid}
          total={stageTotals.get(b.id)}
          lead={stageLeads.get(b.id)}
          selected={selection.includes(b.id)}
          editing={editingId === b.id}
          writable={writable}
          locked={!!elements[b.id]?.locked}
        />
      ))}
      {writable && (
        <>
          <AddBandButton kind="lane" x={-laneHeaderWidth} y={h + 12} />
          <AddBandButton kind="stage" x={w + 12} y={-stageHeaderHeight} />
        </>
      )}
    </Group>
  );
});
