import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DB_FILE, STORE_VERSION, storeSchemaSteps } from '../../electron/host/store/database.js';
import { openStore } from '../../electron/host/store/store.js';
import { readBoard } from '../../shared/model/board.js';
import { migrateDoc } from '../../shared/model/migrations.js';
import { rollup } from '../../shared/model/rollup.js';
import type { Step } from '../../shared/model/step.js';
import { boardFrom } from '../../shared/operations/testDoc.js';
import { tempDir } from '../helpers/host.js';

/** A store file kept as this version wrote it: every later version must open it with nothing lost. */
const FIXTURES = [
  { file: 'store-v4.sqlite', version: 4, sessions: ['Blank wall', 'Info request (store v4 fixture)'], sampleTotal: 147_600_000n, epoch: 0, checkpoints: 0 },
  // Made by `brownpaper session create` and the store of session 13: a token, a named checkpoint,
  // and the sample folded afresh once (its snapshot of epoch 1, the old doc kept as epoch 0's base).
  { file: 'store-v7.sqlite', version: 7, sessions: ['Blank wall', 'Info request (store v7 fixture)'], sampleTotal: 147_600_000n, epoch: 1, checkpoints: 1 },
];

const stepsIn = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');

describe('store migrations', () => {
  for (const f of FIXTURES) {
    it(`opens a library written at store version ${f.version} (test/fixtures/store/${f.file}) with every session and its board`, () => {
      const data = tempDir();
      fs.copyFileSync(path.resolve('test/fixtures/store', f.file), path.join(data, DB_FILE));
      const store = openStore(data, { create: false });
      try {
        expect(store.db.pragma('user_version', { simple: true })).toBe(STORE_VERSION);
        const sessions = store.sessions.list();
        expect(sessions.map((s) => s.title).sort()).toEqual(f.sessions);
        const sample = sessions.find((s) => s.template === 'sample-info-request')!;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.mergeUpdates(store.updates.load(sample.id).updates));
        migrateDoc(doc);
        expect(rollup(stepsIn(doc)).total).toBe(f.sampleTotal);
        expect((store.db.prepare('SELECT count(*) AS n FROM tokens').get() as { n: number }).n).toBe(1);
        expect(store.updates.load(sample.id).epoch).toBe(f.epoch);
        expect(store.checkpoints.list(sample.id)).toHaveLength(f.checkpoints);
        if (f.epoch > 0) expect(store.updates.baseEpochs(sample.id)).toEqual([f.epoch - 1]);
      } finally {
        store.close();
      }
    });
  }

  for (let from = 0; from < STORE_VERSION; from++) {
    it(`lifts a store of version ${from} to version ${STORE_VERSION}, keeping its sessions and updates`, () => {
      const data = tempDir();
      const db = new Database(path.join(data, DB_FILE));
      storeSchemaSteps.slice(0, from).forEach((step) => db.exec(step));
      db.pragma(`user_version = ${from}`);
      const board = Y.encodeStateAsUpdate(boardFrom('sample-info-request'));
      if (from >= 1) {
        db.prepare('INSERT INTO sessions (id, title, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('s1', 'Old wall', 'sample-info-request', 1, 1);
        db.prepare('INSERT INTO updates (session_id, data, created_at) VALUES (?, ?, ?)').run('s1', board, 1);
      }
      db.close();
      const store = openStore(data, { create: false });
      try {
        expect(store.db.pragma('user_version', { simple: true })).toBe(STORE_VERSION);
        if (from >= 1) {
          expect(store.sessions.list().map((s) => s.title)).toEqual(['Old wall']);
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.mergeUpdates(store.updates.load('s1').updates));
          expect(stepsIn(doc).length).toBe(stepsIn(boardFrom('sample-info-request')).length);
        }
        // Every table of this version is usable: a session made now writes to all of them.
        const s = store.sessions.create({ title: 'New wall', template: 'blank' });
        store.tokens.issue(s.id, 'participant');
      } finally {
        store.close();
      }
    });
  }
});
