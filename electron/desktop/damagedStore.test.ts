import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/host.js';
import { openDatabase, StoreError } from '../host/store/database.js';
import { setAsideStore } from './damagedStore.js';

it('a damaged database is set aside untouched and a fresh one starts beside it', () => {
  const dataDir = tempDir();
  openDatabase(dataDir, { create: true }).close();
  const file = path.join(dataDir, 'brownpaper.sqlite');
  fs.writeFileSync(file, Buffer.alloc(8192, 0xab));
  const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  let error: unknown;
  try {
    openDatabase(dataDir, { create: true });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).unusableFile).toBe(file);

  const aside = setAsideStore(file, new Date('2026-12-01T09:30:00Z'));
  expect(path.basename(aside)).toBe('brownpaper-damaged-2026-12-01T09-30-00-000Z.sqlite');
  expect(crypto.createHash('sha256').update(fs.readFileSync(aside)).digest('hex')).toBe(before);
  const fresh = openDatabase(dataDir, { create: true });
  expect(fresh.prepare('select count(*) n from sessions').get()).toEqual({ n: 0 });
  fresh.close();
});
