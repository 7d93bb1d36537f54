import { useMemo } from 'react';
import { Shape } from 'react-konva';
import { fitLine, wrapLines } from './textLayout';
import { cardHit, paintCard } from './cardPaint';
import type { Step } from '../../shared/model/step';
import { stepFlags } from '../../shared/model/step';
import { cardFill, cardTypes, flagStyle, fontFamily, heatFill, ink, inkSoft, valueClassColour, type CardType } from './theme';
import { useUi } from '../state/uiStore';
import { toBeInk } from './ToBeTag';

/** A process step card: value-class strip, title, owner, flags. Draws from the record only. */
export function StepNode({
  step,
  editing,
  badge,
  process,
  heat,
  heatBy,
  removed,
}: {
  step: Step;
  editing: boolean;
  badge: string | null;
  process: string | null;
  heat: number | null;
  heatBy: 'cost' | 'wait' | null;
  removed: boolean;
}) {
  const type = useUi((s) => (s.bigScreen ? cardTypes.bigScreen : cardTypes.desk));
  const flags = stepFlags.filter((f) => step[f]);
  const footer = flags.length > 0 || step.owner || badge || process ? type.footer : 0;
  const text = useMemo(() => layoutText(step, editing, badge, process, footer, type), [step, editing, badge, process, footer, type]);
  return (
    // Card, flat offset shadow, value-class strip and text in one shape: one node and one
    // save/restore per card, no blurred canvas shadow (a frame's budget on a big board).
    <Shape
      width={step.w}
      height={step.h}
      sceneFunc={(ctx, shape) => {
        const c = ctx._context;
        const { w, h } = { w: shape.width(), h: shape.height() };
        paintCard(c, w, h, cardFill[step.color], 8, { dx: 2, dy: 3, alpha: 0.28 });
        // A step that exists only in a to-be has a dashed border: not there yet, the change brings it.
        c.strokeStyle = step.scenarioId !== null ? toBeInk : 'rgba(60,40,20,0.35)';
        c.lineWidth = step.scenarioId !== null ? 3 : 1;
        if (step.scenarioId !== null) c.setLineDash([10, 6]);
        c.stroke();
        c.setLineDash([]);
        if (heat !== null) {
          c.fillStyle = heatFill(heatBy, heat);
          c.beginPath();
          c.roundRect(0, 0, w, h, 8);
          c.fill();
        }
        c.fillStyle = valueClassColour[step.valueClass];
        c.beginPath();
        c.roundRect(0, 0, w, 8, [8, 8, 0, 0]);
        c.fill();
        if (step.valueClass === 'waste') {
          // Waste also gets a dot, so it reads without colour vision.
          c.beginPath();
          c.arc(w - 18, 22, 8, 0, 2 * Math.PI);
          c.fill();
        }
        if (removed) {
          // Removed in the shown scenario: crossed out.
          c.strokeStyle = 'rgba(139,30,63,0.75)';
          c.lineWidth = 4;
          c.beginPath();
          c.moveTo(8, 8);
          c.lineTo(w - 8, h - 8);
          c.moveTo(w - 8, 8);
          c.lineTo(8, h - 8);
          c.stroke();
        }
        drawText(c, text);
      }}
      hitFunc={cardHit}
    />
  );
}

const fonts = (t: CardType) => ({ title: `bold ${t.title}px ${fontFamily}`, chip: `bold ${t.chip}px ${fontFamily}`, owner: `${t.owner}px ${fontFamily}` });

interface StepText {
  type: CardType;
  title: string[];
  titleColour: string;
  titleWidth: number;
  footerY: number;
  chips: { x: number; w: number; label: string; fill: string }[];
  owner: { x: number; text: string } | null;
  badge: { x: number; w: number; text: string } | null;
  /** the process time, an outlined chip left of the cost badge */
  process: { x: number; w: number; text: string } | null;
}

/** Where every piece of a step's text goes: measured once per change of the card. */
function layoutText(step: Step, editing: boolean, badge: string | null, process: string | null, footer: number, type: CardType): StepText {
  const font = fonts(type);
  const titleWidth = step.w - 24 - (step.valueClass === 'waste' ? 18 : 0);
  const titleHeight = Math.max(20, step.h - type.titleInset - footer);
  const title = editing ? [] : wrapLines(step.title || 'Untitled step', font.title, titleWidth, Math.max(1, Math.floor(titleHeight / (type.title * 1.2))));
  // Chip and badge widths follow their type size (8 px a character at 14 px).
  const perChar = (8 * type.chip) / 14;
  const chips: StepText['chips'] = [];
  let fx = 10;
  for (const f of stepFlags) {
    if (!step[f]) continue;
    const label = flagStyle[f].label;
    const w = 14 + label.length * perChar;
    chips.push({ x: fx, w, label, fill: flagStyle[f].fill });
    fx += w + 4;
  }
  const badgeW = badge ? 12 + badge.length * perChar * 1.05 : 0;
  const processW = process ? 12 + process.length * perChar : 0;
  const processX = step.w - 8 - badgeW - (badge ? 4 : 0) - processW;
  const ownerWidth = Math.max(0, step.w - fx - 14 - badgeW - (process ? processW + 4 : 0));
  return {
    type,
    title,
    titleColour: step.title ? ink : inkSoft,
    titleWidth,
    footerY: step.h - footer,
    chips,
    owner: step.owner && ownerWidth > 10 ? { x: fx, text: fitLine(step.owner, font.owner, ownerWidth) } : null,
    badge: badge ? { x: step.w - badgeW - 8, w: badgeW, text: badge } : null,
    // A narrow card gives the process time what room is left beside the chips, else none rather than overlap.
    process: process && processX >= fx ? { x: processX, w: processW, text: process } : null,
  };
}

/** Title, flag chips, owner and cost badge in one pass (one save/restore for all of a card's text). */
function drawText(c: CanvasRenderingContext2D, t: StepText): void {
  const font = fonts(t.type);
  const { chipHeight } = t.type;
  const chipText = (chipHeight - t.type.chip) / 2 + 1;
  c.textBaseline = 'top';
  c.font = font.title;
  c.fillStyle = t.titleColour;
  t.title.forEach((line, i) => c.fillText(line, 12, 18 + i * t.type.title * 1.2 + 1));
  c.font = font.chip;
  c.textAlign = 'center';
  for (const chip of t.chips) {
    c.fillStyle = chip.fill;
    c.beginPath();
    c.roundRect(chip.x, t.footerY, chip.w, chipHeight, chipHeight / 2);
    c.fill();
    c.fillStyle = '#fff';
    c.fillText(chip.label, chip.x + chip.w / 2, t.footerY + chipText);
  }
  if (t.badge) {
    c.fillStyle = '#2b2118';
    c.beginPath();
    c.roundRect(t.badge.x, t.footerY, t.badge.w, chipHeight, 6);
    c.fill();
    c.fillStyle = '#fff6dd';
    c.fillText(t.badge.text, t.badge.x + t.badge.w / 2, t.footerY + chipText);
  }
  if (t.process) {
    c.strokeStyle = ink;
    c.lineWidth = 1.5;
    c.beginPath();
    c.roundRect(t.process.x, t.footerY + 0.75, t.process.w, chipHeight - 1.5, chipHeight / 2);
    c.stroke();
    c.fillStyle = ink;
    c.fillText(t.process.text, t.process.x + t.process.w / 2, t.footerY + chipText);
  }
  c.textAlign = 'start';
  if (t.owner) {
    c.font = font.owner;
    c.fillStyle = inkSoft;
    c.fillText(t.owner.text, t.owner.x, t.footerY + 3);
  }
}
