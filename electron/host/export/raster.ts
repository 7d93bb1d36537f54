import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fontNames = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** The fonts the web client ships for exports (renderer/public/fonts → dist/web/fonts), so both draw the same letters. */
function bundledFonts(): string[] | null {
  const here = typeof __dirname !== 'undefined' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  const dirs = [path.join(here, '..', 'web', 'fonts'), path.resolve(here, '..', '..', '..', 'renderer', 'public', 'fonts')];
  const dir = dirs.find((d) => fontNames.every((f) => fs.existsSync(path.join(d, f))));
  return dir ? fontNames.map((f) => path.join(dir, f)) : null;
}

/** Render SVG to PNG in Node (resvg: prebuilt from the npm registry, no browser), `scale` px per SVG px. */
export async function svgToPng(svg: string, scale: number): Promise<{ png: Uint8Array; width: number; height: number }> {
  // Loaded when an image is drawn: the command line's other commands start faster without it.
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFiles = bundledFonts();
  const font = fontFiles ? { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };
  const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font });
  const img = r.render();
  return { png: img.asPng(), width: img.width, height: img.height };
}
