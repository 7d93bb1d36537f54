import type * as Y from 'yjs';
import { z } from 'zod';
import { SCHEMA_VERSION, boardDefaults, insertElement, metaMap, templateIdSchema } from '../model/board.js';
import { shortText } from '../model/fields.js';
import { newLane } from '../model/lane.js';
import { insertScenario, type Override } from '../model/scenario.js';
import { lineLabels, newLine } from '../model/line.js';
import { keyAfter } from '../model/order.js';
import { newStage } from '../model/stage.js';
import { newStep } from '../model/step.js';
import { minutesPer } from '../model/duration.js';
import { templates, type TemplateDuration } from '../model/templates.js';
import { defineOperation } from './types.js';
import { newElements, scenariosTouch } from './touches.js';

/** Successive order keys for a list laid down in one go. */
function orderKeys(n: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push(keyAfter(keys));
  return keys;
}

/** The meta keys a new board sets. */
const boardMetaKeys = ['schemaVersion', 'title', 'template', 'createdAt', 'currency', 'period', 'locale'];

const minutesOf = (d: TemplateDuration) => d[0] * minutesPer[d[1]];

/** Lay out a new board from a template: meta, lanes, stages and any starter steps. */
export const initBoard = defineOperation({
  name: 'initBoard',
  label: 'new board',
  args: z.strictObject({ title: shortText.min(1), template: templateIdSchema }),
  touches(_doc: Y.Doc, { template }) {
    const t = templates[template];
    const kinds = [...(t.lanes.length ? ['lane'] : []), ...(t.stages.length ? ['stage'] : []), ...(t.lines?.length ? ['line'] : []), ...(t.steps.length ? ['step'] : [])];
    return [...boardMetaKeys.map((key) => ({ on: 'meta' as const, key })), ...newElements(kinds), ...(t.scenarios?.length ? scenariosTouch : [])];
  },
  run(doc: Y.Doc, { title, template }, ctx) {
    const t = templates[template];
    doc.transact(() => {
      const meta = metaMap(doc);
      meta.set('schemaVersion', SCHEMA_VERSION);
      meta.set('title', title);
      meta.set('template', template);
      meta.set('createdAt', ctx.now);
      for (const [k, v] of Object.entries(boardDefaults)) meta.set(k, v);
      const lanes = orderKeys(t.lanes.length).map((order, i) => newLane({ order, name: t.lanes[i], showsEmotion: i === t.emotionLane }));
      const stages = orderKeys(t.stages.length).map((order, i) => newStage({ order, name: t.stages[i] }));
      const lines = orderKeys(t.lines?.length ?? 0).map((order, i) => {
        const l = t.lines![i];
        return newLine({ order, style: l.style, label: lineLabels[l.style], afterLaneId: lanes[l.afterLane]?.id ?? null });
      });
      for (const r of [...lanes, ...stages, ...lines]) insertElement(doc, r);
      const stepIds: string[] = [];
      orderKeys(t.steps.length).forEach((order, i) => {
        const s = t.steps[i];
        const step = newStep({
          order,
          x: 30,
          y: 40,
          title: s.title,
          valueClass: s.valueClass ?? 'unclassified',
          painPoint: s.painPoint ?? false,
          waitPoint: s.waitPoint ?? false,
          laneId: lanes[s.lane]?.id ?? null,
          stageId: stages[s.stage]?.id ?? null,
          volume: s.volume ?? null,
          unitCents: s.unitCents ?? null,
          fixedCents: s.fixedCents ?? null,
          owner: s.owner ?? '',
          notes: s.notes ?? '',
          waitMinutes: s.wait ? minutesOf(s.wait) : null,
          ...(s.wait && { waitUnit: s.wait[1] }),
          processMinutes: s.process ? minutesOf(s.process) : null,
          ...(s.process && { processUnit: s.process[1] }),
          firstTimeRight: s.firstTimeRight ?? null,
        });
        stepIds.push(step.id);
        insertElement(doc, step);
      });
      orderKeys(t.scenarios?.length ?? 0).forEach((order, i) => {
        const sc = t.scenarios![i];
        const overrides: Record<string, Override> = {};
        for (const [k, given] of Object.entries(sc.times ?? {})) {
          const o: Override = (overrides[stepIds[Number(k)]] = {});
          if (given.wait) o.waitMinutes = minutesOf(given.wait);
          if (given.process) o.processMinutes = minutesOf(given.process);
          if (given.firstTimeRight !== undefined) o.firstTimeRight = given.firstTimeRight;
        }
        for (const k of sc.removes) overrides[stepIds[k]] = { removed: true };
        insertScenario(doc, sc.name, order, overrides, undefined, sc.price);
      });
    }, ctx.origin);
  },
});
