import type * as Y from 'yjs';
import { elementsMap, kinds } from '../model/board.js';
import { isElementKind } from '../model/kinds.js';
import type { Touch } from '../permissions.js';
import type { Operation } from './types.js';

// A change in the workshop's words, as the board's status line says its undo and redo: "move of
// ‘Sales call’", "wait of ‘Print brochure’", "deletion of 3 steps", "new step ‘Sales call’".
// The words are the operation's own `label`; the cards are those its `touches` names (read
// before it runs: a deleted card has no name after), else those it made (its result).

/** What a card is called in a sentence: a step, a sticky note, an arrow. */
const kindWords: Record<string, [one: string, many: string]> = {
  step: ['step', 'steps'],
  note: ['sticky note', 'sticky notes'],
  text: ['text', 'texts'],
  frame: ['frame', 'frames'],
  lane: ['lane', 'lanes'],
  stage: ['stage', 'stages'],
  connector: ['arrow', 'arrows'],
  line: ['line', 'lines'],
};

/** Fields in the workshop's words, where their name is not that already. */
const fieldWordsOf: Record<string, string> = {
  color: 'colour',
  waitMinutes: 'wait',
  waitUnit: 'wait',
  processMinutes: 'process time',
  processUnit: 'process time',
  unitCents: 'unit cost',
  rateCents: 'hourly rate',
  fixedCents: 'fixed cost',
  investmentCents: 'investment',
  runningCents: 'running cost',
};

/** "wait", "wait and its evidence", "colour": the fields a patch sets ("waitMinutesLow" is the wait's range). */
export function fieldWords(keys: string[]): string {
  const words = new Set(
    keys.map((k) => {
      const [, base, part] = /^(.*?)(Low|High|Evidence|Source)?$/.exec(k)!;
      const word = fieldWordsOf[base] ?? base.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
      return part === 'Evidence' || part === 'Source' ? `${word} ${part.toLowerCase()}` : word;
    }),
  );
  const list = [...words];
  return list.length <= 2 ? list.join(' and ') : 'details';
}

/** One ledger cell's edit in words: the field it sets. */
export function cellWords(edit: { op: string; args: object }): string {
  if (edit.op === 'setElementText') return 'text';
  const keys = (a: object, k: string) => Object.keys((a as Record<string, object>)[k] ?? {});
  if (edit.op === 'setOverride') return `to-be ${fieldWords(keys(edit.args, 'values'))}`;
  return fieldWords(keys(edit.args, 'patch'));
}

interface Named {
  kind: string;
  text: string;
}

/** A card's kind, and its text when `withText` (one card is named; many are only counted). */
function read(elements: Y.Map<Y.Map<unknown>>, id: string, withText: boolean): Named | null {
  const m = elements.get(id);
  const kind = m?.get('kind');
  if (!m || typeof kind !== 'string' || !isElementKind(kind)) return null;
  const field = withText ? kinds[kind].textField : null;
  const text = field ? m.get(field) : '';
  return { kind, text: typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '' };
}

/** ‘Sales call’, an untitled step, 3 steps, 4 cards. Arrows and lines go with the cards they hang on, and are named only alone. */
function nameOf(found: Named[]): string {
  const cards = found.some((f) => f.kind !== 'connector' && f.kind !== 'line') ? found.filter((f) => f.kind !== 'connector' && f.kind !== 'line') : found;
  if (cards.length === 1) {
    const [one] = cards;
    if (one.text) return `‘${one.text.length > 40 ? `${one.text.slice(0, 39)}…` : one.text}’`;
    return `an untitled ${kindWords[one.kind]?.[0] ?? 'card'}`;
  }
  const sorts = new Set(cards.map((c) => c.kind));
  return `${cards.length} ${sorts.size === 1 ? (kindWords[cards[0].kind]?.[1] ?? 'cards') : 'cards'}`;
}

/**
 * Called before the operation runs, with the touches it declared; the function it returns is
 * called with what the run returned, and gives the words. A card untitled before (a title typed
 * into a new step) is named as it is after.
 */
export function changeWords<A>(doc: Y.Doc, op: Operation<A, unknown>, args: A, touches: Touch[]): (result: unknown) => string {
  const label = typeof op.label === 'string' ? op.label : op.label(args);
  const elements = elementsMap(doc);
  // The kinds come with the touches; the texts are read for a few only: a step deleted with its
  // arrows is named, 500 pasted rows are counted (a move of 10,000 cards read each one: 23 ms).
  const touched = new Map<string, string>();
  for (const t of touches) if (t.on === 'element' && t.id !== 'new' && t.kind !== null) touched.set(t.id, t.kind);
  const ids = [...touched.keys()];
  const before = ids.length <= 50 ? ids.map((id) => read(elements, id, true)).filter((n): n is Named => n !== null) : [...touched.values()].map((kind) => ({ kind, text: '' }));
  // "new step ‘Sales call’" (what it made, named); "move of ‘Sales call’" (what it changed). A
  // label that says already what it is about ("deletion of a scenario") is said as it is.
  const about = (name: string) => (label.startsWith('new ') ? `${label} ${name}` : label.includes(' of ') ? label : `${label} of ${name}`);
  return (result) => {
    // A card untitled before (its title just typed) is named as it is now.
    if (before.length) return about(nameOf(before.length === 1 && !before[0].text ? [read(elements, ids[0], true) ?? before[0]] : before));
    const made = typeof result === 'string' ? [result] : Array.isArray(result) ? result.filter((r): r is string => typeof r === 'string') : [];
    const after = made.map((id) => read(elements, id, made.length <= 50)).filter((n): n is Named => n !== null);
    // An untitled new step is just "new step".
    return after.length === 0 || (after.length === 1 && !after[0].text && label.startsWith('new ')) ? label : about(nameOf(after));
  };
}
