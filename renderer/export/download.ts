import type { RasterReply, RasterRequest } from './rasterWorker';

/**
 * Hand a file to the person: in the desktop app the native save dialog (which asks before
 * replacing a file); in a browser, a download. Resolves false if the person cancelled.
 */
export async function download(name: string, data: Blob): Promise<boolean> {
  if (window.brownpaper) return (await window.brownpaper.saveFile({ name, data: new Uint8Array(await data.arrayBuffer()) })).saved;
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Past this many pixels an export is brought down to the largest scale that fits (memory, not a canvas limit). */
const MAX_EXPORT_PIXELS = 268e6;

/** The fonts exports are drawn with (renderer/public/fonts), as absolute URLs for the worker. */
const fontUrls = () => ['/fonts/DejaVuSans.ttf', '/fonts/DejaVuSans-Bold.ttf'].map((p) => new URL(p, window.location.origin).href);

interface RasterWorker {
  worker: Worker;
  pending: Map<number, { resolve(r: RasterReply): void; reject(e: Error): void }>;
}
let raster: RasterWorker | null = null;
let nextRequest = 0;

/** The page's raster worker, made on first use and kept: its WebAssembly and fonts load once. */
function rasterWorker(): RasterWorker {
  if (raster) return raster;
  const worker = new Worker(new URL('./rasterWorker.ts', import.meta.url), { type: 'module' });
  const pending: RasterWorker['pending'] = new Map();
  worker.onmessage = (e: MessageEvent<RasterReply>) => {
    pending.get(e.data.id)?.resolve(e.data);
    pending.delete(e.data.id);
  };
  // A worker that failed (out of memory, say) is not trusted again: the next export makes a new one.
  worker.onerror = (e) => dropRasterWorker(new Error(`the image could not be drawn: ${e.message}`));
  raster = { worker, pending };
  return raster;
}

function dropRasterWorker(error: Error): void {
  if (!raster) return;
  raster.worker.terminate();
  for (const p of raster.pending.values()) p.reject(error);
  raster = null;
}

/**
 * Rasterise an SVG at `scale` pixels per board unit on the raster worker (resvg): the window
 * stays responsive however big the board. A board too large for MAX_EXPORT_PIXELS at that
 * scale is drawn at the largest scale that fits.
 */
export async function svgToPngSized(svg: string, scale: number): Promise<{ blob: Blob; width: number; height: number }> {
  const m = /viewBox="[-\d.e]+ [-\d.e]+ ([\d.e]+) ([\d.e]+)"/.exec(svg);
  const area = m ? Number(m[1]) * Number(m[2]) : 0;
  const fit = area > 0 ? Math.min(scale, Math.sqrt(MAX_EXPORT_PIXELS / area)) : scale;
  const { worker, pending } = rasterWorker();
  const id = nextRequest++;
  const reply = await new Promise<RasterReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, svg, scale: fit, fontUrls: fontUrls() } satisfies RasterRequest);
  });
  if (!reply.ok) {
    dropRasterWorker(new Error(reply.error));
    throw new Error(`the image could not be drawn: ${reply.error}`);
  }
  return { blob: new Blob([reply.png as BlobPart], { type: 'image/png' }), width: reply.width, height: reply.height };
}
