/// <reference lib="webworker" />
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import wasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';

/**
 * Rasterises export SVGs on a thread of its own with resvg (the renderer the command line
 * uses), so a 2,000-card board at 2× neither freezes the window nor meets the browser's canvas
 * size limit. The fonts ship with the app (DejaVu Sans), so the image is the same everywhere.
 * The page keeps one such worker: the WebAssembly and the fonts are loaded by the first export.
 */
export interface RasterRequest {
  id: number;
  svg: string;
  scale: number;
  fontUrls: string[];
}
export type RasterReply = { id: number } & ({ ok: true; png: Uint8Array; width: number; height: number } | { ok: false; error: string });

let ready: Promise<Uint8Array[]> | null = null;

async function setUp(fontUrls: string[]): Promise<Uint8Array[]> {
  await initWasm(fetch(wasmUrl));
  return Promise.all(fontUrls.map(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer())));
}

self.onmessage = async (e: MessageEvent<RasterRequest>) => {
  const { id, svg, scale, fontUrls } = e.data;
  try {
    ready ??= setUp(fontUrls);
    const fonts = await ready;
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } });
    const image = resvg.render();
    const png = image.asPng();
    const reply: RasterReply = { id, ok: true, png, width: image.width, height: image.height };
    image.free();
    resvg.free();
    (self as unknown as Worker).postMessage(reply, [png.buffer]);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: (err as Error).message ?? String(err) } satisfies RasterReply);
  }
};
