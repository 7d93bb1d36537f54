import { expect, it } from 'vitest';
import { addNote } from '../operations/addCard.js';
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
