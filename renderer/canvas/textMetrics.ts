import Konva from 'konva';

type Metrics = ReturnType<Konva.Text['measureSize']>;

/**
 * Konva's Text measures the letter M (save, set the font, measureText, restore, on a canvas of
 * its own) each time a text is made or changed, and again each time it is drawn, to place its
 * baseline. The metrics depend only on the font and the text, and a board draws hundreds of
 * labels in a handful of fonts: kept here by both, the same numbers come back without the
 * canvas's work (opening a board spent about 55 ms of CPU in it). A font that finishes loading
 * changes the numbers, so they are then forgotten.
 */
const kept = new Map<string, Metrics>();
const measure = Konva.Text.prototype.measureSize;
Konva.Text.prototype.measureSize = function keptMeasureSize(this: Konva.Text, text: string): Metrics {
  const key = `${this._getContextFont()}\u0000${text}`;
  let metrics = kept.get(key);
  if (!metrics) {
    metrics = measure.call(this, text);
    // Konva asks with "M" only; the cap is for anything else that might ask with many texts.
    if (kept.size > 500) kept.clear();
    kept.set(key, metrics);
  }
  return metrics;
};
document.fonts?.addEventListener('loadingdone', () => kept.clear());
