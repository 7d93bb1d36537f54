import Konva from 'konva';
import type { LayerConfig } from 'konva/lib/Layer';

/**
 * The board layer's canvas is opaque: the browser then copies it to the screen instead of
 * blending it over the page, which on a software-rendered 1600×900 window is ~2 ms of every
 * frame (scripts/dev/frameFloor.mjs: 5.0 → 3.2 ms). So the layer draws the kraft paper itself
 * (PaperShape, below) instead of showing the page's background through.
 *
 * Konva makes a layer's canvas and 2D context in its constructor and offers no `alpha`
 * option, so this layer swaps in a canvas factory for the scene canvas it makes first.
 */
class OpaqueLayer extends Konva.Layer {
  constructor(config?: LayerConfig) {
    const make = Konva.Util.createCanvasElement;
    let first = true;
    Konva.Util.createCanvasElement = () => {
      const canvas = make();
      if (first) {
        first = false;
        const get = canvas.getContext.bind(canvas) as (type: string, options?: object) => RenderingContext | null;
        (canvas as { getContext: unknown }).getContext = (type: string, options?: object) => get(type, { ...options, alpha: false });
      }
      return canvas;
    };
    try {
      super({ ...config, clearBeforeDraw: false });
    } finally {
      Konva.Util.createCanvasElement = make;
    }
  }

  // Not clearing before a draw is right for the scene (the paper covers every pixel) but Konva
  // takes the same flag for the hit graph, which must start empty: else a card's old place
  // would still answer to a click after the view moved.
  override drawHit(...args: Parameters<Konva.Layer['drawHit']>): this {
    if (!args[0]) this.getHitCanvas()?.getContext().clear();
    return super.drawHit(...args);
  }
}

// react-konva makes host nodes by name from the Konva namespace.
(Konva as unknown as Record<string, unknown>).OpaqueLayer = OpaqueLayer;
/** `<PaperLayer>`: a react-konva Layer whose canvas is opaque; its first child must paint every pixel. */
export const PaperLayer = 'OpaqueLayer' as unknown as typeof import('react-konva').Layer;

let paper: { canvas: HTMLCanvasElement; w: number; h: number; ratio: number } | null = null;

/** The kraft paper of styles.css (base, glow, two sets of fibres), drawn once per window size, in device pixels. */
function paperOf(w: number, h: number, ratio: number): HTMLCanvasElement {
  if (paper && paper.w === w && paper.h === h && paper.ratio === ratio) return paper.canvas;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(w * ratio));
  canvas.height = Math.max(1, Math.ceil(h * ratio));
  const c = canvas.getContext('2d')!;
  c.scale(ratio, ratio);
  c.fillStyle = '#c49a62';
  c.fillRect(0, 0, w, h);
  const glow = c.createRadialGradient(w * 0.3, h * 0.2, 0, w * 0.3, h * 0.2, Math.max(w, h) * 0.6);
  glow.addColorStop(0, 'rgba(255,230,190,0.25)');
  glow.addColorStop(1, 'rgba(255,230,190,0)');
  c.fillStyle = glow;
  c.fillRect(0, 0, w, h);
  // In CSS order: the first background image lies on top.
  fibres(c, w, h, 25, 7, 1, 'rgba(60,35,10,0.04)');
  fibres(c, w, h, 115, 9, 2, 'rgba(255,255,255,0.035)');
  paper = { canvas, w, h, ratio };
  return canvas;
}

/**
 * Stripes as CSS's repeating-linear-gradient draws them: `width` px of colour every `every` px
 * along the gradient angle (0° = up, clockwise). One pattern fill of a one-stripe tile, turned
 * to the angle: a full window of single strokes took ~70 ms to draw at startup.
 */
function fibres(c: CanvasRenderingContext2D, w: number, h: number, deg: number, every: number, width: number, colour: string): void {
  const tile = document.createElement('canvas');
  tile.width = every;
  tile.height = 1;
  const t = tile.getContext('2d')!;
  t.fillStyle = colour;
  t.fillRect(0, 0, width, 1);
  const pattern = c.createPattern(tile, 'repeat');
  if (!pattern) return;
  // The tile's x axis turned onto the gradient's direction (sin a, −cos a).
  pattern.setTransform(new DOMMatrix().rotate(deg - 90));
  c.fillStyle = pattern;
  c.fillRect(0, 0, w, h);
}

/** Paints the paper under the board, fixed to the window as the page's background is. */
export function drawPaper(ctx: Konva.Context, shape: Konva.Shape): void {
  const stage = shape.getStage();
  // A stage not sized yet (0 × 0) shows nothing: no paper to make for it.
  if (!stage || !stage.width() || !stage.height()) return;
  const c = ctx._context;
  const ratio = shape.getLayer()?.getCanvas().getPixelRatio() ?? 1;
  c.setTransform(1, 0, 0, 1, 0, 0);
  c.drawImage(paperOf(stage.width(), stage.height(), ratio), 0, 0);
}
