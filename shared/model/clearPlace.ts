import { intersects, type Box } from './geometry.js';

/** Paper left between a new card and the one it was moved past. */
const CLEAR_GAP = 20;

/**
 * Where a new card goes so it lands on no other card: `target` as it is when the paper there is
 * free, else moved on (down, or right) a card and a gap at a time until it is (50 tries at most).
 * The next card after a card (addNextCard) and "New step here" from the keyboard both use it.
 */
export function clearPlace(target: Box, cards: readonly Box[], moveOn: 'down' | 'right'): Box {
  const at = { ...target };
  for (let i = 0; i < 50 && cards.some((b) => intersects(b, at)); i++) {
    if (moveOn === 'down') at.y += target.h + CLEAR_GAP;
    else at.x += target.w + CLEAR_GAP;
  }
  return at;
}
