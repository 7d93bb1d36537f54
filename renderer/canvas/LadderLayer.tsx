import { memo } from 'react';
import { Group, Line, Rect, Text } from 'react-konva';
import { waitColours } from '../../shared/exchange/look';
import type { Box } from '../../shared/model/geometry';
import type { Grid } from '../../shared/model/grid';
import type { BoardElement } from '../../shared/model/kinds';
import type { Scenario } from '../../shared/model/scenario';
import type { CostView } from '../state/costView';
import { useUi } from '../state/uiStore';
import { boardHasTimes, ladder, ladderFrame } from './ladderGeometry';
import { fontFamily, ink, inkSoft, laneHeaderWidth } from './theme';

interface Props {
  grid: Grid;
  elements: Record<string, BoardElement>;
  /** the rollups and times, from the board canvas: a layer that asked the board store itself
   *  would be drawn inside the store's own update (react-konva renders at once), so a paste of
   *  500 figures worked out the whole board's times before the store had even told the others */
  costs: CostView;
  scenarios: readonly Scenario[];
  visible: Box;
}

const titleOf = (elements: Record<string, BoardElement>, id: string) => {
  const e = elements[id];
  return e?.kind === 'step' ? e.title || 'Untitled step' : 'a step';
};

/**
 * The timeline ladder, as value-stream maps draw it: under the map, per stage, the critical
 * path's wait on the upper line and its process time on the lower one, and at the right end
 * the lead time, the process time and the process cycle efficiency. It shows the scenario
 * picked in the header (the as-is lead time beside it), and says so when the flow loops back
 * for rework, since that loop is left out of the lead time.
 */
