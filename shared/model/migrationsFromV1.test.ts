import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './board.js';
import { migrateDoc } from './migrations.js';

it('schema 1 → 6: steps gain flags, emotion, cost and time fields, lanes showsEmotion, the board a currency; other fields untouched', () => {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('schemaVersion', 1);
    meta.set('title', 'Old board');
    meta.set('template', 'blank');
    meta.set('createdAt', 5);
    const elements = doc.getMap<Y.Map<unknown>>('elements');
    const step = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({
      kind: 'step',
      x: 1,
      y: 2,
      w: 220,
      h: 120,
      rotation: 0,
      order: 'a0',
      locked: false,
      laneId: null,
      stageId: null,
      title: 'Answer call',
      notes: '',
      color: 'white',
      owner: 'Call centre',
      valueClass: 'waste',
    }))
      step.set(k, v);
    elements.set('step0000000001', step);
    const lane = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ kind: 'lane', name: 'Customer', order: 'a0', size: 200, locked: false })) lane.set(k, v);
    elements.set('lane0000000001', lane);
  });
  expect(migrateDoc(doc)).toEqual({ from: 1, to: 6 });
  expect(doc.getMap('meta').toJSON()).toMatchObject({ title: 'Old board', currency: 'USD', period: 'year', locale: 'en-US', discountRate: 0.08 });
  const { elements, problems } = readBoard(doc);
  expect(problems).toEqual([]);
  expect(elements.get('step0000000001')).toEqual({
    id: 'step0000000001',
    kind: 'step',
    x: 1,
    y: 2,
    w: 220,
    h: 120,
    rotation: 0,
    order: 'a0',
    locked: false,
    laneId: null,
    stageId: null,
    title: 'Answer call',
    notes: '',
    color: 'white',
    owner: 'Call centre',
    valueClass: 'waste',
    painPoint: false,
    failPoint: false,
    waitPoint: false,
    momentOfTruth: false,
    emotion: null,
    inputs: '',
    outputs: '',
    systems: '',
    volume: null,
    costMode: 'unit',
    unitCents: null,
    minutes: null,
    rateCents: null,
    fixedCents: null,
    waitMinutes: null,
    waitUnit: 'days',
    processMinutes: null,
    processUnit: 'hours',
    firstTimeRight: null,
    volumeLow: null,
    volumeHigh: null,
    volumeEvidence: null,
    volumeSource: '',
    unitCentsLow: null,
    unitCentsHigh: null,
    unitCentsEvidence: null,
    unitCentsSource: '',
    minutesLow: null,
    minutesHigh: null,
    minutesEvidence: null,
    minutesSource: '',
    rateCentsLow: null,
    rateCentsHigh: null,
    rateCentsEvidence: null,
    rateCentsSource: '',
    fixedCentsLow: null,
    fixedCentsHigh: null,
    fixedCentsEvidence: null,
    fixedCentsSource: '',
    waitMinutesLow: null,
    waitMinutesHigh: null,
    waitMinutesEvidence: null,
    waitMinutesSource: '',
    processMinutesLow: null,
    processMinutesHigh: null,
    processMinutesEvidence: null,
    processMinutesSource: '',
    scenarioId: null,
  });
  expect(elements.get('lane0000000001')).toEqual({ id: 'lane0000000001', kind: 'lane', name: 'Customer', order: 'a0', size: 200, locked: false, showsEmotion: false });
});
