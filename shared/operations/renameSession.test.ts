import { expect, it } from 'vitest';
import { metaMap } from '../model/board.js';
import { renameSession } from './renameSession.js';
import { boardFrom, ctx } from './testDoc.js';

it('renames the session in one change, and does nothing when the title is the same', () => {
  const doc = boardFrom();
  let changes = 0;
  doc.on('afterTransaction', (t) => t.changed.size > 0 && changes++);
  expect(renameSession.run(doc, { title: 'Order to cash, as it is' }, ctx)).toBe(true);
  expect(renameSession.run(doc, { title: 'Order to cash, as it is' }, ctx)).toBe(false);
  expect(metaMap(doc).get('title')).toBe('Order to cash, as it is');
  expect(changes).toBe(1);
});

it('takes a title as the session list does: trimmed, 1 to 200 characters', () => {
  expect(renameSession.args.safeParse({ title: '  Kick-off  ' })).toMatchObject({ success: true, data: { title: 'Kick-off' } });
  expect(renameSession.args.safeParse({ title: '   ' }).success).toBe(false);
  expect(renameSession.args.safeParse({ title: 'x'.repeat(201) }).success).toBe(false);
});
