import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardDefaults, readBoard, templateIds } from '../model/board.js';
import { ValidationError } from '../model/validation.js';
import { readRounds, writeRound, type VoteRound } from '../model/vote.js';
import { addConnector } from '../operations/addConnector.js';
import { addNote } from '../operations/addCard.js';
import { boardFrom, ctx } from '../operations/testDoc.js';
import { buildDocFromFile, exportSession, parseSessionFile, sessionFileJsonSchema, sessionFileText } from './sessionFile.js';

const at = new Date('2026-11-24T12:00:00Z');

describe('session file', () => {
  for (const template of templateIds) {
    it(`export → import → export is byte-identical apart from exportedAt (${template})`, () => {
      const doc = boardFrom(template);
      const a = addNote.run(doc, { x: 10, y: 10, text: 'Why, "exactly"?\nTwo lines, ünïcode ✓' }, ctx);
      const b = addNote.run(doc, { x: 400, y: 10 }, ctx);
      addConnector.run(doc, { fromId: a, toId: b, label: 'hand-off' }, ctx);
      const first = sessionFileText(exportSession(doc, at));
      const again = sessionFileText(exportSession(buildDocFromFile(parseSessionFile(first)), new Date('2030-01-01T00:00:00Z')));
      expect(again.replace(/"exportedAt": "[^"]+"/, '')).toBe(first.replace(/"exportedAt": "[^"]+"/, ''));
    });
  }

  it('the published JSON Schema in docs/ is the one the code validates with', () => {
    const published = JSON.parse(fs.readFileSync('docs/session.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(sessionFileJsonSchema())));
  });

  it('voting rounds travel with their counts; an open round arrives closed (its ballots stay on the host)', () => {
    const doc = boardFrom('sample-info-request');
    const steps = exportSession(doc, at)
      .elements.filter((e) => e.kind === 'step')
      .map((e) => e.id);
    const round = (id: string, status: 'open' | 'revealed', startedAt: number): VoteRound => ({
      id,
      title: 'What hurts',
      perPerson: 3,
      elementIds: steps.slice(0, 3),
      status,
      startedAt,
      revealedAt: status === 'revealed' ? startedAt + 1 : null,
      placed: 5,
      voters: 2,
      tally: status === 'revealed' ? { [steps[0]]: 4, [steps[2]]: 1 } : {},
    });
    doc.transact(() => {
      writeRound(doc, round('roundRevealed1', 'revealed', 10));
      writeRound(doc, round('roundStillOpen', 'open', 20));
    });
    const first = sessionFileText(exportSession(doc, at));
    const back = buildDocFromFile(parseSessionFile(first));
    expect(readRounds(back).map((r) => [r.id, r.status, r.tally])).toEqual([
      ['roundRevealed1', 'revealed', { [steps[0]]: 4, [steps[2]]: 1 }],
      ['roundStillOpen', 'closed', {}],
    ]);
    const again = sessionFileText(exportSession(back, at));
    expect(again).toBe(first.replace('"status": "open"', '"status": "closed"'));
  });

  it('a version 1 file (before voting) still imports', () => {
    const file = JSON.parse(sessionFileText(exportSession(boardFrom('sample-info-request'), at)));
    file.version = 1;
    delete file.votes;
    expect(readRounds(buildDocFromFile(parseSessionFile(JSON.stringify(file))))).toEqual([]);
  });

  it('a version 2 file (steps without times, schema 3) imports with the times not given', () => {
    const file = JSON.parse(sessionFileText(exportSession(boardFrom('sample-info-request'), at)));
    file.version = 2;
    file.schemaVersion = 3;
    for (const e of file.elements) if (e.kind === 'step') for (const f of ['waitMinutes', 'waitUnit', 'processMinutes', 'processUnit', 'firstTimeRight']) delete e[f];
    const steps = [...readBoard(buildDocFromFile(parseSessionFile(JSON.stringify(file)))).elements.values()].filter((e) => e.kind === 'step');
    expect(steps.length).toBeGreaterThan(3);
    for (const s of steps) expect(s).toMatchObject({ waitMinutes: null, waitUnit: 'days', processMinutes: null, processUnit: 'hours', firstTimeRight: null });
  });

  it('a file at schema version 1 is lifted to the current records on import', () => {
    const file = JSON.parse(sessionFileText(exportSession(boardFrom('sample-info-request'), at)));
    file.schemaVersion = 1;
    delete file.board.currency;
    delete file.board.period;
    delete file.board.locale;
    for (const e of file.elements) {
      if (e.kind === 'step')
        for (const k of ['painPoint', 'failPoint', 'waitPoint', 'momentOfTruth', 'emotion', 'inputs', 'outputs', 'systems', 'volume', 'costMode', 'unitCents', 'minutes', 'rateCents', 'fixedCents'])
          delete e[k];
      if (e.kind === 'lane') delete e.showsEmotion;
    }
    const doc = buildDocFromFile(parseSessionFile(JSON.stringify(file)));
    expect(doc.getMap('meta').toJSON()).toMatchObject(boardDefaults);
    expect(
      exportSession(doc, at)
        .elements.filter((e) => e.kind === 'step')
        .every((s) => s.kind === 'step' && s.volume === null),
    ).toBe(true);
  });
});

describe('broken and hostile files are refused with what and where; nothing is built', () => {
  const good = () => JSON.parse(sessionFileText(exportSession(boardFrom('sample-info-request'), at)));
  const stepIndex = (f: { elements: { kind: string }[] }) => f.elements.findIndex((e) => e.kind === 'step');
  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => '{"format": "brownpaper-session",', /file: not JSON/],
    ['truncated', () => sessionFileText(good()).slice(0, 500), /not JSON/],
    ['an array', () => '[]', /expected a JSON object/],
    ['another format', () => JSON.stringify({ ...good(), format: 'excalidraw' }), /file\.format: expected "brownpaper-session"/],
    ['a newer version', () => JSON.stringify({ ...good(), version: 5 }), /file\.version: this app reads versions 1 to 4, got 5/],
    [
      'NaN cost (as null in JSON) in a required figure',
      () => {
        const f = good();
        f.elements[stepIndex(f)].costMode = null;
        return JSON.stringify(f);
      },
      /file\.elements\[\d+\]\.costMode/,
    ],
    [
      'a negative volume',
      () => {
        const f = good();
        f.elements[stepIndex(f)].volume = -100;
        return JSON.stringify(f);
      },
      /file\.elements\[\d+\]\.volume/,
    ],
    [
      'a huge string',
      () => {
        const f = good();
        f.elements[stepIndex(f)].title = 'x'.repeat(100_000);
        return JSON.stringify(f);
      },
      /file\.elements\[\d+\]\.title/,
    ],
    ['a prototype-pollution key', () => sessionFileText(good()).replace('"kind": "step",', '"__proto__": {"polluted": true}, "kind": "step",'), /file\.elements\[\d+\]/],
    [
      'too many elements',
      () => {
        const f = good();
        const note = { id: 'AAAAAAAAAAAAAAAAAAAAAA', kind: 'text', x: 0, y: 0, w: 10, h: 10, rotation: 0, order: 'a0', locked: false, text: '', fontSize: 12 };
        f.elements = Array.from({ length: 100_001 }, () => note);
        return JSON.stringify(f);
      },
      /file\.elements: .*100000/,
    ],
    [
      'a dangling lane reference',
      () => {
        const f = good();
        f.elements[stepIndex(f)].laneId = 'ZZZZZZZZZZZZZZZZZZZZZZ';
        return JSON.stringify(f);
      },
      /file\.elements\[\d+\]\.laneId: no lane ZZZZZZZZZZZZZZZZZZZZZZ/,
    ],
    [
      'a duplicate id',
      () => {
        const f = good();
        f.elements.push(f.elements[0]);
        return JSON.stringify(f);
      },
      /duplicate id/,
    ],
    [
      'an override of a missing step',
      () => {
        const f = good();
        f.scenarios[0].overrides.ZZZZZZZZZZZZZZZZZZZZZZ = { removed: true };
        return JSON.stringify(f);
      },
      /file\.scenarios\[0\]\.overrides\.ZZZZZZZZZZZZZZZZZZZZZZ: no step/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(what, () => {
      const text = make();
      expect(() => parseSessionFile(text)).toThrow(ValidationError);
      expect(() => parseSessionFile(text)).toThrow(message);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
  void Y;
});
