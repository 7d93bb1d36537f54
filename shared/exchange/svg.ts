import type * as Y from 'yjs';
import { boardDefaults, isCanvasElement, readBoard, readMeta, type CanvasElement } from '../model/board.js';
import { connectorPoints, unionBox, type Box } from '../model/geometry.js';
import { activeRound, readRounds } from '../model/vote.js';
import { absoluteBox, computeGrid, gridSize, lineY } from '../model/grid.js';
import { formatCompact, periodShort } from '../model/money.js';
import { costUncertainty, joinRange } from '../model/costBadge.js';
import { compareOrder } from '../model/order.js';
import { rollup } from '../model/rollup.js';
import { stepFlags, type Step } from '../model/step.js';
import { boardTime, type BoardTime } from '../model/boardTime.js';
import { elementsOf } from '../model/scenarioSteps.js';
import { durationAsText, formatDuration } from '../model/duration.js';
import { readScenarios, type Scenario } from '../model/scenario.js';
import { boardLook as look, waitBadgeLook, waitColours } from './look.js';

/**
 * The board as SVG, drawn from the model (no browser needed, so the CLI uses it too). Text
 * stays text. It follows the canvas's look: kraft paper, lane and stage headers with totals,
 * the blueprint's lines, frames, connectors, cards with their value-class strip, flags, cost
 * badge, process time and wait badge, the stages' lead times and the timeline ladder (the as-is,
 * or the scenario asked for: its figures, badges and ladder, its name in the title), and the
 * dot-vote counts of a revealed round.
 */
export interface SvgOptions {
  /** only these elements (and the grid under them); default: the whole board */
  ids?: string[];
  background?: 'kraft' | 'transparent';
  /** pixels per board unit for width/height attributes (the drawing stays vector) */
  scale?: number;
  /** draw this scenario's figures instead of the as-is (an id of the board's scenarios) */
  scenarioId?: string;
}

/** The scenario an export asks for, by id or by name; null for the as-is. Unknown: an error saying which there are. */
export function exportScenario(doc: Y.Doc, idOrName: string | undefined): Scenario | null {
  if (!idOrName) return null;
  const all = readScenarios(doc);
  const found = all.find((s) => s.id === idOrName) ?? all.find((s) => s.name === idOrName);
  if (!found) throw new Error(`no scenario '${idOrName}' on this board${all.length ? ` (there are: ${all.map((s) => s.name).join(', ')})` : ''}`);
  return found;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap by an average glyph width; the last line that fits gets an ellipsis. */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (next.length <= perLine) line = next;
      else {
        if (line) lines.push(line);
        line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
      }
    }
    lines.push(line);
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(0, perLine - 1))}…`;
    return kept;
  }
  return lines;
}

function textBlock(lines: string[], x: number, y: number, size: number, attrs: string): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + size + i * size * 1.25}" font-size="${size}" ${attrs}>${esc(l)}</text>`).join('');
}

