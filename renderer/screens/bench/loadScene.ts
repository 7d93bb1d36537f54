import * as Y from 'yjs';
import { insertElement, metaMap, SCHEMA_VERSION } from '../../../shared/model/board';
import { newConnector } from '../../../shared/model/connector';
import { newId } from '../../../shared/model/ids';
import { newLane } from '../../../shared/model/lane';
import { keyAfter } from '../../../shared/model/order';
import { newStage } from '../../../shared/model/stage';
import { newStep } from '../../../shared/model/step';
import { templateOrigin } from '../../../shared/model/origins';

/** The peer benchmark's scene (../shared/bench/canvas/src/scene.js): cards on a lanes × stages grid, arrows between neighbours. */
export interface BenchScene {
  lanes: number;
  cards: { id: string; x: number; y: number; w: number; h: number; text: [string, string]; stage: number; lane: number }[];
  arrows: { id: string; from: string; to: string }[];
}

const LANE = 130;
const STAGE = 220;

function keys(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(keyAfter(out.slice(-1)));
  return out;
}

/**
 * Lay the scene out as a Brownpaper board: its rows become lanes and its columns stages
 * (the scene's 130 × 220 px pitch), cards become steps in their cells, arrows connectors.
 */
export function loadScene(doc: Y.Doc, scene: BenchScene): void {
  const stageCount = Math.max(1, ...scene.cards.map((c) => c.stage + 1));
  const ids = new Map(scene.cards.map((c) => [c.id, newId()]));
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', `Benchmark: ${scene.cards.length} steps`);
    meta.set('template', 'blank');
    meta.set('createdAt', 0);
    const lanes = keys(scene.lanes).map((order, i) => newLane({ order, name: `Lane ${i + 1}`, size: LANE }));
    const stages = keys(stageCount).map((order, i) => newStage({ order, name: `Stage ${i + 1}`, size: STAGE }));
    for (const r of [...lanes, ...stages]) insertElement(doc, r);
    const orders = keys(scene.cards.length + scene.arrows.length);
    scene.cards.forEach((c, i) => {
      insertElement(doc, newStep({ id: ids.get(c.id), order: orders[i], x: 0, y: 0, w: c.w, h: c.h, title: `${c.text[0]} · ${c.text[1]}`, laneId: lanes[c.lane].id, stageId: stages[c.stage].id }));
    });
    scene.arrows.forEach((a, i) => {
      insertElement(doc, newConnector({ order: orders[scene.cards.length + i], fromId: ids.get(a.from)!, toId: ids.get(a.to)! }));
    });
  }, templateOrigin);
}