export const LadderLayer = memo(function LadderLayer({ grid, elements, costs: view, scenarios, visible }: Props) {
  const on = useUi((s) => s.ladder);
  const big = useUi((s) => s.bigScreen);
  if (!on || !boardHasTimes(elements, scenarios)) return null;
  const { lead } = view.shownTime;
  const asIs = view.asIsTime.lead;
  const k = big ? 1.3 : 1;
  const label = Math.round(17 * k);
  const { top, end } = ladderFrame(grid, big);
  const yW = top + ladder.waitY;
  const yP = top + ladder.processY;
  const bands = new Map(grid.stages.map((b) => [b.id, b]));

  // The stepped line, stage after stage: up for the wait, down for the process time.
  const points: number[] = [];
  const labels: { key: string; name: string; x: number; w: number; y: number; text: string; fill: string }[] = [];
  for (const st of lead.ladder) {
    const band = bands.get(st.stageId);
    // The time and the grid come from two stores: for a moment while the board loads a stage may
    // not be laid out yet. Skip it then, rather than draw it as if it were outside every stage.
    if (!band && st.stageId !== '') continue;
    const x0 = band ? band.start : end;
    const x1 = band ? band.start + band.size : end + ladder.outsideW;
    const mid = x0 + (x1 - x0) * 0.55;
    points.push(x0, yW, mid, yW, mid, yP, x1, yP);
    if (x1 < visible.x || x0 > visible.x + visible.w) continue;
    // A stage whose path takes no time shows no figure: nothing there is not "0".
    if (st.waitMinutes > 0) labels.push({ key: `w${st.stageId}`, name: 'ladder-wait', x: x0 + 4, w: mid - x0 - 8, y: yW - label - 8, text: view.duration(st.waitMinutes), fill: waitColours[2] });
    if (st.processMinutes > 0) labels.push({ key: `p${st.stageId}`, name: 'ladder-process', x: mid + 4, w: x1 - mid - 8, y: yP + 8, text: view.duration(st.processMinutes), fill: ink });
    if (!band && st.leadMinutes > 0) labels.push({ key: 'outside', name: 'ladder-outside', x: x0 + 4, w: x1 - x0 - 8, y: yP + label + 14, text: 'outside the stages', fill: inkSoft });
  }
  const last = lead.ladder.length && !bands.has(lead.ladder[lead.ladder.length - 1].stageId) ? end + ladder.outsideW : end;
  const tx = last + ladder.totalsGap;
  const percent = new Intl.NumberFormat(view.locale, { style: 'percent', maximumFractionDigits: 1 });
  const changed = view.scenario && asIs.leadMinutes !== lead.leadMinutes;
  const leadText = `Lead time ${changed ? `${view.duration(asIs.leadMinutes)} → ` : ''}${view.duration(lead.leadMinutes)}`;
  const loop = lead.cycles[0];
  const loopText = loop
    ? `A loop back for rework: ${[...loop, loop[0]].map((id) => titleOf(elements, id)).join(' → ')} — left out of the lead time${lead.cycles.length > 1 ? ` (and ${lead.cycles.length - 1} more loop${lead.cycles.length > 2 ? 's' : ''})` : ''}`
    : null;
  const small = Math.round(15 * k);

  return (
    <Group listening={false}>
      <Text x={-laneHeaderWidth} y={top - Math.round(12 * k)} text="Timeline" fontSize={Math.round(20 * k)} fontStyle="bold" fontFamily={fontFamily} fill={ink} />
      <Text x={-laneHeaderWidth} y={yW - small - 4} width={laneHeaderWidth - 20} text="waiting" fontSize={small} fontFamily={fontFamily} fill={waitColours[2]} align="right" />
      <Text x={-laneHeaderWidth} y={yP + 4} width={laneHeaderWidth - 20} text="processing" fontSize={small} fontFamily={fontFamily} fill={ink} align="right" />
      {points.length > 0 && <Line points={points} stroke={ink} strokeWidth={4} lineJoin="round" lineCap="round" />}
      {labels.map((l) => (
        <Text key={l.key} name={l.name} x={l.x} y={l.y} width={l.w} text={l.text} fontSize={label} fontStyle="bold" fontFamily={fontFamily} fill={l.fill} align="center" wrap="none" ellipsis />
      ))}
      <Group x={tx} y={top - 10}>
        <Rect width={ladder.totalsW} height={ladder.processY + 60} fill="rgba(255,250,240,0.92)" cornerRadius={8} stroke="rgba(43,33,24,0.4)" strokeWidth={2} />
        <Text
          name="ladder-shows"
          x={14}
          y={10}
          width={ladder.totalsW - 28}
          text={view.scenario ? view.scenario.name : 'As-is'}
          fontSize={small}
          fontFamily={fontFamily}
          fill={inkSoft}
          wrap="none"
          ellipsis
        />
        <Text
          name="ladder-lead"
          x={14}
          y={14 + small}
          width={ladder.totalsW - 28}
          text={leadText}
          fontSize={Math.round(20 * k)}
          fontStyle="bold"
          fontFamily={fontFamily}
          fill={waitColours[2]}
          wrap="none"
          ellipsis
        />
        <Text
          name="ladder-process-total"
          x={14}
          y={22 + small + 20 * k}
          width={ladder.totalsW - 28}
          text={`Process time ${view.duration(lead.processMinutes)}`}
          fontSize={label}
          fontFamily={fontFamily}
          fill={ink}
          wrap="none"
          ellipsis
        />
        <Text
          name="ladder-pce"
          x={14}
          y={28 + small + 20 * k + label}
          width={ladder.totalsW - 28}
          text={`PCE ${lead.pce === null ? '–' : percent.format(lead.pce)}`}
          fontSize={label}
          fontFamily={fontFamily}
          fill={ink}
          wrap="none"
          ellipsis
        />
        {lead.missing.length > 0 && (
          <Text
            name="ladder-missing"
            x={14}
            y={34 + small + 20 * k + 2 * label}
            width={ladder.totalsW - 28}
            text={`at least: ${lead.missing.length} step${lead.missing.length === 1 ? ' has' : 's have'} no time yet`}
            fontSize={small}
            fontStyle="italic"
            fontFamily={fontFamily}
            fill={inkSoft}
            wrap="none"
            ellipsis
          />
        )}
      </Group>
      {loopText && (
        <Text
          name="ladder-loop"
          x={-laneHeaderWidth}
          y={yP + 2 * label + 30}
          width={laneHeaderWidth + Math.max(last, 600)}
          text={loopText}
          fontSize={label}
          fontStyle="bold"
          fontFamily={fontFamily}
          fill="#8b1e3f"
          wrap="none"
          ellipsis
        />
      )}
    </Group>
  );
});