export function boardSvg(doc: Y.Doc, options: SvgOptions = {}): string {
  const meta = readMeta(doc);
  const { elements } = readBoard(doc);
  const scenario = exportScenario(doc, options.scenarioId) ?? undefined;
  // The map exported: the as-is, or the scenario asked for with the steps only it has (scenarioSteps.ts).
  const all = elementsOf(elements.values(), scenario);
  const grid = computeGrid(all);
  const canvas = all.filter(isCanvasElement).sort(compareOrder);
  const want = options.ids ? new Set(options.ids) : null;
  const shown = want ? canvas.filter((e) => want.has(e.id)) : canvas;
  const boxes = new Map(canvas.map((e) => [e.id, absoluteBox(e, grid)]));
  const steps = all.filter((e): e is Step => e.kind === 'step');
  const r = rollup(steps, scenario);
  const { currency, locale, period } = meta ?? boardDefaults;
  const per = periodShort[period];
  const money = (v: bigint) => `${formatCompact(v, currency, locale)}${per}`;
  // A card's cost as the canvas badge says it: a range reads as one, a cost resting on a guess is marked "~".
  const { stepRanges, guessed } = costUncertainty(steps, scenario);
  const costText = (id: string): string | undefined => {
    const cost = r.stepCosts.get(id);
    if (cost === undefined) return undefined;
    const range = stepRanges.get(id);
    const text = range ? `${joinRange(formatCompact(range.low, currency, locale), formatCompact(range.high, currency, locale))}${per}` : money(cost);
    return guessed.has(id) ? `~${text}` : text;
  };
  const time = boardTime(all, scenario);
  const asIsLead = scenario ? boardTime(all).lead.leadMinutes : null;
  const timed = steps.some((s) => s.waitMinutes !== null || s.processMinutes !== null);
  const ladderTop = gridSize(grid).h + look.ladder.gap;
  const ladderEnd = grid.stages.length ? gridSize(grid).w : 0;
  const ladderBox: Box | null =
    timed && !want
      ? {
          x: -look.laneHeader,
          y: ladderTop,
          w: look.laneHeader + ladderEnd + (time.lead.ladder.some((st) => st.stageId === '') ? look.ladder.outsideW : 0) + look.ladder.totalsGap + look.ladder.totalsW,
          h: look.ladder.height,
        }
      : null;

  const { w: gw, h: gh } = gridSize(grid);
  const hasGrid = grid.lanes.length + grid.stages.length > 0;
  const gridBox: Box | null =
    hasGrid && !want
      ? {
          x: grid.lanes.length ? -look.laneHeader : 0,
          y: grid.stages.length ? -look.stageHeader : 0,
          w: gw + (grid.lanes.length ? look.laneHeader : 0),
          h: gh + (grid.stages.length ? look.stageHeader : 0),
        }
      : null;
  const content = unionBox([...shown.map((e) => boxes.get(e.id)!), ...(gridBox ? [gridBox] : []), ...(ladderBox ? [ladderBox] : [])].map((b) => ({ ...b, y: b.y - 34 }))) ?? {
    x: 0,
    y: 0,
    w: 400,
    h: 300,
  };
  const pad = 40;
  const view = { x: content.x - pad, y: content.y - pad, w: content.w + 2 * pad, h: content.h + 2 * pad };
  const scale = options.scale ?? 1;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view.x} ${view.y} ${view.w} ${view.h}" width="${Math.round(view.w * scale)}" height="${Math.round(view.h * scale)}" font-family="${esc(look.font)}">`,
  );
  out.push(`<title>${esc(`${meta?.title ?? 'Brownpaper board'}${scenario ? ` — ${scenario.name}` : ''}`)}</title>`);
  if (options.background !== 'transparent') out.push(`<rect x="${view.x}" y="${view.y}" width="${view.w}" height="${view.h}" fill="${look.kraft}"/>`);

  if (hasGrid && !want) {
    grid.lanes.forEach((l, i) => {
      out.push(`<rect x="0" y="${l.start}" width="${gw}" height="${l.size}" fill="${i % 2 ? 'rgba(255,255,255,0.07)' : 'rgba(0,0,0,0.035)'}"/>`);
      out.push(`<line x1="${-look.laneHeader}" y1="${l.start + l.size}" x2="${gw}" y2="${l.start + l.size}" stroke="rgba(60,40,20,0.3)" stroke-width="2" stroke-dasharray="10 8"/>`);
      out.push(`<rect x="${-look.laneHeader}" y="${l.start + 3}" width="${look.laneHeader - 8}" height="${l.size - 6}" rx="6" fill="rgba(255,250,240,0.88)"/>`);
      out.push(textBlock(wrapText(l.name, look.laneHeader - 24, 20, 3), -look.laneHeader + 12, l.start + 10, 20, `font-weight="700" fill="${look.ink}"`));
      const t = r.byLane.get(l.id);
      if (t !== undefined) out.push(`<text x="${-look.laneHeader + 12}" y="${l.start + l.size - 14}" font-size="17" font-weight="700" fill="#8b1e3f">${esc(money(t))}</text>`);
    });
    grid.stages.forEach((st) => {
      out.push(`<line x1="${st.start + st.size}" y1="${-look.stageHeader}" x2="${st.start + st.size}" y2="${gh}" stroke="rgba(60,40,20,0.22)" stroke-width="2"/>`);
      out.push(`<rect x="${st.start + 4}" y="${-look.stageHeader}" width="${st.size - 8}" height="${look.stageHeader - 8}" rx="6" fill="rgba(255,250,240,0.88)"/>`);
      out.push(`<text x="${st.start + 16}" y="${-look.stageHeader + 28}" font-size="20" font-weight="700" fill="${look.ink}">${esc(wrapText(st.name, st.size - 130, 20, 1)[0] ?? '')}</text>`);
      const t = r.byStage.get(st.id);
      const lt = time.lead.byStage.get(st.id);
      const leadMinutes = lt ? (lt.leadMinutes > 0 ? lt.leadMinutes : lt.longestStepMinutes) : 0;
      // Money and lead time share the header's right side on two lines, as on the canvas.
      const two = t !== undefined && leadMinutes > 0;
      if (t !== undefined)
        out.push(
          `<text x="${st.start + st.size - 14}" y="${-look.stageHeader + (two ? 20 : 28)}" text-anchor="end" font-size="${two ? 15 : 17}" font-weight="700" fill="#8b1e3f">${esc(money(t))}</text>`,
        );
      if (leadMinutes > 0)
        out.push(
          `<text class="stage-lead" x="${st.start + st.size - 14}" y="${-look.stageHeader + (two ? 38 : 28)}" text-anchor="end" font-size="${two ? 15 : 17}" font-weight="700" fill="${waitColours[0]}">${esc(durationAsText(leadMinutes, locale))}</text>`,
        );
    });
    for (const l of all.filter((e) => e.kind === 'line')) {
      if (l.kind !== 'line') continue;
      const y = lineY(l, grid);
      const s = look.lines[l.style];
      out.push(`<line x1="${-look.laneHeader}" y1="${y}" x2="${gw}" y2="${y}" stroke="${s.stroke}" stroke-width="3"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
      out.push(`<text x="10" y="${y - 8}" font-size="17" font-style="italic" font-weight="700" fill="${s.stroke}">${esc(l.label)}</text>`);
    }
  }

  for (const f of shown.filter((e) => e.kind === 'frame')) {
    const b = boxes.get(f.id)!;
    out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10" fill="rgba(255,250,240,0.16)" stroke="rgba(43,33,24,0.7)" stroke-width="3" stroke-dasharray="16 8"/>`);
    out.push(`<text x="${b.x}" y="${b.y - 10}" font-size="22" font-weight="700" fill="${look.ink}">${esc((f as { name: string }).name)}</text>`);
  }

  const shownIds = new Set(shown.map((e) => e.id));
  out.push(
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${look.ink}"/></marker></defs>`,
  );
  for (const c of all) {
    if (c.kind !== 'connector' || !shownIds.has(c.fromId) || !shownIds.has(c.toId)) continue;
    const p = connectorPoints(boxes.get(c.fromId)!, boxes.get(c.toId)!, c.route);
    const pts = [];
    for (let i = 0; i < p.length; i += 2) pts.push(`${p[i]},${p[i + 1]}`);
    out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${look.ink}" stroke-width="3" stroke-linejoin="round" marker-end="url(#arrow)"/>`);
    if (c.label) {
      const mx = (p[0] + p[p.length - 2]) / 2;
      const my = (p[1] + p[p.length - 1]) / 2;
      out.push(`<text x="${mx}" y="${my}" font-size="15" text-anchor="middle" fill="${look.ink}" stroke="${look.paper}" stroke-width="4" paint-order="stroke">${esc(c.label)}</text>`);
    }
  }

  if (ladderBox) out.push(ladderSvg(time, grid.stages, ladderTop, ladderEnd, locale, (id) => all.find((e) => e.id === id), scenario ? { name: scenario.name, asIsLead: asIsLead! } : null));
  for (const e of shown) {
    if (e.kind === 'frame') continue;
    const t = e.kind === 'step' ? time.steps.get(e.id) : undefined;
    // A step the scenario removes takes no time there: no badge, no process time.
    const times =
      e.kind === 'step' && t && !t.removed
        ? {
            waitMinutes: t.waitMinutes,
            // A zero wait is a known time (not missing) but no queue: no badge, as on the canvas.
            wait: !t.waitMinutes ? null : formatDuration(t.waitMinutes, e.waitUnit, locale),
            process: t.processMinutes === null ? null : formatDuration(t.processMinutes, e.processUnit, locale),
          }
        : null;
    const b = boxes.get(e.id)!;
    out.push(card(e, b, costText(e.id), times));
    // Removed in the scenario exported: crossed out, as the canvas draws it (StepNode.tsx).
    if (t?.removed)
      out.push(
        `<path class="removed" d="M${b.x + 8} ${b.y + 8}L${b.x + b.w - 8} ${b.y + b.h - 8}M${b.x + b.w - 8} ${b.y + 8}L${b.x + 8} ${b.y + b.h - 8}" stroke="rgba(139,30,63,0.75)" stroke-width="4" fill="none"/>`,
      );
  }
  // Dot-vote counts, as the canvas shows them once a round is revealed.
  const round = activeRound(readRounds(doc));
  if (round?.status === 'revealed') {
    for (const id of round.elementIds) {
      const n = round.tally[id] ?? 0;
      const b = boxes.get(id);
      if (!n || !b || !shownIds.has(id)) continue;
      out.push(
        `<g class="votes"><circle cx="${b.x + b.w - 4}" cy="${b.y + 4}" r="20" fill="${look.voteBadge}" stroke="#fff" stroke-width="3"/><text x="${b.x + b.w - 4}" y="${b.y + 11}" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">${n}</text></g>`,
      );
    }
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The timeline ladder as the canvas draws it (renderer/canvas/LadderLayer.tsx): waits above, process times below, totals at the end. */
function ladderSvg(
  time: BoardTime,
  stages: { id: string; start: number; size: number }[],
  top: number,
  end: number,
  locale: string,
  element: (id: string) => { kind: string; title?: string } | undefined,
  scenario: { name: string; asIsLead: number } | null,
): string {
  const L = look.ladder;
  const { lead } = time;
  const dur = (m: number) => durationAsText(m, locale);
  const yW = top + L.waitY;
  const yP = top + L.processY;
  const bands = new Map(stages.map((b) => [b.id, b]));
  const g: string[] = ['<g class="ladder">'];
  g.push(`<text x="${-look.laneHeader}" y="${top + 20}" font-size="20" font-weight="700" fill="${look.ink}">Timeline</text>`);
  g.push(
    `<text x="-20" y="${yW - 6}" font-size="15" text-anchor="end" fill="${waitColours[2]}">waiting</text><text x="-20" y="${yP + 18}" font-size="15" text-anchor="end" fill="${look.ink}">processing</text>`,
  );
  const pts: string[] = [];
  let last = end;
  for (const st of lead.ladder) {
    const band = bands.get(st.stageId);
    const x0 = band ? band.start : end;
    const x1 = band ? band.start + band.size : end + L.outsideW;
    if (!band) last = x1;
    const mid = x0 + (x1 - x0) * 0.55;
    pts.push(`${x0},${yW} ${mid},${yW} ${mid},${yP} ${x1},${yP}`);
    if (st.waitMinutes > 0)
      g.push(`<text class="ladder-wait" x="${(x0 + mid) / 2}" y="${yW - 10}" font-size="17" font-weight="700" text-anchor="middle" fill="${waitColours[2]}">${esc(dur(st.waitMinutes))}</text>`);
    if (st.processMinutes > 0)
      g.push(`<text class="ladder-process" x="${(mid + x1) / 2}" y="${yP + 25}" font-size="17" font-weight="700" text-anchor="middle" fill="${look.ink}">${esc(dur(st.processMinutes))}</text>`);
    if (!band && st.leadMinutes > 0) g.push(`<text x="${(x0 + x1) / 2}" y="${yP + 50}" font-size="15" text-anchor="middle" fill="#6b5a48">outside the stages</text>`);
  }
  if (pts.length) g.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${look.ink}" stroke-width="4" stroke-linejoin="round" stroke-linecap="round"/>`);
  const tx = last + L.totalsGap;
  const pce = lead.pce === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(lead.pce);
  g.push(`<rect x="${tx}" y="${top - 10}" width="${L.totalsW}" height="${L.processY + 60}" rx="8" fill="rgba(255,250,240,0.92)" stroke="rgba(43,33,24,0.4)" stroke-width="2"/>`);
  g.push(`<text class="ladder-shows" x="${tx + 14}" y="${top + 18}" font-size="15" fill="#6b5a48">${esc(scenario?.name ?? 'As-is')}</text>`);
  // With a scenario, the as-is lead time beside its own, as the canvas's ladder shows it.
  const changed = scenario && scenario.asIsLead !== lead.leadMinutes ? `${dur(scenario.asIsLead)} → ` : '';
  g.push(
    `<text class="ladder-lead" x="${tx + 14}" y="${top + 44}" font-size="${changed ? 18 : 20}" font-weight="700" fill="${waitColours[2]}">${esc(`Lead time ${changed}${dur(lead.leadMinutes)}`)}</text>`,
  );
  g.push(`<text x="${tx + 14}" y="${top + 70}" font-size="17" fill="${look.ink}">${esc(`Process time ${dur(lead.processMinutes)}`)}</text>`);
  g.push(`<text x="${tx + 14}" y="${top + 93}" font-size="17" fill="${look.ink}">${esc(`PCE ${pce}`)}</text>`);
  if (lead.missing.length)
    g.push(
      `<text x="${tx + 14}" y="${top + 116}" font-size="15" font-style="italic" fill="#6b5a48">${esc(`at least: ${lead.missing.length} step${lead.missing.length === 1 ? ' has' : 's have'} no time yet`)}</text>`,
    );
  const loop = lead.cycles[0];
  if (loop) {
    const title = (id: string) => element(id)?.title || 'Untitled step';
    const more = lead.cycles.length > 1 ? ` (and ${lead.cycles.length - 1} more loop${lead.cycles.length > 2 ? 's' : ''})` : '';
    g.push(
      `<text class="ladder-loop" x="${-look.laneHeader}" y="${yP + 80}" font-size="17" font-weight="700" fill="#8b1e3f">${esc(`A loop back for rework: ${[...loop, loop[0]].map(title).join(' → ')} — left out of the lead time${more}`)}</text>`,
    );
  }
  g.push('</g>');
  return g.join('');
}

interface CardTimes {
  waitMinutes: number | null;
  wait: string | null;
  process: string | null;
}

function card(e: CanvasElement, b: Box, cost: string | undefined, times: CardTimes | null = null): string {
  const g: string[] = [`<g transform="translate(${b.x} ${b.y})${e.rotation ? ` rotate(${e.rotation})` : ''}">`];
  if (e.kind === 'text') {
    g.push(textBlock(wrapText(e.text, b.w, e.fontSize, Math.max(1, Math.floor(b.h / (e.fontSize * 1.25)))), 0, 0, e.fontSize, `font-weight="700" fill="${look.ink}"`));
  } else if (e.kind === 'note') {
    g.push(`<rect x="3" y="5" width="${b.w}" height="${b.h}" rx="2" fill="rgba(58,42,26,0.3)"/><rect width="${b.w}" height="${b.h}" rx="2" fill="${look.cardFill[e.color]}"/>`);
    g.push(textBlock(wrapText(e.text, b.w - 24, 18, Math.floor((b.h - 24) / 22.5)), 12, 10, 18, `fill="${look.ink}"`));
  } else if (e.kind === 'step') {
    g.push(`<rect x="2" y="3" width="${b.w}" height="${b.h}" rx="8" fill="rgba(58,42,26,0.28)"/>`);
    g.push(`<rect width="${b.w}" height="${b.h}" rx="8" fill="${look.cardFill[e.color]}" stroke="rgba(60,40,20,0.35)"/>`);
    g.push(`<path d="M0 8V8a8 8 0 0 1 8-8h${b.w - 16}a8 8 0 0 1 8 8z" fill="${look.valueClass[e.valueClass]}"/>`);
    const footer = e.painPoint || e.failPoint || e.waitPoint || e.momentOfTruth || e.owner || cost !== undefined || times?.process ? 30 : 0;
    g.push(textBlock(wrapText(e.title || 'Untitled step', b.w - 24, 18, Math.max(1, Math.floor((b.h - 26 - footer) / 22.5))), 12, 14, 18, `font-weight="700" fill="${look.ink}"`));
    let x = 10;
    for (const f of stepFlags.filter((f) => e[f])) {
      const label = look.flags[f].label;
      const w = 14 + label.length * 8;
      g.push(
        `<rect x="${x}" y="${b.h - 30}" width="${w}" height="22" rx="11" fill="${look.flags[f].fill}"/><text x="${x + w / 2}" y="${b.h - 14}" font-size="14" font-weight="700" fill="#fff" text-anchor="middle">${label}</text>`,
      );
      x += w + 4;
    }
    let right = b.w - 8;
    if (cost !== undefined) {
      const text = cost;
      const w = 12 + text.length * 8.4;
      g.push(
        `<rect x="${b.w - w - 8}" y="${b.h - 30}" width="${w}" height="22" rx="6" fill="${look.ink}"/><text x="${b.w - w / 2 - 8}" y="${b.h - 14}" font-size="14" font-weight="700" fill="#fff6dd" text-anchor="middle">${esc(text)}</text>`,
      );
      right -= w + 4;
    }
    if (times?.process) {
      const w = 12 + times.process.length * 8;
      if (right - w >= x)
        g.push(
          `<g class="process-time"><rect x="${right - w}" y="${b.h - 29.25}" width="${w}" height="20.5" rx="10" fill="none" stroke="${look.ink}" stroke-width="1.5"/><text x="${right - w / 2}" y="${b.h - 14}" font-size="14" font-weight="700" fill="${look.ink}" text-anchor="middle">${esc(times.process)}</text></g>`,
        );
    }
    if (times?.wait && times.waitMinutes !== null) {
      // The wait badge on the card's top edge, growing and warming with the wait (look.ts).
      const badge = waitBadgeLook(times.waitMinutes);
      const size = badge.fontSize;
      const pad = Math.round(size * 0.3);
      const text = `wait ${times.wait}`;
      const w = Math.round(text.length * size * 0.6 + 2 * pad);
      const h = size + 2 * pad;
      g.push(
        `<g class="wait-badge"><rect x="10" y="${8 - h}" width="${w}" height="${h}" rx="${Math.round(size * 0.45)}" fill="${badge.fill}" stroke="#fff6dd" stroke-width="2"/><text x="${10 + w / 2}" y="${8 - pad - Math.round(size * 0.2)}" font-size="${size}" font-weight="700" fill="#fff" text-anchor="middle">${esc(text)}</text></g>`,
      );
    }
  }
  g.push('</g>');
  return g.join('');
}
