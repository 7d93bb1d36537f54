import { Resvg } from '@resvg/resvg-js';

/** Render SVG to PNG in Node (resvg: prebuilt from the npm registry, no browser), `scale` px per SVG px. */
export function svgToPng(svg: string, scale: number): { png: Uint8Array; width: number; height: number } {
  const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  const img = r.render();
  return { png: img.asPng(), width: img.width, height: img.height };
}
