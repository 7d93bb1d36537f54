import { Group, Rect, Shape, Text } from 'react-konva';
import type { Step } from '../../shared/model/step';
import { stepFlags } from '../../shared/model/step';
import { cardFill, flagStyle, fontFamily, ink, inkSoft, valueClassColour } from './theme';

/** A process step card: value-class strip, title, owner, flags. Draws from the record only. */
export function StepNode({ step, editing, badge, heat, removed }: { step: Step; editing: boolean; badge: string | null; heat: number | null; removed: boolean }) {
  const flags = stepFlags.filter((f) => step[f]);
  const footer = flags.length > 0 || step.owner || badge ? 30 : 0;
  const badgeW = badge ? 12 + badge.length * 8.4 : 0;
  let fx = 10;
  return (
    <>
      {/* Card, flat offset shadow and value-class strip in one shape: one save/restore per card
          instead of three, and no blurred canvas shadow (a frame's budget on a big board). */}
      <Shape
        width={step.w}
        height={step.h}
        sceneFunc={(ctx, shape) => {
          const c = ctx._context;
          const { w, h } = { w: shape.width(), h: shape.height() };
          c.fillStyle = 'rgba(58,42,26,0.28)';
          c.beginPath();
          c.roundRect(2, 3, w, h, 8);
          c.fill();
          c.fillStyle = cardFill[step.color];
          c.beginPath();
          c.roundRect(0, 0, w, h, 8);
          c.fill();
          c.strokeStyle = 'rgba(60,40,20,0.35)';
          c.lineWidth = 1;
          c.stroke();
          if (heat !== null) {
            // Heat view: the step's share of the total, from pale to deep red.
            c.fillStyle = `rgba(214,69,69,${(0.08 + 0.6 * heat).toFixed(3)})`;
            c.beginPath();
            c.roundRect(0, 0, w, h, 8);
            c.fill();
          }
          c.fillStyle = valueClassColour[step.valueClass];
          c.beginPath();
          c.roundRect(0, 0, w, 8, [8, 8, 0, 0]);
          c.fill();
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
        }}
        hitFunc={(ctx, shape) => {
          ctx.beginPath();
          ctx.rect(0, 0, shape.width(), shape.height());
          ctx.fillStrokeShape(shape);
        }}
      />
      {step.valueClass === 'waste' && <Rect x={step.w - 26} y={14} width={16} height={16} fill={valueClassColour.waste} cornerRadius={8} listening={false} />}
      {!editing && (
        <Text
          x={12}
          y={18}
          width={step.w - 24 - (step.valueClass === 'waste' ? 18 : 0)}
          height={Math.max(20, step.h - 26 - footer)}
          text={step.title || 'Untitled step'}
          fill={step.title ? ink : inkSoft}
          fontSize={18}
          fontStyle="bold"
          fontFamily={fontFamily}
          lineHeight={1.2}
          wrap="word"
          ellipsis
          listening={false}
        />
      )}
      {footer > 0 && (
        <Group y={step.h - footer} listening={false}>
          {flags.map((f) => {
            const label = flagStyle[f].label;
            const w = 14 + label.length * 8;
            const chip = (
              <Group key={f} x={fx}>
                <Rect width={w} height={22} fill={flagStyle[f].fill} cornerRadius={11} />
                <Text x={4} y={4} width={w - 8} text={label} fontSize={14} fontStyle="bold" fill="#fff" fontFamily={fontFamily} align="center" />
              </Group>
            );
            fx += w + 4;
            return chip;
          })}
          {step.owner && <Text x={fx} y={3} width={Math.max(0, step.w - fx - 14 - badgeW)} text={step.owner} fontSize={13} fill={inkSoft} fontFamily={fontFamily} ellipsis wrap="none" />}
          {badge && (
            <Group x={step.w - badgeW - 8}>
              <Rect width={badgeW} height={22} fill="#2b2118" cornerRadius={6} />
              <Text x={6} y={4} width={badgeW - 12} text={badge} fontSize={14} fontStyle="bold" fill="#fff6dd" fontFamily={fontFamily} align="center" wrap="none" />
            </Group>
          )}
        </Group>
      )}
    </>
  );
}
