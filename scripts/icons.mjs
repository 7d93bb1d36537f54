// The app's and the session file's icons, each made from one SVG: PNGs at every size the
// platforms ask for (build/icons/NxN.png, Linux), .icns (macOS) and .ico (Windows), drawn with
// resvg and packed with png2icons. Run after changing a source image: `node scripts/icons.mjs`.
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Each icon: its one source and the files made from it (relative to the repository). */
export const iconSets = [
  { source: 'renderer/public/favicon.svg', png: 'build/icon.png', pngDir: 'build/icons', icns: 'build/icon.icns', ico: 'build/icon.ico' },
  { source: 'build/session-file.svg', png: 'build/session-file.png', pngDir: null, icns: 'build/session-file.icns', ico: 'build/session-file.ico' },
];

function render(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

export function makeIcons() {
  for (const set of iconSets) {
    const svg = fs.readFileSync(path.join(root, set.source), 'utf8');
    const large = render(svg, 1024);
    fs.writeFileSync(path.join(root, set.png), render(svg, 512));
    if (set.pngDir) {
      fs.mkdirSync(path.join(root, set.pngDir), { recursive: true });
      for (const size of pngSizes) fs.writeFileSync(path.join(root, set.pngDir, `${size}x${size}.png`), size === 1024 ? large : render(svg, size));
    }
    const icns = png2icons.createICNS(large, png2icons.BICUBIC, 0);
    const ico = png2icons.createICO(large, png2icons.BICUBIC, 0, false, true);
    if (!icns || !ico) throw new Error(`png2icons could not pack ${set.source}`);
    fs.writeFileSync(path.join(root, set.icns), icns);
    fs.writeFileSync(path.join(root, set.ico), ico);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  makeIcons();
  console.log(`icons: ${iconSets.map((s) => s.source).join(', ')} → build/`);
}
