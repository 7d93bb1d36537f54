import { expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readBoard } from '../model/board.js';
import { writeRound, type VoteRound } from '../model/vote.js';
import { addNote, addStep } from '../operations/addCard.js';
import { readScenarios } from '../model/scenario.js';
import { addConnector } from '../operations/addConnector.js';
import { updateElements } from '../operations/updateElements.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { boardSvg, wrapText } from './svg.js';

it('the board as SVG: text as text, escaped; headers, lines, cost badges; a selection alone', () => {
  const doc = boardFrom('sample-info-request');
  const id = addNote.run(doc, { x: -900, y: -900, text: 'a < b & "c"' }, ctx);
  const svg = boardSvg(doc);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('>Line of interaction</text>');
  expect(svg).toContain('>$600K/yr</text>');
  expect(svg).toContain('>a &lt; b &amp; &quot;c&quot;</text>');
  const only = boardSvg(doc, { ids: [id], background: 'transparent' });
  expect(only).not.toContain('Line of interaction');
  expect(only).not.toContain('fill="#c49a62"');
  expect(wrapText('one two three four five six', 140, 18, 2)).toEqual(['one two three', 'four five six']);
  expect(wrapText('one two three four five six seven eight', 140, 18, 2)[1].endsWith('…')).toBe(true);
});

it('a revealed vote shows its counts on the cards; an open one shows nothing (ballots are secret)', () => {
  const doc = boardFrom('sample-info-request');
  const steps = [...readBoard(doc).elements.values()].filter((e) => e.kind === 'step').map((e) => e.id);
  const round: VoteRound = { id: 'round000001', title: 'Fix first', perPerson: 3, elementIds: steps.slice(0, 3), status: 'open', startedAt: 1, revealedAt: null, placed: 4, voters: 2, tally: {} };
  doc.transact(() => writeRound(doc, round));
  expect(boardSvg(doc)).not.toContain('class="votes"');
  doc.transact(() => writeRound(doc, { ...round, status: 'revealed', revealedAt: 2, tally: { [steps[0]]: 3, [steps[2]]: 1 } }));
  const svg = boardSvg(doc);
  expect(svg.match(/class="votes"/g)).toHaveLength(2);
  expect(svg).toMatch(/fill="#fff">3<\/text><\/g>/);
  // An export of other cards leaves the counts of cards it does not show out.
  expect(boardSvg(doc, { ids: [steps[1]] })).not.toContain('class="votes"');
});

it('times in the SVG as on the canvas: wait badges that grow with the wait, process times, stage lead times, the ladder and a loop', () => {
  const doc = boardFrom('sample-info-request');
  const steps = [...readBoard(doc).elements.values()].filter((e) => e.kind === 'step');
  const id = (title: string) => steps.find((s) => s.kind === 'step' && s.title.startsWith(title))!.id;
  const day = 24 * 60;
  // The sample comes with times: start from a map nobody has timed yet (the to-be's time overrides go too).
  updateElements.run(doc, { ids: steps.map((s) => s.id), patch: { waitMinutes: null, processMinutes: null, firstTimeRight: null } }, ctx);
  doc.transact(() => doc.getMap<Y.Map<unknown>>('scenarios').forEach((m) => [...m.keys()].filter((k) => /\/(waitMinutes|processMinutes|firstTimeRight)$/.test(k)).forEach((k) => m.delete(k))));
  // Nothing timed: no badge, no ladder.
  expect(boardSvg(doc)).not.toContain('class="ladder"');
  updateElements.run(doc, { ids: [id('Receives brochure')], patch: { waitMinutes: 28 * day, waitUnit: 'weeks', processMinutes: 30, processUnit: 'minutes' } }, ctx);
  updateElements.run(doc, { ids: [id('Call-centre agent')], patch: { waitMinutes: 20, waitUnit: 'minutes', processMinutes: 10, processUnit: 'minutes' } }, ctx);
  const svg = boardSvg(doc);
  expect(svg.match(/class="wait-badge"/g)).toHaveLength(2);
  const size = (text: string) => Number(new RegExp(`font-size="(\\d+)"[^>]*>${text}</text>`).exec(svg)![1]);
  expect(size('wait 4 weeks')).toBe(24);
  expect(size('wait 20 min')).toBe(12);
  expect(svg).toContain(`>30 min</text></g>`);
  expect(svg).toMatch(/class="stage-lead"[^>]*>28 days<\/text>/);
  expect(svg).toMatch(/class="ladder-lead"[^>]*>Lead time 28 days<\/text>/);
  expect(svg).toContain('>at least: 10 steps have no time yet</text>');
  expect(svg).not.toContain('ladder-loop');
  addConnector.run(doc, { fromId: id('Call-centre agent'), toId: id('Receives brochure') }, ctx);
  addConnector.run(doc, { fromId: id('Receives brochure'), toId: id('Call-centre agent') }, ctx);
  expect(boardSvg(doc)).toMatch(/class="ladder-loop"[^>]*>A loop back for rework: .* — left out of the lead time<\/text>/);
  // A selection alone has no ladder.
  expect(boardSvg(doc, { ids: [id('Receives brochure')] })).not.toContain('class="ladder"');
});

it('a cost that is a range reads as one on the exported card, a guessed one is marked "~"; a to-be export draws the steps only it has', () => {
  const doc = boardFrom('sample-info-request');
  const { elements } = readBoard(doc);
  const calls = [...elements.values()].find((e) => e.kind === 'step' && e.title.startsWith('Call-centre agent'))!;
  // 80,000–120,000 calls at $6.00, a guess: the card says ~$480–720K/yr where it said $600K/yr (the lane's total still does).
  updateElements.run(doc, { ids: [calls.id], patch: { volumeLow: 80_000, volumeHigh: 120_000, volumeEvidence: 'guess' } }, ctx);
  const svg = boardSvg(doc);
  expect(svg).toContain('>~$480–720K/yr</text>');

  const toBe = readScenarios(doc)[0];
  addStep.run(doc, { x: 4000, y: 4000, title: 'Web page', scenarioId: toBe.id }, ctx);
  expect(boardSvg(doc)).not.toContain('Web page');
  expect(boardSvg(doc, { scenarioId: toBe.id })).toContain('>Web page</text>');
});
